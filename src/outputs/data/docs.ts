// Field tables for /data/: every field of every file, flattened from the JSON Schema so the page
// cannot drift from the files (tests validate the files against the same schema).
import { z } from 'zod';
import { DATA_FILES } from './records';
import { documentsFileSchema, jsonSchemaOf, reportsFileSchema, tasksFileSchema, unitsFileSchema } from './schema';

export interface FieldDoc {
  /** "tasks[].units[].role" */
  path: string;
  /** 中文 type: 文本, 数字, 整数, 是/否, 列表, 对象; "或 null" when nullable. */
  type: string;
  description: string;
  /** Allowed values, when the field is an enumeration. */
  values: string[] | null;
}

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔（true/false）',
  array: '列表',
  object: '对象',
  null: 'null',
};

function describeType(s: JsonSchema): { types: string[]; values: unknown[] | null; node: JsonSchema } {
  if (s.anyOf) {
    const parts = s.anyOf.map(describeType);
    const node = parts.find((p) => !p.types.includes('null'))?.node ?? s;
    return { types: parts.flatMap((p) => p.types), values: parts.find((p) => p.values)?.values ?? null, node };
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.const !== undefined ? [typeof s.const] : [];
  return { types, values: s.enum ?? (s.const !== undefined ? [s.const] : null), node: s };
}

/** Flattens a JSON Schema to one row per field, depth first, in declaration order. */
export function flattenSchema(schema: Record<string, unknown>, prefix = ''): FieldDoc[] {
  const rows: FieldDoc[] = [];
  const walk = (s: JsonSchema, path: string) => {
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const p = path ? `${path}.${key}` : key;
      const { types, values, node } = describeType(child);
      const description = child.description ?? node.description ?? '';
      rows.push({
        path: types.includes('array') ? `${p}[]` : p,
        type: types.map((t) => TYPE_NAMES[t] ?? t).join(' 或 '),
        description,
        values: values ? values.map(String) : null,
      });
      if (node.properties) walk(node, p);
      if (node.items) {
        const item = describeType(node.items).node;
        if (item.properties) walk(item, `${p}[]`);
      }
    }
  };
  walk(schema as JsonSchema, prefix);
  return rows;
}

export interface DataFileDoc {
  key: keyof typeof DATA_FILES;
  title: string;
  json: string;
  csv: string | null;
  schema: string;
  zod: z.ZodType;
}

export const DATA_FILE_DOCS: DataFileDoc[] = [
  { key: 'tasks', title: '任务', zod: tasksFileSchema, ...DATA_FILES.tasks },
  { key: 'units', title: '单位', zod: unitsFileSchema, ...DATA_FILES.units },
  { key: 'reports', title: '进展报告', zod: reportsFileSchema, ...DATA_FILES.reports },
  { key: 'documents', title: '文件', zod: documentsFileSchema, ...DATA_FILES.documents },
];

export const fileJsonSchema = (doc: DataFileDoc, site: string) => jsonSchemaOf(doc.zod, site + doc.schema);
