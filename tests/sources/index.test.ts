// The sources of a content root (index.ts): every error of documents, registry and status in one list,
// a bad document never hiding the next one's errors nor its status files' errors; nothing of the build
// machine's paths in what is published.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceErrors } from '../../src/domain/source-error';
import { loadSources } from '../../src/sources/index';
import { repoPath } from '../helpers/repo';

const META = (region = '542500', extra = '') =>
  `region: "${region}"\nkind: 分工方案\nreporting: annual\nspan: { start: 2018-12-20, end: 2030-12-31 }\n${extra}`;
const TEXT = '1.加强草地资源保护。(地区农牧局)\n2.推进退牧还草。(地区林草局)\n';
const STATUS = (doc: string, period: string, reports: string) =>
  `document: ${doc}\nperiod: ${period}\nsource: demo\nreportedOn: 2019-12-20\nreports:\n${reports}`;

/** A content root in a temporary directory: the registry fixture, and the given files. */
function content(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'qingdan-content-'));
  cpSync(repoPath('tests/fixtures/registry/good'), join(root, 'registry'), { recursive: true });
  mkdirSync(join(root, 'documents'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

async function errorsOf(root: string, buildDate = '2026-12-03'): Promise<string[]> {
  try {
    await loadSources(root, undefined, buildDate);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceErrors);
    const all = e as SourceErrors;
    // One line per error in the message, and no stack trace.
    expect(all.message.split('\n')).toHaveLength(all.errors.length + 1);
    expect(all.stack).not.toMatch(/\n\s+at /);
    return all.errors.map((x) => x.message.replaceAll(`${root}/`, ''));
  }
  throw new Error('loaded without errors');
}

describe('loadSources: every error at once', () => {
  it('lists the errors of every document, the folder, the registry check and the status files in one SourceErrors', async () => {
    const root = content({
      'documents/good.txt': TEXT,
      'documents/good.yaml': META(),
      'documents/good.fixes.yaml': '- task: t99\n  lead: [地区林草局]\n  reason: 原文如此\n',
      'documents/bad-url.txt': TEXT,
      'documents/bad-url.yaml': META('542500', 'sourceUrl: "javascript:alert(1)"\n'),
      'documents/notask.txt': '关于做好工作的说明\n请各单位认真落实。\n',
      'documents/notask.yaml': META(),
      'documents/elsewhere.txt': TEXT,
      'documents/elsewhere.yaml': META('650000'),
      'documents/x#y.txt': TEXT,
      'documents/x#y.yaml': META(),
      'documents/stray.csv': 'a,b\n',
      'status/good/2019.yaml': STATUS('good', '2019', '  - { task: t99, status: 已完成, reportingUnit: 局 }\n'),
      'status/bad-url/2019.yaml': STATUS('bad-url', '2019', '  - { task: t1, status: 完成了, reportingUnit: 局 }\n'),
      'status/elsewhere/2099.yaml': STATUS('elsewhere', '2099', '  - { task: t1, status: 已完成, reportingUnit: 局 }\n'),
    });
    const errors = await errorsOf(root);
    expect(errors).toEqual([
      expect.stringMatching(/^documents\/x#y\.txt: "x#y" cannot be a document's name .* such as x-y\.txt/),
      expect.stringMatching(/^documents\/stray\.csv: unexpected file "stray\.csv"/),
      expect.stringMatching(/^documents\/bad-url\.yaml, line 5, field "sourceUrl": not an http\(s\) address/),
      expect.stringMatching(/^documents\/good\.fixes\.yaml, line 1, field "0\.task": no task "t99" in good/),
      expect.stringMatching(/^documents\/notask\.txt: no task found/),
      expect.stringMatching(/^documents\/elsewhere\.yaml, field "region": unknown region code "650000"/),
      expect.stringMatching(/^status\/bad-url\/2019\.yaml, line 6, field "reports\[0\]\.status": invalid value "完成了"/),
      expect.stringMatching(
        /^status\/elsewhere\/2099\.yaml, line 2, field "period": period "2099" starts on 2099-01-01, after the build date 2026-12-03/,
      ),
      // The document's corrections are wrong, yet its status file is checked against its tasks.
      expect.stringMatching(/^status\/good\/2019\.yaml, line 6, field "reports\[0\]\.task": unknown task "t99"/),
    ]);
  });

  it('a registry that cannot be read is one more error in the list', async () => {
    const root = content({ 'documents/notask.txt': '没有任务。\n', 'documents/notask.yaml': META() });
    writeFileSync(join(root, 'registry', 'regions.yaml'), 'regions: [\n');
    const errors = await errorsOf(root);
    expect(errors).toEqual([
      expect.stringMatching(/notask\.txt: no task found/),
      expect.stringMatching(/regions\.yaml, line \d+: YAML syntax error/),
    ]);
  });
});

describe('loadSources: nothing of the build machine in what is published', () => {
  it('documents and reports name their files relative to the content folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'qingdan-machine-'));
    cpSync(repoPath('content'), join(root, 'content'), { recursive: true });
    const sources = await loadSources(join(root, 'content'), undefined, '2026-12-03');
    expect(sources.documents.map((d) => d.sourceFile)).toEqual(sources.documents.map((d) => `documents/${d.slug}.txt`));
    expect(sources.reports.every((r) => /^status\/[a-z0-9-]+\/[0-9QH-]+\.(yaml|csv)$/.test(r.file))).toBe(true);
    const published = JSON.stringify({ documents: sources.documents, reports: sources.reports });
    expect(published).not.toContain(root);
    expect(published).not.toContain(tmpdir());
    expect(published).not.toContain(repoPath());
  }, 60_000);
});
