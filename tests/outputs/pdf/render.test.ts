// PDF reports compiled for real (typst-source.ts's markup through render.ts) and read back with poppler
// (pdfinfo, pdftotext, pdffonts, pdftohtml): page furniture, accessibility, fonts, demo marks on every page
// that shows demo status, line breaking, sub-region rows and long tables.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { documentReportUrl, regionReportUrl } from '../../../src/domain/urls';
import { palette } from '../../../src/outputs/pdf/palette';
import { renderTypst } from '../../../src/outputs/pdf/render';
import { reportsForPortal } from '../../../src/outputs/pdf/report-model';
import { escapeTypst, reportSource } from '../../../src/outputs/pdf/typst-source';
import { HOSTILE_TEXT, makePortal, smallPortal, type FixtureDocument } from '../../fixtures/portal-pdf';
import { DEMO } from './helpers';
import {
  CLOSING,
  compileSnippet,
  lineStarts,
  pageCount,
  pdfinfo,
  pdfLinks,
  pdftotext,
  pdftotextRaw,
  rowNumbers,
  snippetCompiler,
  toFile,
} from './poppler';

// Real typst compiles and poppler runs: generous limits for a busy CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

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
    // A lead unit wraps in its narrow cell; the raw text keeps the cell's lines together.
    const raw = pdftotextRaw(file).replace(/\s+/g, '');
    for (const t of spec.tasks) {
      expect(text).toContain(t.number);
      for (const u of t.leadUnits) expect(raw).toContain(u.replace(/\s+/g, ''));
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
      // A page that shows a status chip of a task row (任务清单 / lead tables) must say it is demo data; the lists of
      // helping tasks show numbers only.
      if (/牵头任务|最新进展|状态分布|全辖合计/.test(text)) expect(text, `page ${n}`).toContain(DEMO);
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
    const official = specs.find((s) => s.path === documentReportUrl('pulan-zhenggai', '2019'))!;
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
