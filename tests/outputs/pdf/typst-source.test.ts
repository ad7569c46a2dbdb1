// ReportSpec → typst markup (typst-source.ts): hostile text escaped wherever it appears, links only to the web,
// demo marks exactly where demo status is shown, status colours from the palette, and the chapters of a
// document report against those of a region report with sub-regions.
import { describe, expect, it, vi } from 'vitest';
import { ALL_STATUSES } from '../../../src/domain/status-catalogue';
import type { Status } from '../../../src/domain/types';
import { documentReportUrl, regionReportUrl } from '../../../src/domain/urls';
import { palette } from '../../../src/outputs/pdf/palette';
import { renderTypst } from '../../../src/outputs/pdf/render';
import { reportsForPortal } from '../../../src/outputs/pdf/report-model';
import type { ReportSpec } from '../../../src/outputs/pdf/report-spec';
import { escapeTypst, reportSource, typstString, type Palette } from '../../../src/outputs/pdf/typst-source';
import { HOSTILE_TEXT, makePortal, SMALL_DOCUMENTS, smallPortal, treePortal } from '../../fixtures/portal-pdf';
import { chapters } from './helpers';
import { pdftotext, toFile } from './poppler';

// Real typst compiles: generous limits for a busy CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const SITE = 'https://qingdan.example.cn';
const specs = reportsForPortal(smallPortal(), { siteUrl: SITE });
const spec = (path: string) => specs.find((s) => s.path === path)!;
/**
 * The source without its escaped characters and the contents of its string literals: what typst reads as
 * markup and code. Escaped text loses its backslashed characters, so nothing of it can look like code here.
 */
const outsideStrings = (source: string) => source.replace(/\\./g, '').replace(/"[^"\n]*"/g, '""');
/** 阿里's plan for 2019: demo data, a hostile task text, an unverified unit. */
const DEMO_DOC = documentReportUrl('ali-fengong', '2019');
/** 普兰's plan for 2019 (reported for Q3 and Q4): official data only. */
const OFFICIAL_DOC = documentReportUrl('pulan-zhenggai', '2019');
/** 阿里地区 for 2019: its own plan task by task, 普兰县 and 札达县 as one row each. */
const REGION = regionReportUrl('542500', '2019');

