// Cases 2, 4, 6, 9 and 11 on one workspace, in order, each starting from what the one before left:
//   the plan and a status file in Big5 (finding 6), no machine path published (finding 9);
//   damaged cache entries (finding 2): a card, a PDF and a search shard truncated in the cache;
//   SIGKILL of the whole build in each stage (astro build, cards, PDFs, search, publish), the content
//   changed meanwhile: the published site stays the previous one, whole;
//   builds at once (finding 4): a second build on the same site folder or cache fails clearly (exit 75);
//   the rebuild after the kills: byte-identical to a clean build of the same content (case 1's).
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo';
import { big5, traditional } from './helpers/big5';
import {
  build,
  buildOk,
  differences,
  FIXTURE,
  groupProcesses,
  listFiles,
  sharedCleanBuild,
  snapshot,
  stackLines,
  startBuild,
  suiteDir,
  until,
  workspace,
  type RunningBuild,
  type Workspace,
} from './helpers/build';
import { makeHostile, SLUG } from './helpers/hostile';
import { pdfText, readAsText } from './helpers/outputs';
import { check } from './helpers/results';

const squash = (s: string) => s.replace(/\s+/g, '');

/** Folders a build leaves beside the site folder while publishing (src/build/publish.ts). */
/** What a build left beside the site folder, but its lock and the spare (the site before, kept for the next publish). */
const siblings = (site: string): string[] =>
  existsSync(dirname(site))
    ? readdirSync(dirname(site)).filter(
        (n) => n.startsWith(`${basename(site)}.`) && !n.endsWith('.lock') && n !== `${basename(site)}.spare`,
      )
    : [];

