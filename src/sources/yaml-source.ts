// YAML with line numbers: every error about a YAML file names the line of the offending node.
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
  return new SourceError({ file: src.file, line: lineOf(src, path), field }, issue.message, expected(field));
}
