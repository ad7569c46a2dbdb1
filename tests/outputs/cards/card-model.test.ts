// Card specs per page kind (card-model.ts): one card per page, what each kind shows, and that only task
// cards show status, so only they can show demo status.
import { describe, expect, it } from 'vitest';
import { ALL_STATUSES } from '../../../src/domain/status-catalogue.ts';
import { cardUrl } from '../../../src/domain/urls.ts';
import { MAX_AGGREGATE_FACTS, cardsForPortal } from '../../../src/outputs/cards/card-model.ts';
import { templateContext } from '../../../src/outputs/cards/render.ts';
import { cardTree } from '../../../src/outputs/cards/template.ts';
import { DEMO_LABEL } from '../../../src/portal/labels.ts';
import { byPath, makePortal, portalWith, site, TASK, treeTexts } from './helpers.ts';

describe('cardsForPortal', () => {
  const portal = makePortal();
  const specs = cardsForPortal(portal, site);
  const pages = byPath(specs);

  it('makes one card per page: home, every document, task, department and region', () => {
    const expected = [
      '/',
      ...portal.documents.map((d) => `/documents/${d.slug}/`),
      ...portal.tasks.map((t) => t.url),
      ...portal.departments.map((d) => d.url),
      ...portal.regions.map((r) => r.url),
    ];
    expect(specs.map((s) => s.pagePath).sort()).toEqual(expected.sort());
    for (const s of specs) expect(s.path).toBe(cardUrl(s.pagePath));
    expect(new Set(specs.map((s) => s.path)).size).toBe(specs.length);
    expect(pages.get('/')!.path).toBe('/cards/index.png');
    expect(pages.get('/tasks/ali-2024-shengtai/t1/')!.path).toBe('/cards/tasks/ali-2024-shengtai/t1.png');
  });

  it('a task card shows its short title, lead unit, deadline and status', () => {
    const t = pages.get('/tasks/ali-2024-shengtai/t2/')!;
    expect(t.kind).toBe('task');
    expect(t.title).toBe('推进退牧还草工程建设');
    expect(t.facts).toEqual([
      { label: '牵头单位', values: ['阿里地区林业和草原局'] },
      { label: '完成时限', values: ['长期'] },
    ]);
    expect(t.status).toEqual({ status: '未报告', overdue: true, period: '2024年第三季度' });
    expect(t.subtitle).toContain('阿里地区2024年生态环境保护实施方案');
    expect(t.kicker).toContain('阿里地区');
    expect(pages.get('/tasks/ali-2024-shengtai/p3/')!.kicker).toMatch(/^整改问题/);
  });

  it('aggregate cards show stable facts and numbers, never status', () => {
    const d = pages.get('/departments/542500-sthj/')!;
    expect(d.stats).toEqual([
      { label: '牵头任务', count: 2, unit: '项' },
      { label: '参与任务', count: 1, unit: '项' },
    ]);
    expect(d.facts).toEqual([
      { label: '涉及文件', values: ['《阿里地区2024年生态环境保护实施方案》'] },
      { label: '所属地区', values: ['西藏自治区 · 阿里地区'] },
    ]);
    const doc = pages.get('/documents/ali-2024-shengtai/')!;
    expect(doc.subtitle).toBe('阿里地区行政公署 · 阿行发〔2024〕1号 · 2024年3月5日发布');
    expect(doc.stats).toEqual([
      { label: '任务', count: 3, unit: '项' },
      { label: '其中整改问题', count: 1, unit: '项' },
      { label: '牵头单位', count: 2, unit: '个' },
    ]);
    // Deadlines in the fixture are standing (长期, 立行立改…): no date range, so the leads come second.
    expect(doc.facts).toEqual([
      { label: '实施期限', values: ['2024年1月1日至2025年12月31日'] },
      { label: '牵头单位', values: ['阿里地区生态环境局', '阿里地区林业和草原局'] },
      { label: '报告周期', values: ['每季度报告进展'] },
    ]);
    const province = pages.get('/regions/540000/')!;
    expect(province.subtitle).toBe('省级行政区');
    expect(province.stats).toEqual([
      { label: '文件', count: 0, unit: '份' },
      { label: '任务', count: 4, unit: '项' },
      { label: '本级部门', count: 0, unit: '个' },
      { label: '下级地区', count: 1, unit: '个' },
    ]);
    expect(pages.get('/regions/542521/')!.subtitle).toBe('县级行政区 · 上级：西藏自治区 · 阿里地区');
    const home = pages.get('/')!;
    expect(home.stats!.map((s) => [s.label, s.count])).toEqual([
      ['文件', 2],
      ['任务', 4],
      ['部门', 3],
      ['行政区划', 3],
    ]);
    expect(home.facts[0]).toEqual({ label: '覆盖地区', values: ['西藏自治区'] });
    for (const spec of specs.filter((s) => s.kind !== 'task')) {
      expect(spec.status, spec.pagePath).toBeUndefined();
      for (const key of ['counts', 'countsLabel', 'total', 'overdue']) expect(spec, spec.pagePath).not.toHaveProperty(key);
      expect(spec.facts.length).toBeLessThanOrEqual(MAX_AGGREGATE_FACTS);
      const drawn = JSON.stringify([spec.kicker, spec.title, spec.subtitle, spec.facts, spec.stats]);
      for (const status of ALL_STATUSES) expect(drawn, spec.pagePath).not.toContain(status);
    }
  });

  it('marks demo data on a card iff it shows demo status: task cards with demo status, nothing else', () => {
    expect(pages.get('/tasks/ali-2024-shengtai/t1/')!.demo).toBe(true);
    expect(pages.get('/tasks/ali-2024-shengtai/t2/')!.demo).toBe(false);
    // Aggregate cards show no status, so no demo status either, even where every task's status is demo.
    for (const spec of specs.filter((s) => s.kind !== 'task')) expect(spec.demo, spec.pagePath).toBe(false);
    const ctx = templateContext();
    for (const spec of specs) {
      const texts = treeTexts(cardTree(spec, ctx));
      expect(texts.includes(DEMO_LABEL), spec.pagePath).toBe(spec.kind === 'task' && spec.demo);
      // Status words are drawn on task cards only.
      if (spec.kind !== 'task') for (const status of ALL_STATUSES) expect(texts.join('|'), spec.pagePath).not.toContain(status);
    }
  });

  it('a task without deadlines of its own shows its measures’ deadlines', () => {
    const p = makePortal();
    const t = p.taskById.get('pulan-2024-caoyuan/t1')!;
    t.task.deadlines = [];
    t.task.measures = [
      {
        id: `${t.task.id}.m1`,
        number: '1',
        text: '',
        units: [],
        deadlines: [{ text: '2025年6月底', date: '2025-06-30', kind: 'date' }],
        targets: [],
        line: 1,
      },
      {
        id: `${t.task.id}.m2`,
        number: '2',
        text: '',
        units: [],
        deadlines: [{ text: '长期', date: null, kind: 'standing' }],
        targets: [],
        line: 2,
      },
    ];
    expect(byPath(cardsForPortal(p, site)).get(t.url)!.facts[1]).toEqual({ label: '完成时限', values: ['2025年6月底', '长期'] });
    t.task.measures = [];
    // No deadline in the text: the plan's end, as the task page shows it, said to come from the plan's span.
    const spanEnd = t.document.meta.span.end;
    const [y, m, d] = spanEnd.split('-').map(Number);
    expect(byPath(cardsForPortal(p, site)).get(t.url)!.facts[1]).toEqual({
      label: '完成时限',
      values: [`${y}年${m}月${d}日（按文件实施期限截止日计）`],
    });
  });

  it('an overdue task whose deadline comes from the plan’s span never shows 未识别 beside 已逾期', () => {
    const p = makePortal();
    const t = p.taskById.get('pulan-2024-caoyuan/t1')!;
    t.task.deadlines = [];
    t.task.measures = [];
    t.current = t.current ? { ...t.current, overdue: true } : t.current;
    const card = byPath(cardsForPortal(p, site)).get(t.url)!;
    const texts = treeTexts(cardTree(card, templateContext())).join('|');
    expect(texts).toContain('按文件实施期限截止日计');
    expect(texts).not.toContain('未识别');
    expect(texts).not.toContain('未写明');
  });

  it('draws the host of the configured site', () => {
    expect(specs.every((s) => s.host === 'qingdan.example.cn')).toBe(true);
  });
});

describe('one status report', () => {
  it('aggregate specs carry no status, no status counts and no demo marker', () => {
    const specs = cardsForPortal(portalWith({ '2020': { status: '未达到序时进度', late: true } }), site);
    expect(new Set(specs.map((s) => s.kind))).toEqual(new Set(['home', 'document', 'task', 'department', 'region']));
    const task = specs.find((s) => s.pagePath === `/tasks/${TASK}/`)!;
    expect(task.status).toEqual({ status: '未达到序时进度', overdue: true, period: '2020年' });
    expect(task.demo).toBe(true);
    for (const spec of specs.filter((s) => s.kind !== 'task')) {
      expect(
        Object.keys(spec).filter((k) => ['status', 'counts', 'countsLabel', 'total', 'overdue'].includes(k)),
        spec.pagePath,
      ).toEqual([]);
      expect(spec.demo, spec.pagePath).toBe(false);
      for (const status of ALL_STATUSES) expect(JSON.stringify(spec), spec.pagePath).not.toContain(status);
    }
  });
});