describe('cases 2, 4, 6, 9, 11: Big5 input, machine paths, damaged caches, SIGKILL in each stage, builds at once', () => {
  let ws: Workspace;
  let site: string;
  /** The published site of the first, clean build. */
  let first: Map<string, string>;
  let firstLog: string;

  beforeAll(async () => {
    ws = workspace('builds');
    site = join(ws.dir, 'site');
    // The plan and the 2023 reports as a traditional-Chinese system saves them: Big5.
    for (const f of [`documents/${SLUG}.txt`, `status/${SLUG}/2023.csv`])
      writeFileSync(join(ws.content, f), big5(readFileSync(join(FIXTURE, f), 'utf8')));
    firstLog = (await buildOk(ws, { out: site })).log;
    first = snapshot(site);
  }, 600_000);

  it('finding 6: a Big5 plan and a Big5 status file are read as Chinese, never published garbled', () => {
    const problems: string[] = [];
    const original = squash(readFileSync(join(FIXTURE, 'documents', `${SLUG}.txt`), 'utf8'));
    const tasks = (JSON.parse(readFileSync(join(site, 'data/tasks.json'), 'utf8')) as { tasks: { localId: string; text: string }[] }).tasks;
    if (tasks.length < 6) problems.push(`${tasks.length} tasks read from the Big5 plan (6 in UTF-8)`);
    for (const t of tasks)
      if (!original.includes(squash(t.text))) problems.push(`task ${t.localId}: text not in the plan: ${t.text.slice(0, 40)}`);
    const reports = (
      JSON.parse(readFileSync(join(site, 'data/reports.json'), 'utf8')) as {
        reports: { periodId: string; status: string; progress: string | null }[];
      }
    ).reports;
    const csv = readFileSync(join(FIXTURE, 'status', SLUG, '2023.csv'), 'utf8');
    const of2023 = reports.filter((r) => r.periodId === '2023');
    if (of2023.length !== 3) problems.push(`${of2023.length} reports of 2023 read from the Big5 CSV (3 written)`);
    // Status words are read in simplified characters; notes are published as written (traditional), decoded right.
    for (const r of of2023)
      if (!r.progress || !(csv.includes(r.progress) || traditional(csv).includes(r.progress)))
        problems.push(`2023 ${r.status}: progress not as written: ${r.progress?.slice(0, 40)}`);
    for (const word of ['达到序时进度', '已完成', '尚未启动'])
      if (!of2023.some((r) => r.status === word)) problems.push(`no 2023 report with status ${word}`);
    check('6 mis-encoded input (finding 6)', 'Big5 plan and Big5 CSV: converted, tasks and notes as written', problems);
  });

  it('finding 9: no path of the build machine in anything published', async () => {
    const { out: hostile } = await sharedCleanBuild('hostile', makeHostile);
    const machine = [REPO_ROOT, suiteDir(), ws.dir, tmpdir()].filter((p) => p.length > 4);
    const problems: string[] = [];
    for (const root of [site, hostile]) {
      for (const f of listFiles(root)) {
        if (f.endsWith('.png')) continue;
        const text = f.endsWith('.pdf') ? pdfText(join(root, f)) : readAsText(join(root, f));
        for (const p of machine) if (text.includes(p)) problems.push(`${basename(dirname(root))}/${f} holds ${p}`);
      }
    }
    check(
      '9 machine paths (finding 9)',
      `${listFiles(site).length + listFiles(hostile).length} published files (PDF text, search index unpacked)`,
      problems,
    );
  });

  it('finding 2: a damaged card, PDF and search shard in the cache are re-made and reported; the published site never changes', async () => {
    const cache = ws.cache;
    const problems: string[] = [];
    const entries = (dir: string, ext: string) =>
      listFiles(join(cache, dir))
        .filter((f) => f.endsWith(ext))
        .map((f) => join(cache, dir, f));
    const cards = entries('cards', '.png');
    const pdfs = entries('pdf', '.pdf');
    const shard = entries('search', '.pf_fragment');
    if (cards.length < 2 || !pdfs.length || !shard.length)
      throw new Error(`cache entries not found: ${cards.length} cards, ${pdfs.length} PDFs, ${shard.length} search files`);
    truncateSync(cards[0]!, 100);
    truncateSync(cards[1]!, 0);
    truncateSync(pdfs[0]!, Math.floor(readFileSync(pdfs[0]!).length / 2));
    writeFileSync(shard[0]!, 'damaged');
    // Published files are not links into the cache: the site is as it was.
    problems.push(...differences(snapshot(site), first).map((d) => `published site changed when the cache was damaged: ${d}`));
    const result = await build(ws, { out: site });
    if (result.code !== 0) problems.push(`rebuild exit ${result.code}: ${result.log.slice(-400)}`);
    if (!/cards: 2 cached card\(s\) damaged/.test(result.log)) problems.push('no report of the 2 damaged cards');
    if (!/the cached report was damaged/.test(result.log)) problems.push('no report of the damaged PDF');
    if (!/search: the cached shard .* was damaged/.test(result.log)) problems.push('no report of the damaged search shard');
    problems.push(...differences(snapshot(site), first).map((d) => `after the rebuild: ${d}`));
    if (readFileSync(cards[0]!).length <= 100 || readFileSync(cards[1]!).length === 0)
      problems.push('the damaged cards are not whole again in the cache');
    check('2 damaged cache (finding 2)', 'card PNG truncated to 100 and 0 bytes, PDF to half, a search shard file overwritten', problems);
  });

  describe('SIGKILL in each stage, then a rebuild', () => {
    /** The clean build of the changed content, in a workspace of its own (case 1's). */
    let expected: Map<string, string>;
    const kill = async (stage: string, dropCache: string | null, reached: (b: RunningBuild) => boolean, busy = false) => {
      if (dropCache) rmSync(join(ws.cache, dropCache), { recursive: true, force: true });
      const running = startBuild(ws, { out: site });
      const problems: string[] = [];
      try {
        if (busy) {
          // Publishing takes a fraction of a second: watched without yielding, so the kill lands inside it.
          await until(() => /\[qingdan:phase\] outputs/.test(running.log()) || running.ended(), 300_000, 'the output stages to end');
          const end = Date.now() + 30_000;
          while (!reached(running) && Date.now() < end) {
            /* spin */
          }
          if (!reached(running)) throw new Error('publishing was not seen');
          process.kill(-running.pid, 'SIGKILL');
        } else await until(() => reached(running) || running.ended(), 300_000, `${stage} to start`, 20);
        if (!reached(running)) throw new Error(`the build ended before ${stage} was seen`);
      } catch (e) {
        problems.push(`${(e as Error).message}; log: ${running.log().slice(-300)}`);
        writeFileSync(join(ws.dir, `killed-${stage.split(' ')[0]}.log`), running.log());
      }
      await running.killGroup();
      const left = groupProcesses(running.pid);
      if (left.length) problems.push(`processes left: ${left.map((p) => p.cmd).join('; ')}`);
      if (/published \d+ files/.test(running.log())) problems.push('the build published before it was killed');
      problems.push(...differences(snapshot(site), first).map((d) => `published site changed while killed: ${d}`));
      check('11 SIGKILL in a stage', `SIGKILL of every process of the build during ${stage}; previous site untouched`, problems);
    };
    const line = (re: RegExp) => (b: RunningBuild) => re.test(b.log());

    beforeAll(async () => {
      expected = snapshot((await sharedCleanBuild('hostile', makeHostile)).out);
      // The content changes (every page, card, PDF and search record with it): a killed build must not show it.
      rmSync(ws.content, { recursive: true, force: true });
      cpSync(FIXTURE, ws.content, { recursive: true });
      makeHostile(ws.content);
    }, 600_000);

    it('astro build', () => kill('astro build (rendering pages)', null, line(/generating static routes/)));
    it('cards', () => kill('cards (rendering)', 'cards', line(/cards: \d+ pages, .* to render on/)));
    it('PDFs', () => kill('PDF reports (rendering)', 'pdf', line(/\[pdf\] \[1\//)));
    it('search', () =>
      kill('search indexing (Pagefind running)', 'search', (b) =>
        groupProcesses(b.pid).some((p) => /pagefind/i.test(p.cmd) && !/vitest/.test(p.cmd)),
      ));
    it('publish', () => kill('publishing (staging folder filling)', null, () => siblings(site).some((n) => /\.staging-/.test(n)), true));

    it('the rebuild after the kills: stale locks taken over, byte-identical to a clean build; a second build meanwhile fails clearly', async () => {
      // As if a build had been killed between publishing's two renames: the site folder moved aside.
      const aside = `${site}.previous-4194302`;
      renameSync(site, aside);
      const running = startBuild(ws, { out: site });
      await until(() => /generating static routes|\[build\]/.test(running.log()) || running.ended(), 300_000, 'the rebuild to start');
      // Builds at once: the same site and cache, the same site with another cache, the same cache with another site.
      const other = workspace('builds-other');
      const second = [
        { what: 'the same site folder and cache', result: await build(ws, { out: site }) },
        { what: 'the same site folder, another cache', result: await build(other, { out: site }) },
        { what: 'the same cache, another site folder', result: await build(ws, { out: join(other.dir, 'site') }) },
      ];
      const result = await running.done;
      const problems: string[] = [];
      for (const { what, result: r } of second) {
        const p: string[] = [];
        if (r.code !== 75) p.push(`exit ${r.code} (expected 75)`);
        if (!/another build holds .*\.lock \(process \d+/.test(r.log))
          p.push(`no message naming the lock and its build: ${r.log.slice(0, 200)}`);
        if (/ENOENT/.test(r.log)) p.push(`a raw ENOENT: ${r.log.slice(0, 200)}`);
        if (stackLines(r.log).length) p.push(`a stack trace: ${stackLines(r.log)[0]}`);
        check('4 builds at once (finding 4)', `a second build on ${what} while the first runs`, p);
      }
      if (existsSync(join(other.dir, 'site'))) problems.push('the refused build made its site folder');
      if (result.code !== 0) problems.push(`rebuild exit ${result.code}: ${result.log.slice(-600)}`);
      if (!/restored .* a build was stopped while publishing/.test(result.log))
        problems.push('the site folder moved aside was not restored');
      if (!/was left by a build that is gone .*taken over/.test(result.log)) problems.push('no stale lock reported as taken over');
      problems.push(...differences(snapshot(site), expected).map((d) => `not as the clean build: ${d}`));
      problems.push(...siblings(site).map((n) => `left beside the site: ${n}`));
      if (existsSync(join(site, '.prerender'))) problems.push('.prerender published');
      check(
        '11 SIGKILL in a stage',
        'the rebuild after 5 killed builds and a site folder moved aside: byte-identical to a clean build',
        problems,
      );
      expect(second.length).toBe(3);
    });
  });
});
