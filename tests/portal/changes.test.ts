// 本期变化 (src/portal/changes.ts): each kind of change between a task's last two periods, on a portal
// built by the real join; comparisons across cadences; the reads replayed for the page cache.
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, comparisonLabel, periodChanges, stateLabel, statusChangeKind, taskLatestChanges } from '../../src/portal/changes';
import { PROGRESS_STEPS, progressStep, REPORTED_STATUSES, STATUS } from '../../src/domain/status-catalogue';
import { collectReads, GENERATED_ON_KEY, taskKey } from '../../src/portal/reads';
import { makePortal } from '../fixtures/portal-data';
import { CHANGES_FIXTURE } from '../fixtures/changes';

const portal = makePortal([CHANGES_FIXTURE], '2020-12-31');
const view = (local: string) => portal.taskById.get(`ali-changes/${local}`)!;
const ON = { status: STATUS.onTrack } as const;
const kinds = (local: string) => taskLatestChanges(view(local)).map((c) => c.kind);

describe('progress steps', () => {
  it('orders every reported word once, and gives the derived words none', () => {
    expect(PROGRESS_STEPS.flat().sort()).toEqual([...REPORTED_STATUSES].sort());
    expect(progressStep(STATUS.notStarted)).toBe(0);
    expect(progressStep(STATUS.closed)).toBe(5);
    expect(progressStep(STATUS.standing)).toBe(progressStep(STATUS.onTrack));
    expect(progressStep(STATUS.unreported)).toBeNull();
    expect(progressStep(STATUS.overdue)).toBeNull();
  });
});

describe('statusChangeKind', () => {
  it('classifies a move of the status word', () => {
    expect(statusChangeKind(STATUS.onTrack, STATUS.onTrack)).toBeNull();
    expect(statusChangeKind(STATUS.ahead, STATUS.done)).toBe('completed');
    expect(statusChangeKind(STATUS.done, STATUS.closed)).toBe('completed');
    expect(statusChangeKind(STATUS.closed, STATUS.done)).toBe('down');
    expect(statusChangeKind(STATUS.onTrack, STATUS.unreported)).toBe('unreported');
    expect(statusChangeKind(STATUS.done, STATUS.unreported)).toBe('unreported');
    expect(statusChangeKind(STATUS.closed, STATUS.unreported)).toBeNull();
    expect(statusChangeKind(STATUS.onTrack, STATUS.behind)).toBe('down');
    expect(statusChangeKind(STATUS.behind, STATUS.ahead)).toBe('up');
    expect(statusChangeKind(STATUS.onTrack, STATUS.standing)).toBe('other');
    expect(statusChangeKind(STATUS.unreported, STATUS.onTrack, null)).toBe('resumed');
    expect(statusChangeKind(STATUS.unreported, STATUS.done, null)).toBe('completed');
    expect(statusChangeKind(STATUS.unreported, STATUS.done, STATUS.onTrack)).toBe('completed');
    expect(statusChangeKind(STATUS.unreported, STATUS.done, STATUS.done)).toBe('resumed');
  });
});

describe('the latest changes of a task', () => {
  it('finds each kind of change, and none where nothing changed', () => {
    expect(kinds('done')).toEqual(['completed']);
    expect(kinds('closed')).toEqual(['completed']);
    expect(kinds('late')).toEqual(['overdue']);
    expect(kinds('silent')).toEqual(['unreported']);
    expect(kinds('down')).toEqual(['down']);
    expect(kinds('up')).toEqual(['up']);
    expect(kinds('first')).toEqual(['resumed']);
    expect(kinds('again')).toEqual(['resumed']);
    expect(kinds('first-done')).toEqual(['completed']);
    expect(kinds('standing')).toEqual(['other']);
    expect(kinds('same')).toEqual([]);
    expect(kinds('silent-late')).toEqual(['unreported', 'overdue']);
    expect(kinds('never')).toEqual([]);
  });

  it('says from what, to what, between which periods, since when', () => {
    const [c] = taskLatestChanges(view('down'));
    expect(c.from).toEqual({ status: STATUS.onTrack, overdue: false });
    expect(c.to).toEqual({ status: STATUS.behind, overdue: false });
    expect([c.previousPeriod.label, c.period.label]).toEqual(['2019年', '2020年']);
    expect(c.since).toBe('2020-12-31');
    expect(c.demo).toBe(true);
    const [unreported, overdue] = taskLatestChanges(view('silent-late'));
    expect(stateLabel(unreported.to)).toBe(`${STATUS.unreported}（${STATUS.overdue}）`);
    expect(unreported.since).toBe('2020-01-01');
    expect(overdue.since).toBe('2020-07-01');
  });
});

