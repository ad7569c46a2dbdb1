// The documents' units through the registry (units.ts): each UnitRef resolved and kept as written; the units
// the registry does not know, listed with task and line.
import { describe, expect, it } from 'vitest';
import { unverifiedUnits, resolveUnitRef } from '../../../src/sources/registry/units';
import type { Document, Task } from '../../../src/domain/types';
import { real } from './helpers';

// ---- the documents' units through the registry

function fakeDocument(regionCode: string, tasks: Array<Pick<Task, 'units' | 'measures'> & { id: string }>): Document {
  return {
    slug: 'fake',
    sourceFile: 'documents/fake.txt',
    meta: {
      slug: 'fake',
      regionCode,
      kind: '其他',
      sourceUrl: null,
      reporting: 'annual',
      span: { start: '2019-01-01', end: '2019-12-31' },
    },
    title: null,
    docNumber: null,
    indexNumber: null,
    issuer: null,
    writtenOn: null,
    publishedOn: null,
    sections: [],
    tasks: tasks.map((t, i) => ({
      id: t.id,
      localId: `t${i + 1}`,
      documentSlug: 'fake',
      kind: 'task',
      number: String(i + 1),
      marker: `${i + 1}.`,
      title: '',
      text: '',
      segments: [],
      units: t.units,
      deadlines: [],
      targets: [],
      measures: t.measures,
      fields: {},
      sectionPath: [],
      lineStart: 10 * (i + 1),
      lineEnd: 10 * (i + 1),
      gaps: [],
      corrections: [],
    })),
    parts: [],
    source: '',
    format: 'txt',
    warnings: [],
  };
}

describe('units of documents', () => {
  it('resolves a UnitRef and keeps it as written', () => {
    const u = resolveUnitRef(real, { name: '地区交通局', written: '交通局', role: 'responsible' }, '542500');
    expect(u).toEqual({ name: '地区交通局', written: '交通局', role: 'responsible', departmentId: '542500-jiaotong', verified: true });
  });

  it('lists unknown units with task and line, once per task, name and role', () => {
    const doc = fakeDocument('540000', [
      {
        id: 'fake/t1',
        units: [
          { name: '区发展委', role: 'responsible' },
          { name: '区厅', role: 'responsible' },
          { name: '区厅', role: 'responsible' },
        ],
        measures: [],
      },
      {
        id: 'fake/t2',
        units: [],
        measures: [
          { id: 'fake/t2.m1', number: '1', text: '', units: [{ name: '区厅', role: 'supervisor' }], deadlines: [], targets: [], line: 23 },
        ],
      },
    ]);
    expect(unverifiedUnits(real, [doc])).toEqual([
      { name: '区厅', role: 'responsible', taskId: 'fake/t1', documentSlug: 'fake', line: 10 },
      { name: '区厅', role: 'supervisor', taskId: 'fake/t2', documentSlug: 'fake', line: 23 },
    ]);
  });
});
