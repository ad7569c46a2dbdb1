// The deadline a task shows (deadline.ts): its stated date, the plan's end when it states none, or a standing deadline as text.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/domain/types';
import { shownDeadline } from '../../src/portal/deadline';
import { doc } from '../helpers/hand-document';

describe('shownDeadline', () => {
  const d = doc();
  const view = (deadlines: Task['deadlines'], measures: Task['measures'] = []) => ({
    task: { ...d.tasks[0], deadlines, measures },
    document: d,
  });
  it('uses the stated date', () => {
    expect(shownDeadline(view([{ text: '2019年底前', date: '2019-12-31', kind: 'date' }]))).toEqual({
      date: '2019-12-31',
      implied: false,
      standing: null,
    });
  });
  it('falls back to the end of the plan when the task states nothing, and says so', () => {
    expect(shownDeadline(view([]))).toEqual({ date: '2020-12-31', implied: true, standing: null });
  });
  it('shows standing deadlines as text, never a date', () => {
    expect(shownDeadline(view([{ text: '长期', date: null, kind: 'standing' }]))).toEqual({ date: null, implied: false, standing: '长期' });
  });
});
