// Status changes as feed entries (changes.ts): a first report and every change, unreported periods as silence.
import { describe, expect, it } from 'vitest';
import { entryId } from '../../../src/outputs/feeds/atom';
import { changesOf, taskChanges } from '../../../src/outputs/feeds/changes';
import { makePortal, smallPortal } from '../../fixtures/portal-data';

const SITE = 'https://qingdan.example.cn';

describe('status changes', () => {
  const portal = smallPortal();

  it('emits the first report and every change of status or overdue, not repeats', () => {
    const t1 = taskChanges(portal.taskById.get('ali-demo/t1')!);
    expect(t1.map((c) => [c.at.period.id, c.previous?.status ?? null, c.at.status])).toEqual([
      ['2019', null, '未达到序时进度'],
      ['2020', '未达到序时进度', '已完成'],
    ]);
    // Same status, but now overdue: that is news.
    const t2 = taskChanges(portal.taskById.get('ali-demo/t2')!);
    expect(t2.map((c) => [c.at.status, c.at.overdue])).toEqual([
      ['达到序时进度', false],
      ['达到序时进度', true],
    ]);
    expect(taskChanges(portal.taskById.get('ali-demo/t3')!)).toEqual([]);
  });

  it('treats unreported periods as silence, not as a change', () => {
    const p = makePortal([
      {
        slug: 'gap',
        regionCode: '542500',
        tasks: [
          {
            localId: 't1',
            deadline: null,
            reports: { '2019': { status: '达到序时进度' }, '2021': { status: '达到序时进度' }, '2022': { status: '已完成' } },
          },
        ],
      },
    ]);
    const changes = taskChanges(p.taskById.get('gap/t1')!);
    expect(changes.map((c) => [c.at.period.id, c.previous?.periodLabel ?? null])).toEqual([
      ['2019', null],
      ['2022', '2021年'],
    ]);
  });

  it('orders newest first, with a fixed order for ties', () => {
    const all = changesOf(portal, portal.tasks);
    const dates = all.map((c) => c.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.length).toBe(portal.tasks.reduce((n, t) => n + taskChanges(t).length, 0));
    const again = changesOf(portal, [...portal.tasks].reverse());
    expect(again.map((c) => entryId(SITE, c))).toEqual(all.map((c) => entryId(SITE, c)));
  });

  it('dates an unreported overdue by the day it became overdue, never by a period end still to come', () => {
    const p = makePortal(
      [
        {
          slug: 'late',
          regionCode: '542500',
          tasks: [
            { localId: 't1', deadline: { text: '2020年6月底前', date: '2020-06-30' }, reports: { '2019': { status: '达到序时进度' } } },
          ],
        },
      ],
      '2020-09-15',
    );
    const [, overdue] = taskChanges(p.taskById.get('late/t1')!);
    expect([overdue.at.period.id, overdue.at.overdue, overdue.updated]).toEqual(['2020', true, '2020-07-01']);
  });
});
