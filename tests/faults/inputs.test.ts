// Cases 3, 5, 6, 7, 8 and 10: input the build must refuse. One build of a content copy holding
// every fault at once (oversized fields and files, broken Big5, bad slugs, a report dated 2099), into a
// site folder that holds a previous site: every error listed, each naming its file (and line and
// field where there is one), no stack trace, exit 1, the previous site untouched and nothing left.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { brokenBig5 } from './helpers/big5';
import { build, differences, FIXTURE, snapshot, stackLines, workspace, type BuildResult } from './helpers/build';
import { SLUG } from './helpers/hostile';
import { check } from './helpers/results';

const MB = 1024 * 1024;
const META = readFileSync(join(FIXTURE, 'documents', `${SLUG}.yaml`), 'utf8');
const PLAN = readFileSync(join(FIXTURE, 'documents', `${SLUG}.txt`), 'utf8');

interface Expected {
  case: string;
  tried: string;
  /** Every one of these must be in one error line. */
  says: (string | RegExp)[];
}

const EXPECTED: Expected[] = [
  {
    case: '10 oversized input',
    tried: 'progress note of 20,001 characters (YAML)',
    says: [`status/${SLUG}/2022.yaml`, /line \d+/, 'reports[0].progress', '20,000'],
  },
  {
    case: '10 oversized input',
    tried: 'evidence title of 201 characters',
    says: [`status/${SLUG}/2022.yaml`, /line \d+/, 'reports[1].evidence[0].title', '200'],
  },
  {
    case: '10 oversized input',
    tried: 'document note of 2,001 characters (sidecar YAML)',
    says: ['documents/other-plan.yaml', /line \d+/, '"note"', '2,000'],
  },
  { case: '10 oversized input', tried: 'status file of 50 MB (a 50 MB progress note)', says: [`status/${SLUG}/2024.yaml`, '10 MB'] },
  { case: '10 oversized input', tried: 'plan text of 21 MB', says: ['documents/big-plan.txt', '20 MB'] },
  { case: '6 mis-encoded input (finding 6)', tried: 'broken Big5 plan text', says: ['documents/big5-broken.txt', /Big5/] },
  { case: '6 mis-encoded input (finding 6)', tried: 'broken Big5 status CSV', says: [`status/${SLUG}/2021.csv`, /Big5/] },
  { case: '5 bad slugs (finding 5)', tried: 'plan named x#y?z.txt', says: ['x#y?z.txt', 'such as'] },
  { case: '5 bad slugs (finding 5)', tried: 'plan named ...txt', says: ['...txt', 'such as'] },
  {
    case: '8 report dated 2099 (finding 8)',
    tried: 'CSV row reportedOn 2099-01-01',
    says: [`status/${SLUG}/2023.csv`, /line 2\b/, 'reportedOn', '2099-01-01', 'after the build date'],
  },
];

/** Writes every fault into a copy of the fixture. */
function makeFaulty(content: string): void {
  const yaml = join(content, 'status', SLUG, '2022.yaml');
  let status = readFileSync(yaml, 'utf8');
  status = status.replace(
    /(  - task: t1\n    status: \S+\n)    progress: .*\n/,
    (_, head: string) => `${head}    progress: "${'长'.repeat(20_001)}"\n`,
  );
  status = status.replace(
    /(  - task: t2\n    status: \S+\n    progress: .*\n)/,
    (_, head: string) => `${head}    evidence: [{ title: "${'题'.repeat(201)}", url: "https://www.huangyuan.gov.cn/" }]\n`,
  );
  if (!status.includes('长'.repeat(20_001)) || !status.includes('题'.repeat(201)))
    throw new Error('the fixture no longer has the reports this case edits');
  writeFileSync(yaml, status);
  const csv = join(content, 'status', SLUG, '2023.csv');
  const rows = readFileSync(csv, 'utf8').split('\n');
  rows[1] = rows[1]!.replace(',2024-01-12,', ',2099-01-01,');
  writeFileSync(csv, rows.join('\n'));
  writeFileSync(
    join(content, 'status', SLUG, '2024.yaml'),
    `document: ${SLUG}\nperiod: "2024"\nsource: demo\nreportedOn: 2025-01-10\nreports:\n  - task: t1\n    status: 达到序时进度\n    progress: "${'长'.repeat(Math.floor((50 * MB) / 3))}"\n`,
  );
  writeFileSync(
    join(content, 'status', SLUG, '2021.csv'),
    brokenBig5(readFileSync(join(FIXTURE, 'status', SLUG, '2023.csv'), 'utf8').replace(/2023/g, '2021')),
  );
  const doc = (stem: string, text: string | Buffer) => {
    writeFileSync(join(content, 'documents', `${stem}.txt`), text);
    writeFileSync(join(content, 'documents', `${stem}.yaml`), META);
  };
  doc('big-plan', PLAN.repeat(Math.ceil((21 * MB) / Buffer.byteLength(PLAN))));
  doc('big5-broken', brokenBig5(PLAN));
  doc('x#y?z', PLAN);
  doc('other-plan', PLAN);
  writeFileSync(join(content, 'documents', 'other-plan.yaml'), `${META}note: "${'注'.repeat(2_001)}"\n`);
  writeFileSync(join(content, 'documents', '...txt'), PLAN);
}

