// The changes list (src/components/ChangesList.astro) rendered to HTML: for a fixture with every kind of
// change, a section per kind listing its tasks as links with both statuses, the periods compared and the
// demo marks; for tasks that did not change, an empty state that says so.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import ChangesList from '../../src/components/ChangesList.astro';
import { CHANGE_KINDS, periodChanges, type ChangeKind } from '../../src/portal/changes';
import { STATUS } from '../../src/domain/status-catalogue';
import type { Portal } from '../../src/portal/types';
import { makePortal } from '../fixtures/portal-data';
import { CHANGES_FIXTURE } from '../fixtures/changes';

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
}
const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const all = (n: Node, pred: (x: Node) => boolean, out: Node[] = []): Node[] => {
  if (pred(n)) out.push(n);
  for (const c of n.childNodes ?? []) all(c, pred, out);
  return out;
};
const text = (n: Node): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join(''));

async function render(portal: Portal, scope = '阿里地区') {
  const container = await AstroContainer.create();
  const result = periodChanges(portal.tasks);
  const html = await container.renderToString(ChangesList, {
    props: { result, scope, taskCount: portal.tasks.length, showDocument: true },
  });
  return { html, root: parse(html) as unknown as Node };
}

/** The task links of the table right after the heading of a kind. */
function tasksOfKind(root: Node, kind: ChangeKind): string[] {
  const section = all(root, (n) => n.nodeName === 'section')[0];
  const kids = (section.childNodes ?? []).filter((n) => n.nodeName !== '#text');
  const at = kids.findIndex((n) => attr(n, 'id') === `changes-${kind}`);
  expect(at, kind).toBeGreaterThanOrEqual(0);
  const table = kids.slice(at + 1).find((n) => attr(n, 'class') === 'table-wrap')!;
  return all(table, (n) => n.nodeName === 'a' && (attr(n, 'href') ?? '').startsWith('/tasks/')).map((a) => attr(a, 'href')!);
}

describe('ChangesList', () => {
  it('lists each kind of change of the fixture, with its tasks linked', async () => {
    const { html, root } = await render(makePortal([CHANGES_FIXTURE], '2020-12-31'));
    const t = (local: string) => `/tasks/ali-changes/${local}/`;
    expect(html).toContain('2020年 与 2019年相比');
    const expected: Record<ChangeKind, string[]> = {
      completed: [t('done'), t('closed'), t('first-done')],
      overdue: [t('late'), t('silent-late')],
      unreported: [t('silent'), t('silent-late')],
      down: [t('down')],
      up: [t('up')],
      resumed: [t('first'), t('again')],
      other: [t('standing')],
    };
    for (const k of CHANGE_KINDS) expect(tasksOfKind(root, k.kind), k.kind).toEqual(expected[k.kind]);
    // Headings in the catalogue order, each with its count.
    const headings = all(root, (n) => n.nodeName === 'h2').map((h) => text(h).replace(/\s+/g, ' ').trim());
    expect(headings).toEqual(['比较的报告期', ...CHANGE_KINDS.map((k) => `${k.label} ${expected[k.kind].length} 项`)]);
  });

  it('is an accessible table per kind: caption, column headers, a label per cell for phones', async () => {
    const { root } = await render(makePortal([CHANGES_FIXTURE], '2020-12-31'));
    const tables = all(root, (n) => n.nodeName === 'table');
    expect(tables).toHaveLength(CHANGE_KINDS.length);
    for (const table of tables) {
      expect(text(all(table, (n) => n.nodeName === 'caption')[0])).toMatch(/^阿里地区：/);
      expect(all(table, (n) => n.nodeName === 'th').map((th) => attr(th, 'scope'))).toEqual(['col', 'col', 'col', 'col', 'col']);
    }
    const wraps = all(root, (n) => attr(n, 'class') === 'table-wrap');
    for (const w of wraps) expect([attr(w, 'role'), attr(w, 'tabindex')]).toEqual(['region', '0']);
  });

  it('shows both statuses and marks demo data', async () => {
    const { root } = await render(makePortal([CHANGES_FIXTURE], '2020-12-31'));
    const row = all(root, (n) => n.nodeName === 'tr').find(
      (tr) => all(tr, (a) => attr(a, 'href') === '/tasks/ali-changes/down/').length > 0,
    )!;
    const badges = all(row, (n) => (attr(n, 'class') ?? '').startsWith('badge ')).map(text);
    expect(badges).toEqual([STATUS.onTrack, STATUS.behind]);
    expect(all(row, (n) => attr(n, 'class') === 'demo-mark').length).toBe(2);
  });

  it('says so when nothing changed', async () => {
    const calm = makePortal([
      {
        slug: 'calm',
        regionCode: '542500',
        tasks: [{ reports: { '2019': { status: '达到序时进度' }, '2020': { status: '达到序时进度' } } }],
      },
    ]);
    const { html, root } = await render(calm, '普兰县');
    expect(all(root, (n) => n.nodeName === 'table')).toEqual([]);
    expect(html).toContain('没有变化：与上一个报告期相比，普兰县没有任务的状态发生变化。');
  });
});
