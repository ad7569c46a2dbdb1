// YAML with line numbers: every error about a YAML file names the line of the offending node.
import { isMap, isScalar, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import { SourceError } from './source-error';

export interface YamlSource {
  file: string;
  doc: YamlDocument.Parsed;
  counter: LineCounter;
  data: unknown;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new SourceError({ file, line: counter.linePos(e.pos[0]).line }, `YAML syntax error: ${e.message.split('\n')[0]}`, 'valid YAML');
  }
  return { file, doc, counter, data: doc.toJS() };
}

/** The line of the node at `path`, or of its nearest existing ancestor. */
export function lineOf(src: YamlSource, path: ReadonlyArray<PropertyKey>): number | null {
  for (let k = path.length; k >= 0; k--) {
    const node = k === 0 ? src.doc.contents : src.doc.getIn(path.slice(0, k) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return src.counter.linePos(range[0]).line;
  }
  return null;
}

/** The line of a key inside the map at `parentPath` (for "unknown field" errors). */
export function lineOfKey(src: YamlSource, parentPath: ReadonlyArray<PropertyKey>, key: string): number | null {
  const parent = parentPath.length === 0 ? src.doc.contents : src.doc.getIn(parentPath as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    if (range) return src.counter.linePos(range[0]).line;
  }
  return lineOf(src, parentPath);
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
  return new SourceError({ file: src.file, line: lineOf(src, path), field }, issue.message, expected(field));
}
