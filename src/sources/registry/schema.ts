// The registry's files as zod schemas: regions.yaml and departments/<regionCode>.yaml. A problem becomes
// a SourceError at its line and field, saying what the field takes.
import { z } from 'zod';
import { atMostChars, atMostItems, LIMITS } from '../../domain/limits';
import { isRealDate } from '../../domain/periods';
import { SourceError } from '../../domain/source-error';
import { lineOf, zodIssueToError, type YamlSource } from '../yaml-source';

const CODE_RE = /^\d{6}$/;
const ID_RE = /^\d{6}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** YAML reads an unquoted 542500 or 2019 as a number: accept it, then check the text. */
const textOrNumber = z.union([z.string(), z.number()]).transform((v) => String(v));

const codeSchema = textOrNumber.pipe(z.string().regex(CODE_RE, { error: 'bad region code' }));

const dateSchema = textOrNumber.pipe(z.string().refine((s) => /^\d{4}$/.test(s) || isRealDate(s), { error: 'bad date' }));

const nameSchema = z
  .string()
  .trim()
  .min(1, { error: 'empty name' })
  .max(LIMITS.nameChars, { error: atMostChars(LIMITS.nameChars) });

/** A list of at most LIMITS.listItems items. */
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems, { error: atMostItems(LIMITS.listItems) });

export const regionSchema = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  shortNames: list(nameSchema).default([]),
  level: z.enum(['country', 'province', 'prefecture', 'county'], { error: 'bad level' }),
  parent: codeSchema.nullable(),
});

export const regionsFileSchema = z.strictObject({ regions: z.array(regionSchema).min(1) });

const idSchema = z
  .string()
  .max(LIMITS.nameChars, { error: atMostChars(LIMITS.nameChars) })
  .regex(ID_RE, { error: 'bad department id' });

export const transferSchema = z.strictObject({
  to: idSchema,
  on: dateSchema,
  duties: z
    .string()
    .trim()
    .min(1, { error: 'empty text' })
    .max(LIMITS.noteChars, { error: atMostChars(LIMITS.noteChars) }),
});

export const departmentSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  aliases: list(z.string().max(LIMITS.nameChars, { error: atMostChars(LIMITS.nameChars) })).default([]),
  successor: idSchema.nullable().default(null),
  succeededOn: dateSchema.nullable().default(null),
  collective: z.boolean().default(false),
  transfers: list(transferSchema).default([]),
  /**
   * A stub `npm run new` wrote for a unit the registry did not know, with the closest entries as candidates: the
   * entry is set aside (its names resolve nothing) and listed by `npm run validate` until an editor has checked
   * it and removed this line.
   */
  todo: z
    .string()
    .max(LIMITS.noteChars, { error: atMostChars(LIMITS.noteChars) })
    .optional(),
});

export const departmentsFileSchema = z.strictObject({
  region: codeSchema,
  departments: z.array(departmentSchema),
});

/** What each field takes, for messages: the last path segment names the field. */
const EXPECTED: Record<string, string> = {
  regions: 'a list of regions',
  departments: 'a list of departments',
  code: 'a 6-digit administrative-division code in quotes, such as "542500"',
  region: 'the 6-digit code of the region, in quotes, same as the file name',
  parent: 'the code of the region above, or null for the country (100000) or a province listed without it',
  level: 'country, province, prefecture or county',
  name: 'the official full name',
  shortNames: 'a list of short forms such as [阿里]',
  id: 'an id `${regionCode}-${slug}` with a lower-case ASCII slug, such as "542500-fgw"',
  successor: 'the id of the department that took over, such as "542500-sthj"',
  to: 'the id of the department that took over these duties',
  succeededOn: 'YYYY or a real date YYYY-MM-DD',
  on: 'YYYY or a real date YYYY-MM-DD',
  duties: 'a short description of the duties handed over',
  aliases: 'a list of names as documents write them',
  collective: 'true or false',
  transfers: 'a list of { to, on, duties }',
  todo: 'what is left to check, as `npm run new` wrote it (remove the line once checked)',
};

/** The fields each kind of entry allows, for "unknown field" messages. */
function allowedFields(parts: string[]): string {
  const inside = parts.slice(0, -1);
  const keys = inside.includes('transfers')
    ? Object.keys(transferSchema.shape)
    : inside.includes('departments')
      ? Object.keys(departmentSchema.shape)
      : inside.includes('regions')
        ? Object.keys(regionSchema.shape)
        : ['regions', 'region', 'departments'];
  return `one of the fields ${keys.join(', ')}`;
}

function expectedFor(field: string): string {
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  return EXPECTED[parts[parts.length - 1] ?? ''] ?? allowedFields(parts);
}

/** Schema-checks a YAML file: the data, or one SourceError per problem, each at its line. */
export function validate<S extends z.ZodType>(
  src: YamlSource,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; errors: SourceError[] } {
  const result = schema.safeParse(src.data);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => zodIssueToError(src, issue, expectedFor)) };
}

/** A problem at `path` of a YAML file. */
export function errorAt(src: YamlSource, path: Array<string | number>, problem: string, expected: string): SourceError {
  return new SourceError({ file: src.file, line: lineOf(src, path), field: path.join('.') }, problem, expected);
}