describe('periodChanges', () => {
  const all = periodChanges(portal.tasks);

  it('groups every kind in the catalogue order, each task once', () => {
    expect(all.groups.map((g) => g.kind)).toEqual(CHANGE_KINDS.map((k) => k.kind));
    expect(all.groups.map((g) => g.changes.length)).toEqual([3, 2, 2, 1, 1, 2, 1]);
    expect(periodChanges([...portal.tasks, ...portal.tasks]).changes.length).toBe(all.changes.length);
    expect(all.changes.filter((c) => c.kind === 'completed').map((c) => c.view.task.localId)).toEqual(['done', 'closed', 'first-done']);
    expect(all.demo).toBe(true);
  });

  it('names the periods compared, and tells the last period of an ended plan', () => {
    expect(all.comparisons).toHaveLength(1);
    const [c] = all.comparisons;
    expect(comparisonLabel(c)).toBe('2020年 与 2019年相比');
    expect([c.tasks, c.changed, c.ended]).toEqual([13, 11, false]);
    const later = makePortal([CHANGES_FIXTURE], '2021-03-05');
    const after = periodChanges(later.tasks);
    expect(after.comparisons.map(comparisonLabel)).toEqual(['2021年 与 2020年相比']);
    const ended = makePortal([CHANGES_FIXTURE], '2020-12-31');
    ended.documents[0].meta.span.end = '2019-12-31';
    expect(periodChanges(ended.tasks).comparisons[0].ended).toBe(true);
  });

  it('keeps several cadences apart, the newest comparison first', () => {
    const mixed = makePortal(
      [
        CHANGES_FIXTURE,
        {
          slug: 'pulan-q',
          regionCode: '542521',
          reporting: 'quarterly',
          tasks: [{ localId: 'q1', reports: { '2020-Q3': ON, '2020-Q4': { status: STATUS.done } } }],
        },
      ],
      '2020-12-31',
    );
    const changes = periodChanges(mixed.tasks);
    expect(changes.comparisons.map(comparisonLabel)).toEqual(['2020年第四季度 与 2020年第三季度相比', '2020年 与 2019年相比']);
    expect(changes.groups[0].changes.map((c) => c.view.task.id)).toEqual([
      'pulan-q/q1',
      'ali-changes/done',
      'ali-changes/closed',
      'ali-changes/first-done',
    ]);
  });

  it('has nothing to compare for a document with a single period', () => {
    const one = makePortal([{ slug: 'solo', regionCode: '542500', tasks: [{ reports: { '2020': ON } }] }], '2020-12-31');
    const result = periodChanges(one.tasks);
    expect(result).toMatchObject({ changes: [], groups: [], comparisons: [], uncompared: 1, demo: false });
  });

  it('reports reading every task it compared, also when the result comes from the memo', () => {
    const first = collectReads(() => periodChanges(portal.tasks)).reads;
    const again = collectReads(() => periodChanges(portal.tasks)).reads;
    for (const reads of [first, again]) for (const v of portal.tasks) expect(reads.has(taskKey(v.task.id, 'timeline'))).toBe(true);
    // Not the build date: a changes page re-renders when a status changes, not every day (src/build/page-cache/).
    expect(first.has(GENERATED_ON_KEY)).toBe(false);
  });
});
