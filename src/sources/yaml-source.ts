// YAML with line numbers: every error about a YAML file names the line of the offending node.
import { formatCount } from '../domain/limits';
import { SourceError } from '../domain/source-error';
import { parseYamlText, YamlSyntaxError, type YamlText } from './yaml-text';

export interface YamlSource {
  file: string;
  yaml: YamlText;
  data: unknown;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  try {
    const yaml = parseYamlText(text);
    return { file, yaml, data: yaml.data };
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new SourceError({ file, line: e.line }, `YAML syntax error: ${e.message}`, 'valid YAML');
    throw e;
  }
}

/** The line of the node at `path`, or of its nearest existing ancestor. */
export const lineOf = (src: YamlSource, path: ReadonlyArray<PropertyKey>): number | null => src.yaml.lineAt(path);

/** The line of a key inside the map at `parentPath` (for "unknown field" errors). */
export const lineOfKey = (src: YamlSource, parentPath: ReadonlyArray<PropertyKey>, key: string): number | null =>
  src.yaml.keyLineAt(parentPath, key);

/**
 * A value over a size limit (zod's too_big on a text or a list): what is wrong with it, and what the
 * issue's message says the field takes ("at most 200 characters"). Null for any other issue.
 */
export function tooBigProblem(issue: { code: string; message: string }, value: unknown): { problem: string; expected: string } | null {
  if (issue.code !== 'too_big') return null;
  if (typeof value === 'string') return { problem: `too long (${formatCount(value.length)} characters)`, expected: issue.message };
  if (Array.isArray(value)) return { problem: `too many items (${formatCount(value.length)})`, expected: issue.message };
  return null;
}

/** The value at `path` of parsed data, or undefined. */
function valueAtPath(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = data;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Turn the first zod issue into a SourceError with file, line and field. */
export function zodIssueToError(
  src: YamlSource,
  issue: { code: string; path: PropertyKey[]; message: string; keys?: string[] },
  expected: (field: string) => string,
  prefix: PropertyKey[] = [],
): SourceError {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const key = issue.keys[0];
    const field = [...path, key].join('.');
    return new SourceError({ file: src.file, line: lineOfKey(src, path, key), field }, `unknown field "${key}"`, expected(field));
  }
  const field = path.join('.') || '(document)';
  const tooBig = tooBigProblem(issue, valueAtPath(src.data, path));
  if (tooBig) return new SourceError({ file: src.file, line: lineOf(src, path), field }, tooBig.problem, tooBig.expected);
  return new SourceError({ file: src.file, line: lineOf(src, path), field }, issue.message, expected(field));
}
