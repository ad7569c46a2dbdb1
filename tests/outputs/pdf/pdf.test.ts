// PDF annual reports: escaping, which reports exist and what they hold, a real compiled PDF checked
// with poppler (pdfinfo, pdftotext, pdffonts, pdftohtml), the cache, and the pool of render processes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repoPath } from '../../helpers/repo';
import { fontBuffers } from '../../../src/build/fonts';
import { readSettings } from '../../../src/config';
import { PdfCache, pdfCacheDir, pdfTemplateVersion, reportContent, reportKey, TEMPLATE_FILES } from '../../../src/outputs/pdf/cache';
import {
  HOSTILE_TEXT,
  makePortal,
  SMALL_DOCUMENTS,
  smallPortal,
  treePortal,
  XIZANG_DOCUMENT,
  type FixtureDocument,
} from '../../fixtures/portal-pdf';
import { palette } from '../../../src/outputs/pdf/palette';
import { buildReports, pdfWorkerCount, pdfWorkerPath, WORKER_MB } from '../../../src/outputs/pdf/pipeline';
import { missingGlyphs } from '../../../src/outputs/pdf/glyphs';
import { renderTypst, TypstError } from '../../../src/outputs/pdf/render';
import { processWorker } from '../../../src/build/pool/handles';
import { HeldMemory, memoryBudgetMb, MIN_WORKER_BUDGET_MB } from '../../../src/build/pool/memory';
import { runPool, type PoolResult } from '../../../src/build/pool/run-pool';
import { availableReports } from '../../../src/portal/available-reports';
import { reportsForPortal } from '../../../src/outputs/pdf/report-model';
import { MAX_PROGRESS_CHARS, type ReportSpec } from '../../../src/outputs/pdf/report-spec';
import { statusForYear } from '../../../src/outputs/pdf/report-tally';
import {
  escapeTypst,
  escapeTypstLines,
  reportSource,
  TEMPLATE_VERSION,
  typstString,
  type Palette,
} from '../../../src/outputs/pdf/typst-source';
import { documentReportUrl, regionReportUrl, regionUrl } from '../../../src/domain/urls';
import { parsePeriod } from '../../../src/domain/periods';

const DEMO = '示例数据（非官方）';

// A report whose path contains "broken" gets a source typst rejects: the only way to make the real
// pipeline meet a compile error, since every text that reaches the source is escaped.
vi.mock('../../../src/outputs/pdf/typst-source', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/outputs/pdf/typst-source')>();
  return {
    ...real,
    reportSource: (spec: ReportSpec, p: Palette) => (spec.path.includes('broken') ? '#let x = (\n' : real.reportSource(spec, p)),
  };
});
// Real typst compiles and poppler runs: generous limits for a busy CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const work = mkdtempSync(join(tmpdir(), 'qingdan-pdf-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// ---- helpers: a bare compiler for snippets, poppler on a file ----

let snippetCompiler: NodeCompiler;
beforeAll(() => {
  const f = fontBuffers();
  snippetCompiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: [f[400], f[700]] }] });
});

function compileSnippet(body: string) {
  const src = `#set page(width: 16cm, height: auto, margin: 1cm)\n#set text(font: "Noto Sans SC", lang: "zh", fallback: false)\n${body}\n`;
  const res = snippetCompiler.compile({ mainFileContent: src });
  if (res.hasError() || !res.result) throw new Error(`snippet did not compile:\n${src}`);
  return res.result;
}

const QUIET = { encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
let fileNo = 0;
function toFile(pdf: Buffer): string {
  const f = join(work, `f${fileNo++}.pdf`);
  writeFileSync(f, pdf);
  return f;
}
const pdftotext = (file: string, first?: number, last?: number) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first), '-l', String(last ?? first)] : []), '-enc', 'UTF-8', file, '-'], QUIET);
// poppler warns "Suspects object is wrong type" about typst's (valid) /MarkInfo: keep stderr quiet.
const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], QUIET);
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(file))![1]);
/**
 * The first `count` numbers of a table row in the PDF, read with pdftotext -layout: the first line holding
 * at least `count` numbers that contains `label` or follows it within two lines (a demo label can push the
 * numbers onto the line below the name). Lines that merely mention the label (the outline) are skipped.
 */
function rowNumbers(file: string, label: string, count: number): number[] {
  const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], QUIET).split('\n');
  const numbersOf = (line: string) => [...line.replace(label, '').matchAll(/(?<![\d年])\d+(?![\d年])/g)].map((m) => Number(m[0]));
  for (const [i, line] of lines.entries()) {
    if (!line.includes(label)) continue;
    const row = lines
      .slice(i, i + 3)
      .map(numbersOf)
      .find((n) => n.length >= count);
    if (row) return row.slice(0, count);
  }
  throw new Error(`no row of ${count} numbers at ${label}`);
}
/** Link targets in a PDF, as pdftohtml sees them. */
const pdfLinks = (file: string) =>
  [...execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' }).matchAll(/<a href="([^"]+)"/g)].map(
    (m) => m[1],
  );
/** The 9 status counts of a spec's totals, in ALL_STATUSES order (尚未启动 … 长期坚持, 未报告, 已逾期). */
const countsList = (counts: { count: number }[]) => counts.map((c) => c.count);
/** The typst source's level-1 headings. */
const chapters = (source: string) => [...source.matchAll(/^= (.*)$/gm)].map((m) => m[1]);

/** Text of a snippet as poppler extracts it, whitespace removed (pdftotext spaces and wraps at will). */
const snippetText = (body: string) => pdftotext(toFile(snippetCompiler.pdf(compileSnippet(body)))).replace(/\s+/g, '');

const CLOSING = /^[，。、；：？！）》」』】”]/;

/**
 * The text at the start of each visual line. pdftotext splits a line where typst hangs a 。 into the
 * margin, so a poppler "line" that sits on the same baseline right after another one is a continuation.
 */
function lineStarts(file: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const out: string[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
      x0: Number(m[1]),
      y: Number(m[2]),
      x1: Number(m[3]),
      text: [...m[4].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    }));
    for (const l of lines) {
      const continues = lines.some((o) => o !== l && Math.abs(o.y - l.y) < 1 && o.x0 < l.x0 && l.x0 - o.x1 < 12);
      if (!continues) out.push(l.text);
    }
  }
  return out;
}

// ---- escaping ----

