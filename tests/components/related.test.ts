// Related tasks on a task page (related.ts): neighbours in the same section and the same lead department.
import { describe, expect, it } from 'vitest';
import { neighbours, relatedTasks } from '../../src/components/related';
import type { DepartmentView, TaskView } from '../../src/portal/types';
import { doc } from '../helpers/hand-document';

describe('related tasks', () => {
  it('neighbours alternate after/before and come back in list order', () => {
    const list = [0, 1, 2, 3, 4, 5, 6];
    expect(neighbours(list, 3, 4)).toEqual([1, 2, 4, 5]);
    expect(neighbours(list, 0, 3)).toEqual([1, 2, 3]);
    expect(neighbours(list, 6, 2)).toEqual([4, 5]);
    expect(neighbours([9], 0, 5)).toEqual([]);
  });

  it('finds the same section and the same lead department from the indexes', () => {
    const d = doc();
    const views = d.tasks.map((t) => ({
      task: t,
      document: d,
      units: [],
      primaryUnits: [{ name: '局', role: 'lead', departmentId: 'x-a', verified: true }],
      reports: [],
      timeline: [],
      current: null,
      demo: false,
      url: `/tasks/${t.id}/`,
    })) as TaskView[];
    const dv = { department: { id: 'x-a', name: '甲局' }, primary: views, helping: [] } as unknown as DepartmentView;
    const portal = { taskById: new Map(views.map((v) => [v.task.id, v])), departmentById: new Map([['x-a', dv]]) };
    const r = relatedTasks(views[1], portal, 6);
    expect(r.section.section?.id).toBe('s1.1');
    expect(r.section.tasks.map((v) => v.task.localId)).toEqual(['t1', 't3']);
    // Same department, minus itself and what the section list already shows.
    expect(r.department.tasks.map((v) => v.task.localId)).toEqual(['t4', 't5']);
    expect(r.department.department?.name).toBe('甲局');
  });
});
