// The shape of a status file and of one report in it (进展情况), as zod schemas: YAML files are checked
// against them as they are, CSV rows after their cells are read. Each message says what a field takes.
import { z } from 'zod';
import { atMostChars, atMostItems, formatCount, LIMITS, markdownNesting } from '../../domain/limits';
import { isAllowedUrl } from '../../domain/links';
import { isRealDate } from '../../domain/periods';
import { REPORTED_STATUSES } from '../../domain/status-catalogue';
import { simplifiedWord } from '../traditional';

const STATUS_WORDS = `one of the status words ${REPORTED_STATUSES.join('、')} (未报告 and 已逾期 are derived, never entered)`;
const DATE = 'a real date YYYY-MM-DD';
export const URL_RULE = `an http(s) address or a portal path starting with "/", at most ${formatCount(LIMITS.urlChars)} characters`;

const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `only the fields ${Object.keys(shape).join(', ')}` : 'a mapping'),
  });

/** Text that must be there, no longer than `max` (a name or title unless said otherwise). */
const text = (what: string, max: number = LIMITS.nameChars) =>
  z
    .string({ error: what })
    .trim()
    .min(1, { error: what })
    .max(max, { error: atMostChars(max) });
const date = z.string({ error: DATE }).refine(isRealDate, { error: DATE });
const url = z
  .string({ error: URL_RULE })
  .max(LIMITS.urlChars, { error: atMostChars(LIMITS.urlChars) })
  .refine(isAllowedUrl, { error: URL_RULE });

/** A status word as entered, in simplified characters or traditional ones (尚未啟動 is 尚未启动). */
const statusWord = z.preprocess(
  (v) => (typeof v === 'string' && !(REPORTED_STATUSES as readonly string[]).includes(v) ? simplifiedWord(v.trim()) : v),
  z.enum(REPORTED_STATUSES, { error: STATUS_WORDS }),
);

/**
 * A progress note: Markdown no longer than the limit, and nested no deeper than the renderers can take
 * (a line of a thousand `>` overflows their stack). The issue carries the problem in its own words.
 */
const progress = z
  .string({ error: 'Markdown text' })
  .max(LIMITS.progressChars, { error: atMostChars(LIMITS.progressChars) })
  .superRefine((md, ctx) => {
    const found = markdownNesting(md);
    if (!found) return;
    const [what, bound] =
      found.kind === 'block'
        ? ['quotes and lists', `at most ${LIMITS.markdownBlockDepth} levels of quotes and lists (>, -, 1.) at the start of a line`]
        : [
            'emphasis and brackets',
            `at most ${LIMITS.markdownInlineDepth} emphasis marks (* _ ~) and brackets open at once in a paragraph`,
          ];
    ctx.addIssue({
      code: 'custom',
      message: `Markdown ${bound}`,
      params: { problem: `${what} nested ${formatCount(found.depth)} deep on line ${found.line} of the text` },
    });
  });

export const sourceSchema = z.union(
  [z.literal('demo'), strict({ title: text('the title of the official disclosure'), url: url.optional() })],
  { error: 'demo (demonstration data), or title and url of the official disclosure' },
);

export const entrySchema = strict({
  // A bare number (`task: 3`) is kept so that the error can suggest t3.
  task: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text('the task id inside the document, e.g. t12, g2-t3 or p7')),
  status: statusWord,
  progress: progress.default(''),
  evidence: z
    .array(strict({ title: text('a title for the link'), url }), { error: 'a list of {title, url}' })
    .max(LIMITS.evidencePerReport, { error: atMostItems(LIMITS.evidencePerReport, 'evidence links per report') })
    .default([]),
  indicators: z
    .array(
      strict({
        target: z
          .number({ error: 'an index into the task’s targets (0, 1, …)' })
          .int({ error: 'a whole number' })
          .min(0, { error: 'a number ≥ 0' }),
        value: z.number({ error: 'a number (no unit, no %)' }).finite({ error: 'a finite number' }),
        unit: z
          .string({ error: 'a unit such as % or 万亩' })
          .max(LIMITS.nameChars, { error: atMostChars(LIMITS.nameChars) })
          .optional(),
        note: z
          .string({ error: 'text' })
          .max(LIMITS.noteChars, { error: atMostChars(LIMITS.noteChars) })
          .optional(),
      }),
      { error: 'a list of {target, value, unit?}' },
    )
    .max(LIMITS.indicatorsPerReport, { error: atMostItems(LIMITS.indicatorsPerReport, 'indicator values per report') })
    .default([]),
  reportingUnit: text('the name of the reporting unit'),
  reportedOn: date.optional(),
  /** The report's own official disclosure, where it is not the file's (reports of one period disclosed apart). */
  source: sourceSchema.optional(),
});

export const headerSchema = strict({
  document: text('the slug of a document in content/documents'),
  // YAML reads `period: 2019` as a number.
  period: z
    .union([z.string().max(LIMITS.nameChars, { error: atMostChars(LIMITS.nameChars) }), z.number().int()], {
      error: 'a period id: 2019, 2019-Q3 or 2019-07',
    })
    .transform(String),
  source: sourceSchema,
  reportedOn: date.optional(),
  reports: z.array(z.unknown(), { error: 'a list of reports' }),
});

export type Entry = z.infer<typeof entrySchema>;
export type Source = z.infer<typeof sourceSchema>;