describe('escapeTypst', () => {
  it('backslash-escapes every markup character', () => {
    for (const c of ['#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '\\', '/', '~', '=', '-', '+', '"', "'", '.', ':']) {
      expect(escapeTypst(`a${c}b`)).toBe(`a\\${c}b`);
    }
    expect(escapeTypst('中文，没有特殊字符')).toBe('中文，没有特殊字符');
  });

  it('collapses whitespace and newlines so escaped text never starts a source line', () => {
    expect(escapeTypst('  一\n\n= 二\t三 ')).toBe('一 \\= 二 三');
    expect(escapeTypst('a\u0000b\u001Fc\u2028d')).toBe('abcd');
  });

  it('keeps lines and paragraphs in escapeTypstLines', () => {
    expect(escapeTypstLines('一\n- 二\n\n\n1. 三')).toBe('一 \\\n\\- 二\n\n1\\. 三');
  });

  it('prints hostile text exactly as written and creates no markup elements', () => {
    const samples = [
      HOSTILE_TEXT,
      '#read("/etc/passwd") #import "x.typ": * $ a^2 $',
      '= 标题\n- 列表\n+ 编号\n/ 术语: 解释\n1. 一\n2) 二',
      'http://example.com/a_b*c // 不是注释 /* 也不是 */',
      '--- -- ... -? ~ \\u{41} \\',
      '<label> @ref [内容] {代码} "双引" \'单引\'',
    ];
    for (const s of samples) {
      const doc = compileSnippet(`#block[${escapeTypst(s)}]\n\n${escapeTypstLines(s)}`);
      // (Smart quotes are not queryable: the exact-text comparison below catches curly quotes.)
      for (const sel of ['heading', 'list', 'enum', 'terms', 'strong', 'emph', 'raw', 'math.equation', 'ref', 'link']) {
        expect(snippetCompiler.query(doc, { selector: sel }), `${sel} in ${s}`).toEqual([]);
      }
      const expected = s.replace(/\s+/g, '');
      expect(pdftotext(toFile(snippetCompiler.pdf(doc))).replace(/\s+/g, '')).toBe(expected + expected);
    }
  });

  it('typstString survives quotes, backslashes and newlines', () => {
    const s = 'a"b\\c\nd#e';
    expect(snippetText(`#text(${typstString(s)})`)).toBe('a"b\\cd#e');
  });
});

// ---- which reports exist ----

describe('reportsForPortal', () => {
  const portal = smallPortal();
  const specs = reportsForPortal(portal, { siteUrl: 'https://qingdan.example.cn/' });
  const byPath = new Map(specs.map((s) => [s.path, s]));

  it('gives one report per region and year (years of the documents of the region and below) and per document and period, at the urls.ts paths', () => {
    expect(specs.map((s) => s.path).sort()).toEqual(
      [
        regionReportUrl('540000', '2019'),
        regionReportUrl('540000', '2020'),
        regionReportUrl('542500', '2019'),
        regionReportUrl('542500', '2020'),
        regionReportUrl('542521', '2019'),
        documentReportUrl('ali-fengong', '2019'),
        documentReportUrl('ali-fengong', '2020'),
        documentReportUrl('pulan-zhenggai', '2019-Q3'),
        documentReportUrl('pulan-zhenggai', '2019-Q4'),
      ].sort(),
    );
    expect(new Set(specs.map((s) => s.path)).size).toBe(specs.length);
  });

  it('lists task by task only the documents of the region itself that have a period in the year', () => {
    expect(byPath.get(regionReportUrl('542500', '2019'))!.documents.map((d) => d.slug)).toEqual(['ali-fengong']);
    expect(byPath.get(regionReportUrl('542500', '2020'))!.documents.map((d) => d.slug)).toEqual(['ali-fengong']);
    expect(byPath.get(regionReportUrl('542521', '2019'))!.documents.map((d) => d.slug)).toEqual(['pulan-zhenggai']);
    // 西藏 issues nothing itself: its report sums up 阿里 (4 tasks of 阿里 + 2 of 普兰 below it).
    expect(byPath.get(regionReportUrl('540000', '2019'))!.taskCount).toBe(0);
    expect(byPath.get(regionReportUrl('540000', '2019'))!.subtree!.taskCount).toBe(6);
  });

  it('takes the year status from the latest reported period of the year and says which', () => {
    const row = byPath.get(regionReportUrl('542521', '2019'))!.tasks[0];
    expect(row.status).toBe('已销号');
    expect(row.statusPeriod).toBe('2019年第三季度');
    const q4 = byPath.get(documentReportUrl('pulan-zhenggai', '2019-Q4'))!.tasks[0];
    expect(q4.status).toBe('未报告');
    expect(q4.statusPeriod).toBeNull();
    const timeline = portal.tasks[0].timeline;
    expect(statusForYear(timeline, '2031')).toBeNull();
  });

  it('marks demo data and keeps official data unmarked', () => {
    expect(byPath.get(documentReportUrl('ali-fengong', '2019'))!.demo).toBe(true);
    const official = byPath.get(documentReportUrl('pulan-zhenggai', '2019-Q3'))!;
    expect(official.demo).toBe(false);
    expect(official.sources).toEqual([
      { title: '阿里地区政务公开：整改落实情况', url: 'https://www.example.gov.cn/zg/2019', demo: false, periods: ['2019年第三季度'] },
    ]);
  });

  it('lists each department with the tasks it leads, then those it helps with, unverified units included', () => {
    const spec = byPath.get(documentReportUrl('ali-fengong', '2019'))!;
    const dept = (name: string) => spec.departments.find((d) => d.name === name)!;
    expect(dept('阿里地区林业和草原局').lead.map((t) => t.id)).toEqual(['ali-fengong/t1']);
    expect(dept('阿里地区林业和草原局').helping).toEqual([{ id: 'ali-fengong/t3', roles: ['配合单位'] }]);
    expect(dept('阿里地区生态环境局').lead.map((t) => t.id)).toEqual(['ali-fengong/t2']);
    expect(dept('普兰县人民政府').helping).toEqual([{ id: 'ali-fengong/t2', roles: ['责任单位'] }]);
    const unknown = dept('阿里地区水务局（筹）');
    expect(unknown.verified).toBe(false);
    expect(unknown.lead.map((t) => t.id)).toEqual(['ali-fengong/t3']);
    expect(spec.tasks.find((t) => t.id === 'ali-fengong/t3')!.leadUnits).toEqual(['阿里地区水务局（筹）（未核实）']);
    // Named without a role; merged in a reform: its tasks are listed beside its successor's own.
    expect(dept('阿里地区水利局').mentioned.map((t) => t.id)).toEqual(['ali-fengong/t4']);
    expect(dept('阿里地区环境保护局').successor).toEqual({ name: '阿里地区生态环境局', on: '2019' });
    expect(dept('阿里地区生态环境局').inherited.map((t) => t.id)).toEqual(['ali-fengong/t4']);
  });

  it('counts statuses over exactly the rows it shows', () => {
    for (const spec of specs) {
      const count = (s: string) => spec.counts.find((c) => c.status === s)!.count;
      const reported = spec.counts.filter((c) => c.status !== '已逾期').reduce((a, c) => a + c.count, 0);
      expect(reported).toBe(spec.tasks.length);
      expect(count('已逾期')).toBe(spec.tasks.filter((t) => t.overdue).length);
    }
  });

  it('cuts long progress texts and turns Markdown into plain text', () => {
    const long = '进展'.repeat(MAX_PROGRESS_CHARS);
    const p = makePortal([
      {
        slug: 'd',
        regionCode: '542500',
        title: 'T',
        docNumber: null,
        issuer: null,
        reporting: 'annual',
        tasks: [{ number: '1', text: 'x', units: [], reports: { '2019': { status: '已完成', progress: long } } }],
      },
    ]);
    const row = reportsForPortal(p).find((s) => s.kind === 'document')!.tasks[0];
    expect([...row.progress].length).toBe(MAX_PROGRESS_CHARS + 1);
    expect(row.progressCut).toBe(true);
    const first = byPath.get(documentReportUrl('ali-fengong', '2019'))!.tasks[0];
    expect(first.progress).toBe('完成禁牧面积 120 万亩； 建立巡护队伍。');
  });

  it('is deterministic: the same portal gives the same source', () => {
    const again = reportsForPortal(smallPortal(), { siteUrl: 'https://qingdan.example.cn/' });
    expect(again.map((s) => reportSource(s, palette))).toEqual(specs.map((s) => reportSource(s, palette)));
  });
});

// ---- region reports: own documents in full, each sub-region as one row ----

describe('region reports', () => {
  const tree = reportsForPortal(treePortal(), { siteUrl: 'https://qingdan.example.cn' });
  const treeByPath = new Map(tree.map((s) => [s.path, s]));
  const small = new Map(reportsForPortal(smallPortal()).map((s) => [s.path, s]));
  // Year statuses of 2019: 阿里's plan t1 达到序时进度, t2 未达到序时进度 and overdue, t3 未报告, t4 已完成;
  // 普兰's （一） 已销号 (Q3, the latest reported quarter), （二） 长期坚持.
  //                         尚未启动 未达到 达到 超过 已完成 已销号 长期坚持 未报告 已逾期
  const ALI_SUBTREE_2019 = [0, 1, 1, 0, 1, 1, 1, 1, 1];
  const PULAN_2019 = [0, 0, 0, 0, 0, 1, 1, 0, 0];

  it("do not list a sub-region's task rows, documents or departments", () => {
    const ali = treeByPath.get(regionReportUrl('542500', '2019'))!;
    expect(ali.tasks.map((t) => t.id)).toEqual(['ali-fengong/t1', 'ali-fengong/t2', 'ali-fengong/t3', 'ali-fengong/t4']);
    expect(ali.documents.map((d) => d.slug)).toEqual(['ali-fengong']);
    const listed = ali.departments.flatMap((d) => [...d.lead, ...d.helping, ...d.mentioned, ...d.inherited].map((t) => t.id));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((id) => !id.startsWith('ali-fengong/'))).toEqual([]);
    const xizang = treeByPath.get(regionReportUrl('540000', '2019'))!;
    expect(xizang.tasks.map((t) => t.id)).toEqual(['xizang-yaodian/t1', 'xizang-yaodian/t2']);
    expect(xizang.taskCount).toBe(2);
  });

  it('have one row per direct sub-region, in registry order, counting its whole subtree for the year', () => {
    const xizang = treeByPath.get(regionReportUrl('540000', '2019'))!;
    expect(xizang.subRegions.map((r) => [r.code, r.name, r.documentCount, r.taskCount])).toEqual([
      ['540100', '拉萨市', 0, 0], // its plan has periods in 2020 only
      ['542500', '阿里地区', 2, 6], // 阿里's plan and 普兰's, one level further down
    ]);
    expect(countsList(xizang.subRegions[1].counts)).toEqual(ALI_SUBTREE_2019);
    expect(xizang.subRegions[1].counts.map((c) => c.status)).toEqual(xizang.counts.map((c) => c.status));
    const ali = treeByPath.get(regionReportUrl('542500', '2019'))!;
    expect(ali.subRegions.map((r) => [r.name, r.documentCount, r.taskCount])).toEqual([
      ['普兰县', 1, 2],
      ['札达县', 0, 0],
    ]);
    expect(countsList(ali.subRegions[0].counts)).toEqual(PULAN_2019);
    // The county has no region below it: no summary.
    expect(treeByPath.get(regionReportUrl('542521', '2019'))!.subRegions).toEqual([]);
    // 2020: 拉萨's plan counts now.
    const x2020 = treeByPath.get(regionReportUrl('540000', '2020'))!;
    expect(x2020.subRegions.map((r) => [r.name, r.documentCount, r.taskCount])).toEqual([
      ['拉萨市', 1, 1],
      ['阿里地区', 1, 4],
    ]);
  });

  it("link each sub-region's page, and its report for the year exactly when the build writes one", () => {
    const paths = new Set(tree.map((s) => s.path));
    const xizang = treeByPath.get(regionReportUrl('540000', '2019'))!;
    expect(xizang.subRegions.map((r) => [r.url, r.reportUrl])).toEqual([
      [regionUrl('540100'), null],
      [regionUrl('542500'), regionReportUrl('542500', '2019')],
    ]);
    expect(treeByPath.get(regionReportUrl('540000', '2020'))!.subRegions[0].reportUrl).toBe(regionReportUrl('540100', '2020'));
    let checked = 0;
    for (const spec of tree.filter((s) => s.kind === 'region')) {
      for (const r of spec.subRegions) {
        const own = regionReportUrl(r.code, spec.period.id);
        expect(r.reportUrl, `${spec.path} → ${r.name}`).toBe(paths.has(own) ? own : null);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    // In the typst source, as a link to the site.
    expect(reportSource(xizang, palette)).toContain('#link("https://qingdan.example.cn/reports/regions/542500/2019.pdf")');
  });

  it('add up: own rows plus the sub-region rows are the whole subtree', () => {
    for (const spec of tree.filter((s) => s.kind === 'region')) {
      const sub = spec.subtree!;
      expect(sub.taskCount, spec.path).toBe(spec.taskCount + spec.subRegions.reduce((n, r) => n + r.taskCount, 0));
      expect(sub.documentCount, spec.path).toBe(spec.documents.length + spec.subRegions.reduce((n, r) => n + r.documentCount, 0));
      expect(countsList(sub.counts), spec.path).toEqual(
        countsList(spec.counts).map((n, i) => n + spec.subRegions.reduce((m, r) => m + r.counts[i].count, 0)),
      );
    }
    expect(countsList(treeByPath.get(regionReportUrl('540000', '2019'))!.subtree!.counts)).toEqual([1, 1, 1, 0, 2, 1, 1, 1, 2]);
    expect(tree.filter((s) => s.kind === 'document').every((s) => s.subtree === null && s.subRegions.length === 0)).toBe(true);
  });

  it('give a region without documents of its own that year a summary-only report', () => {
    const spec = small.get(regionReportUrl('540000', '2019'))!;
    expect(spec.documents).toEqual([]);
    expect(spec.tasks).toEqual([]);
    expect(spec.departments).toEqual([]);
    expect(spec.issuers).toEqual([]);
    expect(spec.subRegions.map((r) => [r.name, r.documentCount, r.taskCount])).toEqual([
      ['拉萨市', 0, 0],
      ['阿里地区', 2, 6],
    ]);
    expect(spec.subtree).toMatchObject({ documentCount: 2, taskCount: 6 });
    expect(spec.dataAsOf).toBe('2020-01-01'); // the latest report counted in the summary
    expect(spec.sources.map((x) => x.title)).toEqual([DEMO, '阿里地区政务公开：整改落实情况']);
    const source = reportSource(spec, palette);
    expect(chapters(source)).toEqual(['概况', '下辖地区落实情况', '附录　说明与数据来源']);
    expect(source).toContain('以下统计均为全辖合计');
    // A region with own documents and sub-regions has every chapter.
    expect(chapters(reportSource(small.get(regionReportUrl('542500', '2019'))!, palette))).toEqual([
      '概况',
      '下辖地区落实情况',
      '各部门落实情况',
      '任务清单',
      '附录　说明与数据来源',
    ]);
    // A county has no sub-region chapter.
    expect(chapters(reportSource(small.get(regionReportUrl('542521', '2019'))!, palette))).toEqual([
      '概况',
      '各部门落实情况',
      '任务清单',
      '附录　说明与数据来源',
    ]);
  });

  it('say what their totals cover: own documents, the whole subtree, or both', () => {
    const both = reportSource(treeByPath.get(regionReportUrl('542500', '2019'))!, palette);
    expect(both).toContain('本报告逐项列出阿里地区本级（不含下辖地区）在2019年有报告期的 1 份文件、4 项任务');
    expect(both).toContain('连同下辖地区，阿里地区在2019年有报告期的文件共 2 份、任务共 6 项（“全辖合计”）');
    expect(both).toContain('本级 4 项；连同下辖地区共 6 项');
    const county = reportSource(treeByPath.get(regionReportUrl('542521', '2019'))!, palette);
    expect(county).toContain('本报告汇总普兰县在2019年有报告期的 1 份文件、2 项任务');
    expect(county).not.toContain('全辖合计');
  });

  it('are demo when a sub-region row counts demo data, even if every own row is official', () => {
    const xizang = treeByPath.get(regionReportUrl('540000', '2019'))!;
    expect(xizang.tasks.every((t) => !t.demo)).toBe(true);
    expect(xizang.subRegions.map((r) => r.demo)).toEqual([false, true]);
    expect(xizang.demo).toBe(true);
    expect(xizang.sources.some((x) => x.demo)).toBe(true);
    // The control: official data all the way down (西藏's plan and 普兰's, which 阿里 sums up).
    const official = reportsForPortal(makePortal([XIZANG_DOCUMENT, SMALL_DOCUMENTS[1]])).find(
      (s) => s.path === regionReportUrl('540000', '2019'),
    )!;
    expect(official.subRegions.find((r) => r.name === '阿里地区')).toMatchObject({ documentCount: 1, taskCount: 2, demo: false });
    expect(official.demo).toBe(false);
    expect(reportSource(official, palette)).not.toContain('#demo-mark');
  });

  it('list the periods of each data source oldest first, whatever order the rows meet them in', () => {
    const quarterly = (slug: string, regionCode: string): FixtureDocument => ({
      slug,
      regionCode,
      reporting: 'quarterly' as const,
      tasks: [
        { number: '1', reports: { '2019-Q4': { status: '已完成' as const, demo: false } } },
        {
          number: '2',
          reports: {
            '2019-Q2': { status: '达到序时进度' as const, demo: false },
            '2019-Q3': { status: '达到序时进度' as const, demo: false },
          },
        },
      ],
    });
    const specs = reportsForPortal(makePortal([quarterly('a', '542521'), quarterly('b', '542522')]));
    for (const code of ['542521', '542500']) {
      const spec = specs.find((s) => s.path === regionReportUrl(code, '2019'))!;
      expect(
        spec.sources.map((x) => x.periods),
        code,
      ).toEqual([['2019年第三季度', '2019年第四季度']]);
    }
  });

  it('escape sub-region names like every other text', () => {
    const spec = treeByPath.get(regionReportUrl('540000', '2019'))!;
    const hostile = { ...spec, subRegions: spec.subRegions.map((r, i) => (i === 1 ? { ...r, name: HOSTILE_TEXT } : r)) };
    const file = toFile(renderTypst(reportSource(hostile, palette), { generatedOn: '2026-03-04' }).pdf);
    // pdftotext drops a hyphen that ends a line of the narrow name cell, as if it hyphenated a word.
    const flat = (t: string) => t.replace(/[\s-]+/g, '');
    expect(flat(pdftotext(file))).toContain(flat(HOSTILE_TEXT));
  });
});

// ---- a real compiled report ----

describe('a compiled report', () => {
  const specs = reportsForPortal(smallPortal(), { siteUrl: 'https://qingdan.example.cn' });
  const spec = specs.find((s) => s.path === regionReportUrl('542500', '2019'))!;
  let file: string;
  let pages: number;

  beforeAll(() => {
    const r = renderTypst(reportSource(spec, palette), { generatedOn: '2026-03-04' });
    file = toFile(r.pdf);
    pages = r.pages;
    expect(r.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.standard).toBe('ua-1');
  });

  it('has the page count typst reports, with 第 N 页 / 共 M 页 footers', () => {
    expect(pageCount(file)).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let n = 2; n <= pages; n++) expect(pdftotext(file, n).replace(/\s+/g, '')).toContain(`第${n}页/共${pages}页`);
    expect(pdftotext(file, 1)).not.toContain('第 1 页');
  });

  it('shows every task number, lead unit and status of the fixture', () => {
    const text = pdftotext(file).replace(/\s+/g, '');
    for (const t of spec.tasks) {
      expect(text).toContain(t.number);
      for (const u of t.leadUnits) expect(text).toContain(u.replace(/\s+/g, ''));
      expect(text).toContain(t.status);
    }
    expect(text).toContain('地区林业局');
    expect(text).toContain('已逾期');
    expect(text).toContain(HOSTILE_TEXT.split('。')[0].replace(/\s+/g, ''));
    expect(pdftotext(file, 1)).toContain('2026-03-04');
  });

  it('has title, language, bookmarks and a structure tree', () => {
    expect(pdfinfo(file)).toMatch(/^Title:\s+阿里地区2019年度任务落实情况报告$/m);
    expect(pdfinfo(file)).toMatch(/^Tagged:\s+yes$/m);
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).toContain('/Lang (zh-CN)');
    expect(bytes).toContain('/StructTreeRoot');
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' });
    const outline = /<outline>[\s\S]*<\/outline>/.exec(xml)?.[0] ?? '';
    for (const title of [
      '一、 概况',
      '二、 下辖地区落实情况',
      '三、 各部门落实情况',
      '四、 任务清单',
      '附录　说明与数据来源',
      '阿里地区生态环境局',
      '美丽西藏建设规划',
    ]) {
      expect(outline).toContain(title);
    }
    // The county's plan is summed up in its row, not listed.
    expect(outline).not.toContain('普兰县生态环境问题整改方案');
  });

  it('embeds only Noto Sans SC, as subsets', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
  });

  it('marks the cover and every page showing demo status, and no page that does not', () => {
    const page = (n: number) => pdftotext(file, n);
    expect(page(1)).toContain(DEMO);
    expect(page(2)).toContain('目录');
    expect(page(2)).not.toContain(DEMO);
    for (let n = 3; n <= pages; n++) {
      const text = page(n);
      // A page that shows a status chip of a task row (任务清单 / department tables) must say it is demo data.
      if (/牵头任务|配合任务|最新进展|状态分布|全辖合计/.test(text)) expect(text, `page ${n}`).toContain(DEMO);
    }
  });

  it('never starts a line with closing punctuation', () => {
    expect(lineStarts(file).filter((l) => CLOSING.test(l))).toEqual([]);
    const para = '各单位要加强协调，落实责任。'.repeat(40);
    const starts = lineStarts(toFile(snippetCompiler.pdf(compileSnippet(`#block(width: 7.3cm)[${escapeTypst(para)}]`))));
    expect(starts.length).toBeGreaterThan(10);
    expect(starts.filter((l) => CLOSING.test(l))).toEqual([]);
    // The checker itself sees a forced break before 。 (so the checks above can fail).
    expect(lineStarts(toFile(snippetCompiler.pdf(compileSnippet('前文#linebreak()。后文')))).filter((l) => CLOSING.test(l))).toEqual([
      '。后文',
    ]);
  });

  it("shows one row per sub-region with its counts and links, and none of the sub-region's tasks", () => {
    const text = pdftotext(file).replace(/\s+/g, '');
    expect(text).toContain('下辖地区落实情况');
    expect(text).not.toContain('整改神山圣湖保护区违规建设问题');
    expect(text).not.toContain('完善保护区巡查制度');
    //                                     文件 任务 尚未启动 未达到 达到 超过 已完成 已销号 长期坚持 未报告 已逾期
    expect(rowNumbers(file, '普兰县', 11)).toEqual([1, 2, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
    expect(rowNumbers(file, '札达县', 11)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(rowNumbers(file, '本级（阿里地区）', 11)).toEqual([1, 4, 0, 1, 1, 0, 1, 0, 0, 1, 1]);
    expect(rowNumbers(file, '全辖合计', 11)).toEqual([2, 6, 0, 1, 1, 0, 1, 1, 1, 1, 1]);
    const links = pdfLinks(file);
    expect(links).toContain('https://qingdan.example.cn/regions/542521/');
    expect(links).toContain('https://qingdan.example.cn/regions/542522/');
    expect(links).toContain('https://qingdan.example.cn/reports/regions/542521/2019.pdf');
    expect(links.filter((l) => l.includes('/reports/regions/542522/'))).toEqual([]);
  });

  it('an official-only report carries no demo label', () => {
    const official = specs.find((s) => s.path === documentReportUrl('pulan-zhenggai', '2019-Q3'))!;
    const f = toFile(renderTypst(reportSource(official, palette), { generatedOn: '2026-03-04' }).pdf);
    expect(pdftotext(f)).not.toContain(DEMO);
    expect(pdftotext(f)).toContain('已销号');
  });
});

describe('a compiled summary-only report', () => {
  it('shows the sub-regions with their counts and no task list', () => {
    const spec = reportsForPortal(smallPortal(), { siteUrl: 'https://qingdan.example.cn' }).find(
      (s) => s.path === regionReportUrl('540000', '2019'),
    )!;
    const r = renderTypst(reportSource(spec, palette), { generatedOn: '2026-03-04' });
    const file = toFile(r.pdf);
    const text = pdftotext(file).replace(/\s+/g, '');
    for (const s of ['下辖地区落实情况', '拉萨市', '阿里地区', '全辖合计', '本级无文件', DEMO]) expect(text).toContain(s);
    for (const s of ['各部门落实情况', '任务清单', '加强草原生态保护']) expect(text).not.toContain(s);
    expect(rowNumbers(file, '阿里地区', 11)).toEqual([2, 6, 0, 1, 1, 0, 1, 1, 1, 1, 1]);
    expect(rowNumbers(file, '拉萨市', 11)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(pdfLinks(file)).toContain('https://qingdan.example.cn/reports/regions/542500/2019.pdf');
    // The sub-region page carries the demo label: its rows count demo data.
    const pages = Array.from({ length: r.pages }, (_, i) => pdftotext(file, i + 1));
    const summary = pages.find((t) => t.includes('下辖地区落实情况') && !t.includes('目录'))!;
    expect(summary).toContain(DEMO);
  });
});

describe('a long task table', () => {
  it('repeats its header on every page it spans', () => {
    const tasks: FixtureDocument['tasks'] = Array.from({ length: 160 }, (_, i) => ({
      number: String(i + 1),
      text: `第${i + 1}项任务：加强生态环境保护，完善监测网络。`,
      units: [{ name: '地区环保局', role: 'lead' as const }],
      deadline: { text: '2020年底前', date: '2020-12-31' },
      reports: { '2019': { status: '达到序时进度' as const, progress: '按计划推进，已完成年度目标的一半。' } },
    }));
    const portal = makePortal([
      {
        slug: 'long',
        regionCode: '542500',
        title: '长表测试方案',
        docNumber: null,
        issuer: '阿里地区行政公署',
        reporting: 'annual',
        tasks,
      },
    ]);
    const spec = reportsForPortal(portal).find((s) => s.kind === 'document')!;
    const r = renderTypst(reportSource(spec, palette), { generatedOn: '2026-03-04' });
    const file = toFile(r.pdf);
    // Pages of the task table: from the one with "三、 任务清单" to the one before the appendix.
    const texts = Array.from({ length: r.pages }, (_, i) => pdftotext(file, i + 1));
    const start = texts.findIndex((t) => t.includes('三、 任务清单') && !t.includes('目录'));
    const end = texts.findIndex((t, i) => i > start && t.includes('附录'));
    expect(end - start).toBeGreaterThanOrEqual(3);
    for (let i = start; i < end; i++) expect(texts[i], `page ${i + 1}`).toContain('最新进展');
    expect(texts.join('').replace(/\s+/g, '')).toContain('第160项任务');
  }, 60_000);
});

// ---- cache ----

describe('cache', () => {
  it('lives in QINGDAN_CACHE_DIR/pdf or .cache/qingdan/pdf', () => {
    expect(pdfCacheDir('/r', readSettings({}))).toBe('/r/.cache/qingdan/pdf');
    expect(pdfCacheDir('/r', readSettings({ QINGDAN_CACHE_DIR: '/c' }))).toBe('/c/pdf');
    expect(pdfCacheDir('/r', readSettings({ QINGDAN_CACHE_DIR: 'rel' }))).toBe('/r/rel/pdf');
  });

  it('keys on content, template, font and engine', () => {
    const base = { content: 'a', templateVersion: '1', fontVersion: 'f', engineVersion: 'e' };
    const k = reportKey(base);
    expect(reportKey({ ...base })).toBe(k);
    for (const change of [{ content: 'b' }, { templateVersion: '2' }, { fontVersion: 'g' }, { engineVersion: 'x' }])
      expect(reportKey({ ...base, ...change })).not.toBe(k);
  });

  it('the content is the spec and the palette', () => {
    const [spec] = reportsForPortal(smallPortal());
    const content = reportContent(spec, palette);
    expect(reportContent(reportsForPortal(smallPortal())[0], palette)).toBe(content);
    expect(reportContent({ ...spec, title: `${spec.title}（修订）` }, palette)).not.toBe(content);
    expect(reportContent(spec, { ...palette, 已完成: { bg: '#000000', fg: '#ffffff' } })).not.toBe(content);
  });

  it('the template version covers TEMPLATE_VERSION and the template code, read from real files', () => {
    const version = pdfTemplateVersion(TEMPLATE_VERSION);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(pdfTemplateVersion(`${TEMPLATE_VERSION}+1`)).not.toBe(version);
    for (const file of TEMPLATE_FILES) expect(existsSync(repoPath('src', 'outputs', 'pdf', file)), file).toBe(true);
  });

  it('renders on a miss, reuses on a hit, and re-renders only what changed', async () => {
    const cacheDir = join(work, 'cache');
    const cache = new PdfCache(cacheDir);
    const outDir = join(work, 'dist');
    const run = (specs: ReportSpec[]) => buildReports({ specs, outDir, cache, palette, generatedOn: '2026-03-04' });

    const specs = reportsForPortal(smallPortal());
    const first = await run(specs);
    expect(first.rendered).toBe(specs.length);
    expect(readFileSync(join(outDir, 'reports/regions/542500/2019.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(specs.length);

    const lines: string[] = [];
    const second = await buildReports({ specs, outDir, cache, palette, generatedOn: '2026-03-05', log: (l) => lines.push(l) });
    expect(second.workers.started).toBe(0);
    expect(second.rendered).toBe(0);
    expect(second.cached).toBe(specs.length);
    expect(lines.at(-1)).toMatch(/0 rendered, 9 from cache/);

    // A new status for the county's plan changes that document's Q4 report and the year reports above it.
    const changed = smallPortal();
    const tv = changed.tasks.find((t) => t.task.documentSlug === 'pulan-zhenggai')!;
    const q4 = tv.timeline.find((s) => s.period.id === '2019-Q4')!;
    q4.status = '已完成';
    q4.report = { ...tv.timeline[0].report!, period: parsePeriod('2019-Q4'), status: '已完成', progress: '复核完成。' };
    const third = await run(reportsForPortal(changed));
    expect(
      third.outcomes
        .filter((o) => !o.cached)
        .map((o) => o.path)
        .sort(),
    ).toEqual(
      [
        documentReportUrl('pulan-zhenggai', '2019-Q4'),
        regionReportUrl('540000', '2019'),
        regionReportUrl('542500', '2019'),
        regionReportUrl('542521', '2019'),
      ].sort(),
    );
  }, 60_000);

  it('treats a torn file as a miss and prunes entries unused for long', () => {
    const cache = new PdfCache(join(work, 'cache2'));
    const key = 'ab'.repeat(16);
    cache.put(key, Buffer.from('%PDF-1.7 fake'));
    expect(cache.get(key)?.toString()).toBe('%PDF-1.7 fake');
    writeFileSync(join(cache.dir, `${key}.pdf`), 'garbage');
    expect(cache.get(key)).toBeNull();
    const old = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(join(cache.dir, `${key}.pdf`), old, old);
    expect(cache.prune(30)).toBe(1);
    expect(() => cache.get('../x')).toThrow();
  });
});

describe('scale', () => {
  it('builds the specs of every report for portals of growing size', () => {
    const portalOf = (n: number) =>
      makePortal(
        Array.from({ length: n }, (_, d) => ({
          slug: `doc-${d}`,
          regionCode: ['540000', '542500', '542521'][d % 3],
          title: `文件${d}`,
          docNumber: null,
          issuer: '阿里地区行政公署',
          reporting: 'annual' as const,
          tasks: Array.from({ length: 25 }, (_, t) => ({
            number: String(t + 1),
            text: `任务${t}：推进工作。`,
            units: [
              { name: '地区环保局', role: 'lead' as const },
              { name: `单位${t % 7}`, role: 'partner' as const },
            ],
            reports: { '2019': { status: '达到序时进度' as const, progress: `进展**${t}**` }, '2020': { status: '已完成' as const } },
          })),
        })),
      );
    // Timing is the benchmark's job; here: every document's reports exist, for any number of documents, and
    // region reports list each task once a year (in its own region's report), however deep the hierarchy.
    for (const n of [5, 25, 100]) {
      const specs = reportsForPortal(portalOf(n));
      expect(specs.length).toBe(3 * 2 + n * 2);
      const regionRows = specs.filter((s) => s.kind === 'region').reduce((sum, s) => sum + s.tasks.length, 0);
      expect(regionRows).toBe(n * 25 * 2);
    }
  }, 120_000);
});

describe('render processes', () => {
  const specs = reportsForPortal(smallPortal(), { siteUrl: 'https://qingdan.example.cn' });

  it('give the same bytes as the in-process compiler, even from a fresh process per report', async () => {
    const outDir = join(work, 'dist-pool');
    const lines: string[] = [];
    const r = await buildReports({
      specs,
      outDir,
      cache: new PdfCache(join(work, 'cache-pool')),
      palette,
      generatedOn: '2026-03-04',
      workers: 2,
      recycleAfter: 1,
      log: (l) => lines.push(l),
    });
    expect(r.rendered).toBe(specs.length);
    // Every process was retired after its one report and replaced while work remained.
    expect(r.workers.started).toBe(specs.length);
    expect(r.workers.recycled).toBe(specs.length);
    expect(r.outcomes.map((o) => o.path)).toEqual(specs.map((s) => s.path));
    for (const [i, spec] of specs.entries()) {
      const written = readFileSync(r.outcomes[i].file);
      const here = renderTypst(reportSource(spec, palette), { generatedOn: '2026-03-04' });
      expect(written.equals(here.pdf), spec.path).toBe(true);
      expect(r.outcomes[i].pages).toBe(here.pages);
    }
    // One progress line per report, counted in the order they finish, then the processes and the summary.
    expect(lines.at(-2)).toMatch(/^render processes: up to 2 at once within \d+ MB; 9 started, 9 retired early; largest \d+ MB/);
    const counters = lines
      .slice(0, -2)
      .map((l) => Number(/^\[\s*(\d+)\/9\] reports\/\S+\.pdf rendered in \d+ ms \(CPU \d+ ms\), \d+ pages, \d+ KB$/.exec(l)?.[1]));
    expect(counters).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lines.at(-1)).toMatch(/^9 reports: 9 rendered, 0 from cache \(.*cache-pool\) in \d+\.\d s$/);
  }, 120_000);

  it('keep one process while it stays small, and retire one whose RSS passes the threshold', async () => {
    const run = (name: string, recycleAboveMb?: number) =>
      buildReports({
        specs: specs.slice(0, 4),
        outDir: join(work, name),
        cache: new PdfCache(join(work, `cache-${name}`)),
        palette,
        generatedOn: '2026-03-04',
        workers: 1,
        recycleAboveMb,
      });
    const kept = await run('rss-kept');
    expect(kept.workers).toMatchObject({ started: 1, recycled: 0 });
    expect(kept.workers.peakRssMb).toBeGreaterThan(50);
    // Past the threshold after its first report, each process still finishes the one queued behind it.
    const retired = await run('rss-retired', 1);
    expect(retired.workers).toMatchObject({ started: 2, recycled: 2 });
  }, 120_000);

  it('fail the build on a report typst rejects, naming it, with the diagnostics', async () => {
    const broken = { ...specs[0], path: '/reports/documents/broken/2019.pdf' };
    const outDir = join(work, 'dist-broken');
    const attempt = buildReports({
      specs: [broken, ...specs.slice(1, 3)],
      outDir,
      cache: new PdfCache(join(work, 'cache-broken')),
      palette,
      generatedOn: '2026-03-04',
      workers: 1,
    });
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypstError);
    expect((error as TypstError).message).toContain('typst could not compile /reports/documents/broken/2019.pdf');
    expect((error as TypstError).diagnostics.length).toBeGreaterThan(0);
    expect(readdirSync(outDir, { recursive: true }).filter((f) => String(f).includes('broken'))).toEqual([]);
  }, 60_000);

  it('fail the build, naming the reports it held, when a render process dies', async () => {
    const dying = join(work, 'dying.mjs');
    writeFileSync(dying, "process.on('message', () => process.exit(7));\n");
    const jobs = [
      { id: 0, name: '/reports/a.pdf' },
      { id: 1, name: '/reports/b.pdf' },
      { id: 2, name: '/reports/c.pdf' },
    ];
    let i = 0;
    const pool = runPool<(typeof jobs)[number], PoolResult>({
      name: 'pdf',
      count: 1,
      start: () => processWorker(dying),
      next: () => jobs[i++] ?? null,
      onResult: () => {},
      label: (j) => j.name,
    });
    await expect(pool).rejects.toThrow(/^pdf: a worker exited \(code 7\) while rendering \/reports\/a\.pdf, \/reports\/b\.pdf$/);
  });

  describe('within a memory budget', () => {
    // A stand-in render process: sleeps `ms` per job, one job at a time, and says when it ran.
    interface SleepJob {
      id: number;
      ms: number;
      mb: number;
    }
    type SleepResult = PoolResult & { start: number; end: number };
    const sleeper = join(work, 'sleeper.mjs');
    writeFileSync(
      sleeper,
      `let queue = Promise.resolve();
process.on('message', (job) => { queue = queue.then(async () => { const start = Date.now(); await new Promise((r) => setTimeout(r, job.ms)); process.send({ id: job.id, ok: true, start, end: Date.now(), rssMb: 50 }); }); });
process.on('disconnect', () => process.exit(0));
`,
    );
    const run = async (jobs: SleepJob[], budgetMb?: number, held?: HeldMemory) => {
      const ran = new Map<number, { start: number; end: number }>();
      let i = 0;
      const stats = await runPool<SleepJob, SleepResult>({
        name: 'test',
        count: 2,
        inFlight: 1,
        start: () => processWorker(sleeper),
        next: () => jobs[i++] ?? null,
        onResult: (r) => ran.set(r.id, r),
        budgetMb,
        held,
        workerBaseMb: 50,
        jobMb: (j) => j.mb,
      });
      return { stats, ran };
    };
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    const big = (id: number): SleepJob => ({ id, ms: 600, mb: 600 });
    const small = (id: number): SleepJob => ({ id, ms: 30, mb: 10 });

    it('never run two jobs at once that do not fit together', async () => {
      const jobs = [big(0), small(1), big(2), small(3), small(4)];
      const free = await run(jobs);
      expect(overlap(free.ran.get(0)!, free.ran.get(2)!)).toBe(true); // the control: without a budget they do
      const bounded = await run(jobs, 1000);
      expect(bounded.ran.size).toBe(jobs.length);
      expect(overlap(bounded.ran.get(0)!, bounded.ran.get(2)!)).toBe(false);
      expect(bounded.stats.waitedForMemory).toBeGreaterThanOrEqual(1);
    }, 30_000);

    it('run a job too big for the budget alone, in a fresh process', async () => {
      const { stats, ran } = await run([small(0), small(1), { id: 2, ms: 300, mb: 5000 }, small(3)], 1000);
      expect(ran.size).toBe(4);
      for (const id of [0, 1, 3]) expect(overlap(ran.get(id)!, ran.get(2)!), `job ${id}`).toBe(false);
      // The processes that had run the small jobs were retired to make room.
      expect(stats.recycled).toBeGreaterThanOrEqual(1);
      expect(stats.started).toBeGreaterThanOrEqual(3);
    }, 30_000);

    it('leave memory held outside the pool free, and start what waited for it once it is given back', async () => {
      const jobs = () => [small(0), big(1), small(2)];
      const control = await run(jobs(), 1000, new HeldMemory());
      const startedAt = Math.min(...[...control.ran.values()].map((r) => r.start));
      expect(control.ran.get(1)!.start - startedAt, 'the control: nothing held, the big job does not wait').toBeLessThan(800);

      const held = new HeldMemory();
      const release = held.hold(700); // 300 of the 1000 MB left: room for the small jobs only
      expect(held.mb).toBe(700);
      let releasedAt = 0;
      setTimeout(() => {
        releasedAt = Date.now();
        release();
        release(); // a second call gives nothing back twice
      }, 800);
      const { ran } = await run(jobs(), 1000, held);
      expect(held.mb).toBe(0);
      expect(ran.size).toBe(3);
      expect(ran.get(0)!.start).toBeLessThan(releasedAt);
      expect(ran.get(1)!.start).toBeGreaterThanOrEqual(releasedAt);
    }, 30_000);
  });

  it('use the cores, but no more processes than the memory budget allows', () => {
    expect(pdfWorkerCount({ workers: 8, memoryMb: 100 * WORKER_MB })).toBe(8);
    expect(pdfWorkerCount({ workers: 8, memoryMb: 3 * WORKER_MB })).toBe(3);
    expect(pdfWorkerCount({ workers: 8, memoryMb: 10 })).toBe(1);
    expect(pdfWorkerCount({ memoryMb: 10 * WORKER_MB, settings: readSettings({ QINGDAN_PDF_WORKERS: '2' }) })).toBe(2);
    // QINGDAN_MEMORY_MB bounds the whole build: the workers get what this process does not hold.
    const own = process.memoryUsage.rss() / 2 ** 20;
    expect(
      pdfWorkerCount({
        settings: readSettings({ QINGDAN_PDF_WORKERS: '5', QINGDAN_MEMORY_MB: String(Math.round(own + 2 * WORKER_MB + 100)) }),
      }),
    ).toBe(2);
    expect(memoryBudgetMb(readSettings({ QINGDAN_MEMORY_MB: '2048' }), 1200)).toBe(848);
    expect(memoryBudgetMb(readSettings({ QINGDAN_MEMORY_MB: '2048' }), 1900)).toBe(MIN_WORKER_BUDGET_MB); // never nothing
    expect(pdfWorkerPath()).toMatch(/src\/outputs\/pdf\/worker\.mjs$/);
  });
});

describe('glyph coverage', () => {
  it('names characters the embedded font cannot draw', () => {
    expect(missingGlyphs('阿里地区生态环境局 2019年，完成45%。“引号”')).toEqual([]);
    expect(missingGlyphs('进展😀顺利')).toEqual(['😀']);
  });

  it('warns about them during the build instead of printing boxes silently', async () => {
    const portal = makePortal([
      {
        slug: 'emoji',
        regionCode: '542521',
        title: '表情测试',
        docNumber: null,
        issuer: null,
        reporting: 'annual',
        tasks: [{ number: '1', text: '任务。', units: [], reports: { '2019': { status: '已完成', progress: '完成🎉' } } }],
      },
    ]);
    const warnings: string[] = [];
    await buildReports({
      specs: reportsForPortal(portal).filter((s) => s.kind === 'document'),
      outDir: join(work, 'dist-emoji'),
      cache: new PdfCache(join(work, 'cache-emoji')),
      palette,
      generatedOn: '2026-03-04',
      warn: (w) => warnings.push(w),
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('U+1F389');
  });
});

describe('availableReports', () => {
  it('lists exactly the reports reportsForPortal builds, for pages to link', () => {
    for (const portal of [smallPortal(), treePortal()]) {
      const a = availableReports(portal);
      const paths = [
        ...[...a.regionYears].flatMap(([code, years]) => years.map((y) => regionReportUrl(code, y))),
        ...[...a.documentPeriods].flatMap(([slug, periods]) => periods.map((p) => documentReportUrl(slug, p.id))),
      ];
      expect(paths.sort()).toEqual(
        reportsForPortal(portal)
          .map((s) => s.path)
          .sort(),
      );
    }
    const portal = smallPortal();
    const a = availableReports(portal);
    expect(a.regionYears.get('542521')).toEqual(['2019']);
    expect(a.documentPeriods.get('pulan-zhenggai')!.map((p) => p.id)).toEqual(['2019-Q3', '2019-Q4']);
  });
});
