// The shape of a status file and of one report in it (进展情况), as zod schemas: YAML files are checked
// against them as they are, CSV rows after their cells are read. Each message says what a field takes.
import { z } from 'zod';
import { isAllowedUrl } from '../../domain/links';
import { isRealDate } from '../../domain/periods';
import { REPORTED_STATUSES } from '../../domain/status-catalogue';

const STATUS_WORDS = `one of the status words ${REPORTED_STATUSES.join('、')} (未报告 and 已逾期 are derived, never entered)`;
const DATE = 'a real date YYYY-MM-DD';
const URL_RULE = 'an http(s) URL or a portal path starting with "/"';

const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `only the fields ${Object.keys(shape).join(', ')}` : 'a mapping'),
  });

const text = (what: string) => z.string({ error: what }).trim().min(1, { error: what });
const date = z.string({ error: DATE }).refine(isRealDate, { error: DATE });
const url = z.string({ error: URL_RULE }).refine(isAllowedUrl, { error: URL_RULE });

export const sourceSchema = z.union(
  [z.literal('demo'), strict({ title: text('the title of the official disclosure'), url: url.optional() })],
  { error: 'demo (demonstration data), or title and url of the official disclosure' },
);

export const entrySchema = strict({
  // A bare number (`task: 3`) is kept so that the error can suggest t3.
  task: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text('the task id inside the document, e.g. t12, g2-t3 or p7')),
  status: z.enum(REPORTED_STATUSES, { error: STATUS_WORDS }),
  progress: z.string({ error: 'Markdown text' }).default(''),
  evidence: z.array(strict({ title: text('a title for the link'), url }), { error: 'a list of {title, url}' }).default([]),
  indicators: z
    .array(
      strict({
        target: z
          .number({ error: 'an index into the task’s targets (0, 1, …)' })
          .int({ error: 'a whole number' })
          .min(0, { error: 'a number ≥ 0' }),
        value: z.number({ error: 'a number (no unit, no %)' }).finite({ error: 'a finite number' }),
        unit: z.string({ error: 'a unit such as % or 万亩' }).optional(),
        note: z.string({ error: 'text' }).optional(),
      }),
      { error: 'a list of {target, value, unit?}' },
    )
    .default([]),
  reportingUnit: text('the name of the reporting unit'),
  reportedOn: date.optional(),
});

export const headerSchema = strict({
  document: text('the slug of a document in content/documents'),
  // YAML reads `period: 2019` as a number.
  period: z.union([z.string(), z.number().int()], { error: 'a period id: 2019, 2019-Q3 or 2019-07' }).transform(String),
  source: sourceSchema,
  reportedOn: date.optional(),
  reports: z.array(z.unknown(), { error: 'a list of reports' }),
});

export type Entry = z.infer<typeof entrySchema>;
export type Source = z.infer<typeof sourceSchema>;
