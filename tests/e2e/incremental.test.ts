// Incremental builds publish exactly what a full build publishes. On a copy of content/: build once,
// change one status report, build again reusing the caches (pages, cards, PDFs), then build from
// scratch with the page cache off, and compare every output file byte for byte. A page that shows
// status data without its read being recorded (src/portal/reads.ts) would be left stale and differ.
// Then the same with only the build date moved by one day, across one task's deadline: the daily
// rebuild re-renders exactly the pages whose bytes change, and nothing else.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOneReport, type ReportChange } from '../../bench/change-report';
import { MARKER } from '../../src/build/site-dir/integration';
import { RECORD_FILE } from '../../src/build/page-cache/integration';
import type { PageRecord } from '../../src/build/page-cache/plan';
import { workFolder } from '../../src/build/publish';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, base, out);
    else out.push(relative(base, p));
  }
  return out.sort();
}

interface Build {
  log: string;
  /** The published site. */
  outDir: string;
  /** The folder in the cache the build wrote and keeps (src/build/publish.ts). */
  workDir: string;
}

describe('incremental build', () => {
  const work = mkdtempSync(join(tmpdir(), 'qingdan-incremental-'));
  const content = join(work, 'content');
  // The project's config with caches of its own, so nothing here touches the developer's caches.
  const config = join(work, 'astro.test.config.mjs');
  let change: ReportChange;
  let coldTaskPage: string;
  let warm: Build;
  let full: Build;

  /** As `npm run build` (src/cli/build.ts): check, Astro build, output stages, publish. */
  function build(name: string, extraEnv: Record<string, string> = {}): Build {
    const outDir = join(work, name);
    const env = {
      ...process.env,
      PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      MALLOC_ARENA_MAX: '2', // as `npm run build` sets it
      QINGDAN_CONTENT_DIR: content,
      QINGDAN_CACHE_DIR: join(work, 'cache'),
      // Shards of 60 records: the real content makes several, so the rebuild reuses some.
      QINGDAN_SEARCH_SHARD_RECORDS: '60',
      // After every report in content/ (a report dated after the build date is refused).
      ...dated(DAY.first),
      ...extraEnv,
    };
    const args = [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'src/cli/build.ts'),
      '--config',
      relative(ROOT, config),
      '--out',
      outDir,
    ];
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env });
    const log = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) throw new Error(`build ${name} failed (exit ${result.status}):\n${log.slice(-4000)}`);
    return { log, outDir, workDir: workFolder(env.QINGDAN_CACHE_DIR, outDir) };
  }

  const STALE = [
    'tasks/gone-2020/t1/index.html',
    'cards/tasks/gone-2020/t1.png',
    'reports/documents/gone-2020/2020.pdf',
    'feeds/departments/gone.xml',
    // Left by the site-dir integration to the stages that write them, which remove them.
    'documents/gone-2020/template.xlsx',
    'documents/gone-2020/template-gb18030.csv',
    'data/documents/gone-2020.csv',
  ];
  /** A task whose units the text does not give, corrected in the copy of the content (never in content/ itself). */
  const CORRECTED = { slug: 'xinjiang-2024-fenqu-guankong', task: 't1', uncorrected: 't2', reason: '测试用校正：核对原件附表' };
  /**
   * The build dates, and a task (unfinished in its last report) given a deadline between them by a
   * correction in the copy: 已逾期 from the second date on, and only that changes.
   */
  const DAY = { first: '2026-06-30', next: '2026-07-01' };
  const DUE = { slug: CORRECTED.slug, task: 't3', deadline: '2026年6月30日前' };
  const dated = (day: string) => ({ QINGDAN_BUILD_DATE: day, SOURCE_DATE_EPOCH: String(Date.parse(`${day}T00:00:00Z`) / 1000) });
  let moved: Build;
  let fullMoved: Build;
  /** The page cache's record (src/build/page-cache/) after the first day's build and after the next day's. */
  const records: { first?: PageRecord; next?: PageRecord } = {};
  const readRecord = () => JSON.parse(readFileSync(join(work, 'astro-cache', RECORD_FILE), 'utf8')) as PageRecord;
  const pageOf = (build: Build, slug: string, task: string) => readFileSync(join(build.outDir, 'tasks', slug, task, 'index.html'), 'utf8');
  const taskPage = (build: Build) => {
    const slug = relative(join(content, 'status'), change.file).split('/')[0];
    return readFileSync(join(build.outDir, 'tasks', slug, change.task, 'index.html'), 'utf8');
  };

  const pagesLine = (log: string) => {
    const m = /pages: (\d+) keyed, (\d+) rendered, (\d+) reused/.exec(log);
    if (!m) throw new Error('the build printed no page-cache summary');
    return { keyed: Number(m[1]), rendered: Number(m[2]), reused: Number(m[3]) };
  };

  beforeAll(() => {
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    // An editor's correction in the copy (never in content/ itself): the page must show it with its reason.
    writeFileSync(
      join(content, 'documents', `${CORRECTED.slug}.fixes.yaml`),
      `- task: ${CORRECTED.task}\n  units:\n    responsible: [自治区生态环境厅]\n  reason: ${CORRECTED.reason}\n` +
        `- task: ${DUE.task}\n  deadlines: [${DUE.deadline}]\n  reason: 测试用校正：完成时限\n`,
    );
    writeFileSync(
      config,
      `import config from '${join(ROOT, 'astro.config.mjs')}';\n` +
        `export default { ...config, cacheDir: ${JSON.stringify(join(work, 'astro-cache'))}, vite: { ...(config.vite ?? {}), cacheDir: ${JSON.stringify(join(work, 'astro-cache', 'vite'))} } };\n`,
    );
    const cold = build('site');
    const first = pagesLine(cold.log);
    expect(first.rendered).toBe(first.keyed); // nothing to reuse yet
    change = changeOneReport(join(content, 'status'));
    coldTaskPage = taskPage(cold);
    // What a deleted document leaves behind in a kept site folder: the rebuild must remove it.
    for (const stale of STALE) {
      mkdirSync(join(cold.workDir, stale, '..'), { recursive: true });
      writeFileSync(join(cold.workDir, stale), 'stale');
    }
    warm = build('site'); // the same folder: kept, not emptied
    records.first = readRecord();
    // The reference: every page rendered, every file parsed (no page or parse cache), every card,
    // report and search shard made anew (a cache folder of its own), own Astro cache.
    full = build('full', { QINGDAN_PAGE_CACHE: 'off', QINGDAN_PARSE_CACHE: 'off', QINGDAN_CACHE_DIR: join(work, 'cache-full') });
    // The next day: the kept site rebuilt with nothing changed but the date, and its reference. The
    // first day's site is copied aside first: the rebuild replaces the published folder.
    cpSync(warm.outDir, join(work, 'site-first-day'), { recursive: true });
    warm = { ...warm, outDir: join(work, 'site-first-day') };
    moved = build('site', dated(DAY.next));
    records.next = readRecord();
    fullMoved = build('full-next', {
      ...dated(DAY.next),
      QINGDAN_PAGE_CACHE: 'off',
      QINGDAN_PARSE_CACHE: 'off',
      QINGDAN_CACHE_DIR: join(work, 'cache-full'),
    });
  }, 1_200_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('re-renders only the pages that read the changed report', () => {
    const { keyed, rendered, reused } = pagesLine(warm.log);
    expect(keyed).toBeGreaterThan(400);
    expect(rendered).toBeGreaterThan(0); // at least the task's own page
    expect(reused).toBeGreaterThan(keyed / 2); // one report of five documents: most pages do not show it
  });

  it('indexes again at most the search shard that holds the changed task', () => {
    const m = /search: \d+ records in (\d+) shards \((\d+) indexed, (\d+) from cache\)/.exec(warm.log);
    expect(m, 'the build printed no search summary').not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(2);
    // None when the change does not show in search: a report of a past period, whose task the
    // search record shows with its status in the current period.
    expect(Number(m![2])).toBeLessThanOrEqual(1);
    expect(/search: \d+ records in \d+ shards \((\d+) indexed, 0 from cache\)/.exec(full.log)?.[1]).toBe(m![1]);
  });

  it('publishes the same files, byte for byte, as a full build', () => {
    // The marker says which build wrote the folder (src/build/site-dir/): it differs by design.
    const warmFiles = files(warm.outDir);
    expect(warmFiles).not.toContain(MARKER); // the work folder's marker is not published
    expect(warmFiles).toEqual(files(full.outDir));
    const differ = warmFiles.filter((f) => !readFileSync(join(warm.outDir, f)).equals(readFileSync(join(full.outDir, f))));
    expect(differ).toEqual([]);
  });

  it('shows the changed status on the task page', () => {
    expect(taskPage(warm)).toContain(change.to);
    expect(taskPage(warm)).not.toEqual(coldTaskPage);
  });

  it('shows an editor’s correction with its reason, and says plainly what was not read', () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const corrected = text(pageOf(warm, CORRECTED.slug, CORRECTED.task));
    expect(corrected).toContain(`经人工校正 校正理由：${CORRECTED.reason}`);
    expect(corrected).toContain('自治区生态环境厅');
    expect(corrected).not.toContain('未能识别责任单位');
    expect(text(pageOf(warm, CORRECTED.slug, CORRECTED.uncorrected))).toContain('未能识别责任单位，请以原文为准');
  });

  it('removes from the kept work folder, and so from the site, what no stage publishes any more', () => {
    for (const stale of STALE) {
      expect(existsSync(join(warm.workDir, stale)), stale).toBe(false);
      expect(existsSync(join(warm.outDir, stale)), stale).toBe(false);
    }
  });

  describe('when only the build date moves by a day', () => {
    const statusLine = (build: Build) => /当前状态：[\s\S]*?<\/p>/.exec(pageOf(build, DUE.slug, DUE.task))?.[0] ?? '';

    it('marks the task whose deadline passed overnight 已逾期, and only from that day', () => {
      expect(statusLine(warm)).not.toContain('已逾期');
      expect(statusLine(moved)).toContain('已逾期');
    });

    it('re-renders exactly the pages whose bytes changed overnight', () => {
      const { keyed, rendered, reused } = pagesLine(moved.log);
      // A page keeps its cacheKey when it is reused, and gets a new one when it renders (plan.ts).
      const first = records.first!.pages;
      const next = records.next!.pages;
      expect(Object.keys(next).sort()).toEqual(Object.keys(first).sort());
      const renderedIds = Object.keys(next).filter((id) => next[id].cacheKey !== first[id].cacheKey);
      expect(renderedIds.length).toBe(rendered);
      // The published file of each keyed page: /tasks/x/t1 → tasks/x/t1/index.html, /feeds/x.xml → feeds/x.xml.
      const fileOf = (id: string) => (/\.\w+$/.test(id) ? id.slice(1) : join(id.slice(1), 'index.html'));
      const changed = Object.keys(next).filter(
        (id) => !readFileSync(join(moved.outDir, fileOf(id))).equals(readFileSync(join(warm.outDir, fileOf(id)))),
      );
      console.log(`[incremental] date moved: ${keyed} keyed pages, ${rendered} rendered, ${changed.length} of them changed`);
      expect(changed).toContain(`/tasks/${DUE.slug}/${DUE.task}`);
      expect(renderedIds.sort()).toEqual(changed.sort());
      expect(reused).toBe(keyed - rendered);
    });

    it('publishes the same files, byte for byte, as a full build of that day', () => {
      const movedFiles = files(moved.outDir);
      expect(movedFiles).toEqual(files(fullMoved.outDir));
      const differ = movedFiles.filter((f) => !readFileSync(join(moved.outDir, f)).equals(readFileSync(join(fullMoved.outDir, f))));
      expect(differ).toEqual([]);
    });
  });
});
