// Which PDF reports exist and exactly what each one shows (report-model.ts): one per region and year and per
// document and period; region reports list their own documents task by task and each sub-region as one row.
import { describe, expect, it } from 'vitest';
import { documentReportUrl, regionReportUrl, regionUrl } from '../../../src/domain/urls';
import { palette } from '../../../src/outputs/pdf/palette';
import { reportsForPortal } from '../../../src/outputs/pdf/report-model';
import { MAX_PROGRESS_CHARS } from '../../../src/outputs/pdf/report-spec';
import { statusForYear } from '../../../src/outputs/pdf/report-tally';
import { reportSource } from '../../../src/outputs/pdf/typst-source';
import { makePortal, SMALL_DOCUMENTS, smallPortal, treePortal, XIZANG_DOCUMENT, type FixtureDocument } from '../../fixtures/portal-pdf';
import { chapters, countsList, DEMO } from './helpers';

describe('reportsForPortal', () => {
  const portal = smallPortal();
  const specs = reportsForPortal(portal, { siteUrl: 'https://qingdan.example.cn/' });
  const byPath = new Map(specs.map((s) => [s.path, s]));

  it('gives one report per region and year (years of the documents of the region and below) and per document and year, at the urls.ts paths', () => {
    expect(specs.map((s) => s.path).sort()).toEqual(
      [
        regionReportUrl('540000', '2019'),
        regionReportUrl('540000', '2020'),
        regionReportUrl('542500', '2019'),
        regionReportUrl('542500', '2020'),
        regionReportUrl('542521', '2019'),
        documentReportUrl('ali-fengong', '2019'),
        documentReportUrl('ali-fengong', '2020'),
        // Reported for two quarters of 2019: one annual report.
        documentReportUrl('pulan-zhenggai', '2019'),
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
    // A document's annual report takes its statuses by the same rule.
    expect(byPath.get(documentReportUrl('pulan-zhenggai', '2019'))!.tasks[0]).toEqual(row);
    const timeline = portal.tasks[0].timeline;
    expect(statusForYear(timeline, '2031')).toBeNull();
  });

  it('marks demo data and keeps official data unmarked', () => {
    expect(byPath.get(documentReportUrl('ali-fengong', '2019'))!.demo).toBe(true);
    const official = byPath.get(documentReportUrl('pulan-zhenggai', '2019'))!;
    expect(official.demo).toBe(false);
    expect(official.sources).toEqual([
      {
        title: '阿里地区政务公开：整改落实情况',
        url: 'https://www.example.gov.cn/zg/2019',
        demo: false,
        periods: ['2019年第三季度', '2019年第四季度'],
      },
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
