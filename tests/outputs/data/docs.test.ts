// The documentation of the data files (docs.ts): every JSON field and CSV column described in Chinese.
import { describe, expect, it } from 'vitest';
import { DATA_FILE_DOCS, fileJsonSchema, flattenSchema } from '../../../src/outputs/data/docs';
import { reportColumns, taskColumns, unitColumns } from '../../../src/outputs/data/tables';
import { SITE } from './helpers';

describe('documentation of the files', () => {
  it('describes every field of every JSON file in Chinese', () => {
    for (const doc of DATA_FILE_DOCS) {
      const fields = flattenSchema(fileJsonSchema(doc, SITE));
      expect(fields.length).toBeGreaterThan(5);
      for (const f of fields) expect(f.description, `${doc.key}: ${f.path}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('lists nested fields and enumerations', () => {
    const fields = flattenSchema(fileJsonSchema(DATA_FILE_DOCS[0], SITE));
    const role = fields.find((f) => f.path === 'tasks[].units[].role');
    expect(role?.values).toEqual(['lead', 'responsible', 'partner', 'supervisor', 'mentioned']);
    expect(fields.find((f) => f.path === 'tasks[].status')?.type).toMatch(/null/);
    expect(fields.find((f) => f.path === 'tasks[].status.status')?.values).toContain('未报告');
  });

  it('gives the schema an id under the site and describes every CSV column', () => {
    expect(fileJsonSchema(DATA_FILE_DOCS[0], SITE).$id).toBe(`${SITE}/data/tasks.schema.json`);
    for (const cols of [taskColumns(SITE), unitColumns(SITE), reportColumns(SITE)]) {
      expect(new Set(cols.map((c) => c.name)).size).toBe(cols.length);
      for (const c of cols) expect(c.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