describe('region reports', () => {
  const tree = reportsForPortal(treePortal(), { siteUrl: 'https://qingdan.example.cn' });
  const treeByPath = new Map(tree.map((s) => [s.path, s]));

  it('say what their totals cover: own documents, the whole subtree, or both', () => {
    const both = reportSource(treeByPath.get(regionReportUrl('542500', '2019'))!, palette);
    expect(both).toContain('本报告逐项列出阿里地区本级（不含下辖地区）在2019年有报告期的 1 份文件、4 项任务');
    expect(both).toContain('连同下辖地区，阿里地区在2019年有报告期的文件共 2 份、任务共 6 项（“全辖合计”）');
    expect(both).toContain('本级 4 项；连同下辖地区共 6 项');
    const county = reportSource(treeByPath.get(regionReportUrl('542521', '2019'))!, palette);
    expect(county).toContain('本报告汇总普兰县在2019年有报告期的 1 份文件、2 项任务');
    expect(county).not.toContain('全辖合计');
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

describe('reportSource: hostile text', () => {
  it('escapes task texts and progress: the text appears escaped, never raw', () => {
    const source = reportSource(spec(DEMO_DOC), palette);
    expect(source).toContain(escapeTypst(HOSTILE_TEXT));
    expect(source).not.toContain('#set page(width: 1cm)');
    expect(source).toContain(escapeTypst('进展缓慢：#import "x" 尚在推进。'));
    expect(source).not.toContain('#import "x"');
  });

  it('escapes every text field of a spec, so none adds markup: the same chapters, one compile, the text printed', () => {
    const base = spec(DEMO_DOC);
    const evil = (s: string) => `${s} = 标题\n#import "evil.typ": * $x$ ]) #{panic()}`;
    const hostile: ReportSpec = {
      ...base,
      title: evil(base.title),
      shortTitle: evil(base.shortTitle),
      subject: evil(base.subject),
      issuers: base.issuers.map(evil),
      documents: base.documents.map((d) => ({ ...d, title: evil(d.title), docNumber: evil('阿行发'), note: evil('说明') })),
      departments: base.departments.map((d) => ({ ...d, name: evil(d.name) })),
      tasks: base.tasks.map((t) => ({
        ...t,
        number: evil(t.number),
        title: evil(t.title),
        leadUnits: t.leadUnits.map(evil),
        deadline: evil(t.deadline),
        progress: evil(t.progress),
        reportingUnit: evil('单位'),
      })),
      sources: base.sources.map((s) => ({ ...s, title: evil(s.title), periods: s.periods.map(evil) })),
    };
    const source = reportSource(hostile, palette);
    expect(chapters(source)).toEqual(chapters(reportSource(base, palette)));
    expect(source).not.toMatch(/^= 标题/m);
    // Outside string literals (where typstString keeps it as data) the text never reaches typst as code.
    const code = outsideStrings(source);
    expect(outsideStrings(reportSource(base, palette))).not.toMatch(/#import|#\{/);
    expect(code).not.toContain('#import');
    expect(code).not.toContain('#{panic()}');
    expect(source).toContain(`title: ${typstString(hostile.title)},`);
    const text = pdftotext(toFile(renderTypst(source, { generatedOn: '2026-03-04' }).pdf)).replace(/[\s-]+/g, '');
    expect(text).toContain('#import"evil.typ":*$x$])#{panic()}');
  });

  it('links only to http(s) URLs and portal paths under the site, never to anything else', () => {
    const base = spec(DEMO_DOC);
    const withUrl = (sourceUrl: string) => reportSource({ ...base, documents: [{ ...base.documents[0], sourceUrl }] }, palette);
    expect(withUrl('https://www.example.gov.cn/a?b=1&c=2')).toContain(`#link(${typstString('https://www.example.gov.cn/a?b=1&c=2')})`);
    for (const bad of ['javascript:alert(1)', '//evil.example/x', 'data:text/html,x']) {
      const source = withUrl(bad);
      expect(source, bad).not.toContain(`#link(${typstString(bad)})`);
      expect(source, bad).toContain(escapeTypst(bad)); // still printed, as text
    }
    // Portal paths become links under the site, and stay plain text without one.
    expect(reportSource(base, palette)).toContain(`#link(${typstString(`${SITE}/tasks/ali-fengong/t1/`)})`);
    const offline = reportSource({ ...base, siteUrl: null }, palette);
    expect(offline).not.toContain('#link("/');
    expect(offline).not.toContain('/tasks/ali-fengong/t1/');
  });
});

describe('reportSource: demo data', () => {
  const count = (text: string, part: string) => text.split(part).length - 1;

  it('marks the cover, the overview and every status cell of a demo report', () => {
    const s = spec(DEMO_DOC);
    const source = reportSource(s, palette);
    expect(s.demo).toBe(true);
    expect(source).toContain('本报告所示的进展状态包含演示用的示例数据');
    expect(source).toContain('#demo-mark#block(fill: rgb("#fef3f2")');
    // Each row's status cell, in the task table and in its department sections.
    for (const t of s.tasks) expect(source).toContain(`[#demo-mark#chip(${typstString(t.status)})`);
    expect(count(source, '#demo-mark#chip(')).toBeGreaterThanOrEqual(s.tasks.length);
    // The appendix names the demo source as such.
    expect(source).toContain('#demo-mark#text(fill: demo-red, weight: "bold")[示例数据（非官方）]');
  });

  it('marks nothing in an official report', () => {
    const s = spec(OFFICIAL_DOC);
    const source = reportSource(s, palette);
    expect(s.demo).toBe(false);
    expect(count(source, '#demo-mark')).toBe(0);
    expect(source).not.toContain('本报告所示的进展状态包含演示用的示例数据');
  });

  it('marks a row exactly when it shows demo data', () => {
    const base = spec(DEMO_DOC);
    const [first, second] = base.tasks;
    const mixed = {
      ...base,
      tasks: [
        { ...first, status: '已完成' as Status, demo: true },
        { ...second, status: '尚未启动' as Status, demo: false },
      ],
    };
    const source = reportSource(mixed, palette);
    expect(source).toContain(`[#demo-mark#chip(${typstString('已完成')})`);
    expect(source).toContain(`[#chip(${typstString('尚未启动')})`);
    expect(source).not.toContain(`[#demo-mark#chip(${typstString('尚未启动')})`);
  });
});

describe('reportSource: status colours', () => {
  /** A palette of distinct made-up colours: 尚未启动 #000001, 未达到序时进度 #000002 … */
  const custom = Object.fromEntries(
    ALL_STATUSES.map((s, i) => [s, { bg: `#0000${String(i + 1).padStart(2, '0')}`, fg: `#ffff${String(i + 1).padStart(2, '0')}` }]),
  ) as Palette;

  it('takes every fill, text colour and edge from the palette it is given', () => {
    const source = reportSource(spec(REGION), { ...custom, 未报告: { ...custom['未报告'], border: '#abcdef', dashed: true } });
    const line = (name: string) => source.split('\n').find((l) => l.startsWith(`#let ${name} = `))!;
    for (const s of ALL_STATUSES) {
      expect(line('status-bg')).toContain(`${typstString(s)}: rgb("${custom[s].bg}")`);
      expect(line('status-fg')).toContain(`${typstString(s)}: rgb("${custom[s].fg}")`);
    }
    expect(line('status-edge')).toContain(`${typstString('未报告')}: (paint: rgb("#abcdef"), thickness: 0.6pt, dash: "dashed")`);
    expect(line('status-edge')).toContain(`${typstString('已完成')}: (paint: rgb("${custom['已完成'].bg}"), thickness: 0.6pt)`);
    // The site's palette gives another source: a colour change re-renders the reports.
    expect(reportSource(spec(REGION), palette)).not.toBe(reportSource(spec(REGION), custom));
  });

  it('refuses a colour that is not #rrggbb rather than write it into the source', () => {
    expect(() => reportSource(spec(REGION), { ...custom, 已完成: { bg: 'red', fg: '#ffffff' } })).toThrow(
      /status colour "red" is not #rrggbb/,
    );
    expect(() => reportSource(spec(REGION), { ...custom, 已完成: { bg: '#000000", x: "', fg: '#ffffff' } })).toThrow(/is not #rrggbb/);
  });
});

describe('reportSource: document and region reports', () => {
  it('gives a document report no sub-region chapter and its document’s number on the cover', () => {
    const source = reportSource(spec(DEMO_DOC), palette);
    expect(chapters(source)).toEqual(['概况', '各部门落实情况', '任务清单', '附录　说明与数据来源']);
    expect(source).toContain(escapeTypst('阿行发〔2018〕66号'));
    expect(source).not.toContain('下辖地区');
    expect(source).toContain(escapeTypst('年度状态：取该年度最后一个有报告的报告期的状态'));
  });

  it('gives a region report with sub-regions one row per sub-region, linked, with totals below', () => {
    const s = spec(REGION);
    const source = reportSource(s, palette);
    expect(chapters(source)).toEqual(['概况', '下辖地区落实情况', '各部门落实情况', '任务清单', '附录　说明与数据来源']);
    expect(source).toContain(escapeTypst('本级文件 1 份（逐项列出）　下辖地区 2 个（按地区汇总）'));
    expect(source).toContain(escapeTypst('年度状态：取该年度最后一个有报告的报告期的状态'));
    const table = source.slice(source.indexOf('= 下辖地区落实情况'), source.indexOf('= 各部门落实情况'));
    // 普兰县 has a report that year, 札达县 none.
    expect(table).toContain(`#link(${typstString(`${SITE}/regions/542521/`)})[普兰县]`);
    expect(table).toContain(`#link(${typstString(`${SITE}/reports/regions/542521/2019.pdf`)})[2019年]`);
    expect(table).toContain(`#link(${typstString(`${SITE}/regions/542522/`)})[札达县]`);
    expect(table).not.toContain('/reports/regions/542522/');
    expect(table.indexOf('普兰县')).toBeLessThan(table.indexOf('札达县'));
    expect(table).toContain(`*${escapeTypst('本级（阿里地区）')}*`);
    expect(table).toContain(`*${escapeTypst('全辖合计')}*`);
    // The department and task chapters say that they hold the region's own documents only.
    expect(source).toContain(escapeTypst('只列阿里地区本级文件的任务；下辖地区的任务见各地区的年度报告。'));
  });

  it('lists a department’s lead tasks as rows and its other tasks by number, linked, with how it takes part', () => {
    const s = spec(DEMO_DOC);
    const source = reportSource(s, palette);
    const byId = new Map(s.tasks.map((t) => [t.id, t]));
    const dept = s.departments.find((d) => d.lead.length > 0 && d.helping.length > 0);
    expect(dept, 'a department that leads some tasks and helps with others').toBeDefined();
    const start = source.indexOf(`== ${escapeTypst(dept!.name)}`);
    const section = source.slice(start, source.indexOf('\n== ', start + 1));
    for (const { id } of dept!.lead) expect(section).toContain(`[${escapeTypst(byId.get(id)!.title)}]`);
    const list = section.slice(section.indexOf(`#label-line[${escapeTypst(`配合任务（${dept!.helping.length} 项）`)}]`));
    for (const { id, roles } of dept!.helping) {
      const t = byId.get(id)!;
      expect(list).toContain(`#link(${typstString(SITE + t.url)})[${escapeTypst(t.number)}]（${escapeTypst(roles.join('、'))}）`);
      // The title and status are in the task list, once.
      expect(list).not.toContain(escapeTypst(t.title));
    }
    // A report over several documents names the document with the number, as its task list does.
    const twoDocuments = reportSource({ ...s, documents: [...s.documents, s.documents[0]] }, palette);
    const [first] = dept!.helping;
    expect(twoDocuments).toContain(`[${escapeTypst(`文件1·${byId.get(first.id)!.number}`)}]`);
  });

  it('names each document in the appendix with its issuer and type, and each data source with its periods', () => {
    const source = reportSource(spec(REGION), palette);
    const appendix = source.slice(source.indexOf('= 附录'));
    expect(appendix).toContain(escapeTypst('发文机关：阿里地区行政公署'));
    expect(appendix).toContain(escapeTypst('类型：分工方案'));
    expect(appendix).toContain(escapeTypst('（2019年）'));
  });
});

describe('links (the link rule, src/domain/links.ts, checked again)', () => {
  it('links only allowed URLs and shows the others as text', () => {
    const docs = SMALL_DOCUMENTS.map((d, i) =>
      i === 0
        ? {
            ...d,
            sourceUrl: 'javascript:alert(1)',
            tasks: d.tasks.map((t, j) =>
              j === 0
                ? {
                    ...t,
                    reports: {
                      '2019': {
                        status: '达到序时进度' as const,
                        demo: false,
                        source: { title: '坏来源', url: 'http://user:pw@evil.example/' },
                      },
                    },
                  }
                : t,
            ),
          }
        : d,
    );
    const hostileSpec = reportsForPortal(makePortal(docs), { siteUrl: SITE }).find((s) =>
      s.documents.some((d) => d.sourceUrl === 'javascript:alert(1)'),
    )!;
    const source = reportSource(hostileSpec, palette);
    const links = [...source.matchAll(/#link\("((?:[^"\\]|\\.)*)"\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href, href).toMatch(/^https:\/\/(qingdan\.example\.cn|www\.example\.gov\.cn)\//);
    expect(source).not.toMatch(/#link\("[^"]*(javascript|evil)/);
    // The refused URL and the source's title are there as escaped text.
    expect(source).toContain('原文：javascript\\:alert(1)');
    expect(source).toContain('坏来源');
  });
});
