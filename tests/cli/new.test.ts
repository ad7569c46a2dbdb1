// `npm run new` (src/cli/new.ts) and `npm run import` (src/cli/import.ts), as an editor runs them: a State
// Council plan from the shared corpus added to a copy of the content writes the document verbatim, its
// sidecar and the registry stubs and nothing else, validates at once, never overwrites; a filled template
// imports, --dry-run writes nothing, a second import changes nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/repo';

const CORPUS = repoPath('..', 'shared', 'corpus', '01_jili_zhichi_guobanfa2018_117.txt');
const work = mkdtempSync(join(tmpdir(), 'qingdan-new-'));
const content = join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (script: string, args: string[]) =>
  spawnSync(repoPath('node_modules/.bin/tsx'), [repoPath('src/cli', script), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, QINGDAN_CONTENT_DIR: content, QINGDAN_BUILD_DATE: '2019-03-20' },
  });

/** Every file under a folder with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

const SLUG = 'guobanfa-2018-117';
let before: Map<string, string>;
let first: ReturnType<typeof run>;
beforeAll(() => {
  cpSync(repoPath('content'), content, { recursive: true });
  before = snapshot(content);
  first = run('new.ts', [CORPUS, '--region', '100000', '--slug', SLUG]);
}, 120_000);

describe.runIf(existsSync(CORPUS))('npm run new', () => {
  it('prints what it found: title, 发文字号, tasks, units', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知');
    expect(first.stdout).toContain('国办发〔2018〕117号');
    expect(first.stdout).toMatch(/tasks:\s+30/);
    expect(first.stdout).toMatch(/units:\s+21 distinct/);
    expect(first.stdout).toMatch(/new unit 国家发展改革委 .*→ stub 100000-fgw; .*540000-fgw 西藏自治区发展和改革委员会/);
  });

  it('writes the document verbatim, its sidecar and the unit stubs, and nothing else', () => {
    const after = snapshot(content);
    const added = [...after.keys()].filter((k) => !before.has(k)).sort();
    expect(added).toEqual([`documents/${SLUG}.txt`, `documents/${SLUG}.yaml`, `registry/departments/100000.${SLUG}.yaml`]);
    expect([...before].filter(([k, v]) => after.get(k) !== v)).toEqual([]);
    expect(readFileSync(join(content, 'documents', `${SLUG}.txt`)).equals(readFileSync(CORPUS))).toBe(true);
    const sidecar = readFileSync(join(content, 'documents', `${SLUG}.yaml`), 'utf8');
    expect(sidecar).toContain('region: "100000"');
    expect(sidecar).toContain('# 发文字号（原文）：国办发〔2018〕117号');
    expect(sidecar).toMatch(/span: \{ start: 2018-12-06, end: \d{4}-12-31 \} # TODO/);
    expect(sidecar).toMatch(/sourceUrl: null # TODO/);
  });

  it('what it wrote validates at once, the stubs listed for checking', () => {
    const r = run('validate.ts', ['--document', SLUG]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^documents: 1, tasks: 30/);
    expect(r.stdout).toMatch(/registry stubs to check \(21\)/);
  }, 120_000);

  it('never overwrites', () => {
    const again = run('new.ts', [CORPUS, '--region', '100000', '--slug', SLUG]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/a document "guobanfa-2018-117" exists already \(nothing written\)/);
  }, 120_000);
});

describe.runIf(existsSync(CORPUS))('then npm run import', () => {
  it('stubs checked, a filled template imports: --dry-run writes nothing, a second run changes nothing, the plan validates', () => {
    // The editor's check of the stubs: the todo lines removed.
    const stubs = join(content, 'registry', 'departments', `100000.${SLUG}.yaml`);
    writeFileSync(stubs, readFileSync(stubs, 'utf8').replace(/^\s+todo: .*\n/gm, ''));
    const filled = join(work, 'filled.csv');
    writeFileSync(
      filled,
      '\uFEFF文件,报告期,任务,任务名称,状态,进展情况,报告单位,报告日期,来源\n' +
        `${SLUG},2019年,一、,商事制度,达到序时进度,已纳入试点。,市场监管总局,2019/3/15,\n` +
        `${SLUG},2019年,五、,财政管理,已完成,已下达奖励资金。,财政部,2019-3-18,\n` +
        `${SLUG},2019年,十、,高标准农田,,,,,\n`,
    );
    const source = [
      '--document',
      SLUG,
      '--source',
      '督查激励措施落实情况|https://www.gov.cn/zhengce/content/2018-12/10/content_5347405.htm',
    ];
    const dry = run('import.ts', [filled, ...source, '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain(`create content/status/${SLUG}/2019.yaml: 2 added (t1 t5)`);
    expect(existsSync(join(content, 'status', SLUG))).toBe(false);

    const real = run('import.ts', [filled, ...source]);
    expect(real.status).toBe(0);
    expect(readFileSync(join(content, 'status', SLUG, '2019.yaml'), 'utf8')).toContain('reportingUnit: 财政部');
    const again = run('import.ts', [filled, ...source]);
    expect(again.stdout).toContain(`unchanged content/status/${SLUG}/2019.yaml: 2 unchanged`);

    const v = run('validate.ts', ['--document', SLUG]);
    expect(v.stderr).toBe('');
    expect(v.stdout).toMatch(/status reports: 2/);
    expect(v.stdout).toContain('unverified units: none');
  }, 300_000);
});
