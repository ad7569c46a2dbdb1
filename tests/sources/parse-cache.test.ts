// The parse cache (src/sources/parse-cache.ts): a rebuild reads parsed documents and status files from
// it and gets exactly what parsing gives; changed files are parsed again; errors are never cached.
import { cpSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { repoPath } from '../helpers/repo';
import { ingestAll } from '../../src/sources/documents/index';
import { codeVersion, NO_PARSE_CACHE, openParseCache } from '../../src/sources/parse-cache';
import { SourceErrors } from '../../src/domain/source-error';
import { loadStatusReports } from '../../src/sources/status/index';

// Counts YAML parses, calling through to the real parser.
const yamlParses = vi.hoisted(() => ({ count: 0 }));
vi.mock('js-yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('js-yaml')>();
  return { ...yaml, parseEvents: (...args: Parameters<typeof yaml.parseEvents>) => (yamlParses.count++, yaml.parseEvents(...args)) };
});

const CONTENT = repoPath('content');

function copyContent() {
  const root = mkdtempSync(join(tmpdir(), 'qingdan-parse-'));
  cpSync(CONTENT, join(root, 'content'), { recursive: true });
  return { content: join(root, 'content'), cacheDir: join(root, 'cache') };
}

describe('parse cache', () => {
  it('documents and status reports from the cache equal a fresh parse', async () => {
    const { content, cacheDir } = copyContent();
    const fresh = await ingestAll(join(content, 'documents'));
    const freshReports = loadStatusReports(join(content, 'status'), fresh);

    const first = openParseCache(cacheDir, 'v1');
    const docs1 = await ingestAll(join(content, 'documents'), first);
    loadStatusReports(join(content, 'status'), docs1, first);
    expect(first.hits).toBe(0);

    const second = openParseCache(cacheDir, 'v1');
    const docs2 = await ingestAll(join(content, 'documents'), second);
    const reports2 = loadStatusReports(join(content, 'status'), docs2, second);
    expect(second.misses).toBe(0);
    expect(second.hits).toBeGreaterThan(docs2.length);
    expect(docs2).toEqual(fresh);
    expect(reports2).toEqual(freshReports); // lines included
  });

  it('a status file in the cache is not parsed again, indicators and all', async () => {
    const { content, cacheDir } = copyContent();
    const warmUp = openParseCache(cacheDir, 'v1');
    const docs = await ingestAll(join(content, 'documents'), warmUp);
    const before = yamlParses.count;
    const reports = loadStatusReports(join(content, 'status'), docs, warmUp);
    expect(yamlParses.count).toBeGreaterThan(before);
    expect(
      reports.some((r) => r.indicators.length > 0),
      'the content has indicator values',
    ).toBe(true);

    const again = openParseCache(cacheDir, 'v1');
    const docs2 = await ingestAll(join(content, 'documents'), again);
    const parsesBefore = yamlParses.count;
    expect(loadStatusReports(join(content, 'status'), docs2, again)).toEqual(reports);
    expect(yamlParses.count - parsesBefore, 'YAML parses of cached status files').toBe(0);
  });

  it('a changed file is parsed again; another code version starts afresh', async () => {
    const { content, cacheDir } = copyContent();
    const warmUp = openParseCache(cacheDir, 'v1');
    const docs = await ingestAll(join(content, 'documents'), warmUp);
    loadStatusReports(join(content, 'status'), docs, warmUp);

    const file = join(content, 'status', 'haidong-2019-yaodian', '2019-Q4.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/status: \S+/, 'status: 已完成'));
    const again = openParseCache(cacheDir, 'v1');
    const reports = loadStatusReports(join(content, 'status'), await ingestAll(join(content, 'documents'), again), again);
    expect(again.misses).toBe(1);
    expect(reports.filter((r) => r.file.endsWith('2019-Q4.yaml'))[0].status).toBe('已完成');
    expect(again.prune()).toBe(1); // the entry of the file as it was

    const other = openParseCache(cacheDir, 'v2');
    await ingestAll(join(content, 'documents'), other);
    expect(other.hits).toBe(0);
  });

  it('an error is reported with its line on every build, cached or not', async () => {
    const { content, cacheDir } = copyContent();
    const file = join(content, 'status', 'haidong-2019-yaodian', '2019-Q4.yaml');
    const text = readFileSync(file, 'utf8');
    // Valid YAML, wrong for the content: a task the document does not have. Its parse is cached.
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^\s*- task: /.test(l));
    lines[at] = lines[at].replace(/task: .*/, 'task: t999');
    writeFileSync(file, lines.join('\n'));
    const errorsWith = async (cache = openParseCache(cacheDir, 'v1')) => {
      try {
        loadStatusReports(join(content, 'status'), await ingestAll(join(content, 'documents')), cache);
      } catch (e) {
        expect(e).toBeInstanceOf(SourceErrors);
        return (e as SourceErrors).errors.map((x) => `${x.message}`);
      }
      throw new Error('no error');
    };
    const uncached = await errorsWith(NO_PARSE_CACHE);
    expect(uncached.join('\n')).toContain(`line ${at + 1}, field "reports[0].task"`);
    expect(await errorsWith()).toEqual(uncached); // first build: parsed and stored
    expect(await errorsWith()).toEqual(uncached); // second: from the cache, same file and line
  });

  it("two processes may share the cache: an entry is written aside and renamed, and prune leaves the other's entries on their way in", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'qingdan-parse-cache-shared-'));
    const check = openParseCache(cacheDir, 'v1');
    const pages = openParseCache(cacheDir, 'v1');
    const key = check.key('status', 'a');
    const folder = join(cacheDir, key.slice(0, 2));
    check.set(key, { reports: [1, 2, 3] });
    expect(readdirSync(folder)).toEqual([`${key}.json`]); // nothing left aside
    expect(pages.get(key)).toEqual({ reports: [1, 2, 3] });
    // The check is writing an entry while the pages' ingest prunes: its file stays; a stopped process's goes.
    const writing = `${pages.key('status', 'b')}.json.4242.tmp`;
    const left = `${pages.key('status', 'c')}.json.4343.tmp`;
    writeFileSync(join(folder, writing), '{"repo');
    writeFileSync(join(folder, left), '{"repo');
    const longAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(folder, left), longAgo, longAgo);
    expect(pages.prune()).toBe(1);
    expect(readdirSync(folder).sort()).toEqual([`${key}.json`, writing].sort());
  });

  it('the code version covers every file of the parser folders, and is null when one is missing', async () => {
    const src = repoPath('src');
    expect(codeVersion([join(src, 'sources'), join(src, 'domain')])).toMatch(/^[0-9a-f]{16}$/);
    expect(codeVersion([join(src, 'no-such-folder')])).toBeNull();
  });
});