describe('cases 3, 5, 6, 7, 8, 10: input the build refuses', () => {
  let result: BuildResult;
  let errors: string[];
  let site: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    const ws = workspace('inputs');
    makeFaulty(ws.content);
    // A previous site: what a failed build must leave as it is.
    site = join(ws.dir, 'site');
    cpSync(join(FIXTURE, 'registry'), join(site, 'previous'), { recursive: true });
    mkdirSync(join(site, 'data'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>previous</title>');
    writeFileSync(join(site, 'data', 'tasks.json'), '{"tasks":[]}');
    before = snapshot(site);
    result = await build(ws, { out: site });
    errors = result.log.split('\n').filter((l) => l.startsWith('error: ') && !/^error: .* failed \(.*\); .* is unchanged$/.test(l));
  }, 600_000);

  for (const e of EXPECTED) {
    it(`${e.case}: ${e.tried}`, () => {
      const hit = errors.some((l) => e.says.every((s) => (typeof s === 'string' ? l.includes(s) : s.test(l))));
      check(
        e.case,
        `${e.tried}: an error naming ${e.says.filter((s) => typeof s === 'string').join(', ')}`,
        hit ? [] : [`no such error among ${errors.length}: ${errors.join(' | ').slice(0, 400)}`],
      );
    });
  }

  it('finding 7: every error of the run listed at once, without a stack trace', () => {
    const problems: string[] = [];
    if (result.code !== 1) problems.push(`exit ${result.code} (expected 1)`);
    if (errors.length < EXPECTED.length) problems.push(`${errors.length} errors listed for ${EXPECTED.length} faults`);
    if (stackLines(result.log).length) problems.push(`stack trace: ${stackLines(result.log)[0]}`);
    if (/RangeError|Maximum call stack|ENOENT/.test(result.log)) problems.push('a raw JavaScript error in the log');
    check('7 every error at once (finding 7)', `${EXPECTED.length} faults in one build: all listed, exit 1, no stack trace`, problems);
  });

  it("finding 7: an error in a document's metadata does not hide the errors of its status files", async () => {
    const ws = workspace('inputs-masked');
    writeFileSync(join(ws.content, 'documents', `${SLUG}.yaml`), `${META}note: "${'注'.repeat(2_001)}"\n`);
    const csv = join(ws.content, 'status', SLUG, '2023.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(',2024-01-12,', ',2099-01-01,'));
    const r = await build(ws, { out: join(ws.dir, 'site') });
    const lines = r.log.split('\n').filter((l) => l.startsWith('error: '));
    const problems: string[] = [];
    if (!lines.some((l) => l.includes(`documents/${SLUG}.yaml`) && l.includes('"note"'))) problems.push('the metadata error is not listed');
    if (!lines.some((l) => l.includes(`status/${SLUG}/2023.csv`) && l.includes('2099-01-01')))
      problems.push(
        `the report dated 2099 in status/${SLUG}/2023.csv is not listed once documents/${SLUG}.yaml has an error (its status is checked "for form only")`,
      );
    check('7 every error at once (finding 7)', "a too-long note in a plan's metadata and a report of that plan dated 2099", problems);
  });

  it('finding 3: the failed build leaves the previous site as it was and nothing of its own', () => {
    const problems = differences(snapshot(site), before).map((d) => `site changed: ${d}`);
    if (existsSync(join(site, '.prerender'))) problems.push('.prerender left in the site folder');
    const beside = readdirSync(dirname(site)).filter((n) => n.startsWith(`${basename(site)}.`));
    problems.push(...beside.map((n) => `left beside the site folder: ${n}`));
    if (!/is unchanged/.test(result.log)) problems.push('the build does not say the site is unchanged');
    check(
      '3 failed build (finding 3)',
      'a build that fails its content check: previous site untouched, no .prerender, no staging',
      problems,
    );
  });
});
