// Reading hand-edited YAML with positions: every problem becomes a SourceError that names the
// file, the 1-based line and the field path, so the person who edits the registry can find it.
import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document as YamlDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { SourceError } from './source-error';

export type YamlPath = Array<string | number>;

/** `departments[3].aliases[1]`: the field as a person reading the file would point at it. */
export function fieldName(path: YamlPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

export class YamlSource {
  constructor(
    readonly file: string,
    readonly doc: YamlDocument.Parsed,
    private readonly lines: LineCounter,
  ) {}

  private lineAt(offset: number | undefined): number | null {
    return offset === undefined ? null : this.lines.linePos(offset).line;
  }

  /** Line of the value at `path`, or of the nearest enclosing node that exists (for a missing field). */
  lineOf(path: YamlPath): number | null {
    for (let n = path.length; n >= 0; n--) {
      const node = (n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
      if (node && node.range) {
        // A missing field is reported at its mapping; a present one at its value.
        return this.lineAt(node.range[0]);
      }
    }
    return 1;
  }

  /** Line of the key `key` inside the mapping at `path` (for unknown fields). */
  lineOfKey(path: YamlPath, key: string): number | null {
    const map = (path.length === 0 ? this.doc.contents : this.doc.getIn(path, true)) as Node | null | undefined;
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return this.lineAt(pair.key.range?.[0]);
      }
    }
    return this.lineOf(path);
  }

  has(path: YamlPath): boolean {
    return this.doc.hasIn(path);
  }

  error(path: YamlPath, problem: string, expected = ''): SourceError {
    return new SourceError({ file: this.file, line: this.lineOf(path), field: fieldName(path) || null }, problem, expected);
  }
}

/** Parses YAML text; a syntax error becomes a SourceError at its line. */
export function readYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.pos ? lines.linePos(first.pos[0]).line : null;
    throw new SourceError({ file, line }, `YAML syntax error: ${first.message.split('\n')[0]}`, 'valid YAML');
  }
  return new YamlSource(file, doc, lines);
}

/**
 * Checks the parsed YAML against a zod schema. Returns the data, or the list of problems
 * (unknown fields, wrong types, bad formats), each at its own line.
 */
export function validateYaml<S extends z.ZodType>(
  src: YamlSource,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; errors: SourceError[] } {
  const result = schema.safeParse(src.doc.toJS());
  if (result.success) return { ok: true, data: result.data };
  const errors: SourceError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push(
          new SourceError(
            { file: src.file, line: src.lineOfKey(path, key), field: fieldName([...path, key]) },
            `unknown field "${key}"`,
            'only the fields described at the top of the file',
          ),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_type' && path.length > 0 && !src.has(path)) {
      errors.push(src.error(path, 'missing field', `a value of type ${issue.expected}`));
      continue;
    }
    errors.push(src.error(path, issue.message));
  }
  return { ok: false, errors };
}
