// Status files in YAML: parsed with line numbers (each error names the line of the offending node), then
// checked like every status file (checks.ts). A file that parsed is cached by its bytes.
import { SourceError } from '../../domain/source-error';
import { parseYamlSource } from '../yaml-source';
import type { YamlText } from '../yaml-text';
import { checkHeader, checkRawEntry, readStatusText, zodErrors, type Context, type Header, type Locate } from './checks';
import { headerSchema } from './schema';

/** What a parse of a status YAML file gives: the data, and the lines every valid file needs. */
interface ParsedYaml {
  raw: unknown;
  /** Line of ['document'], ['period'], ['reportedOn'] and each ['reports', i], by path joined with "/". */
  lines: Record<string, number | null>;
}

const COMMON_PATHS = (raw: unknown): (string | number)[][] => {
  const entries = raw && typeof raw === 'object' ? (raw as { reports?: unknown }).reports : undefined;
  return [['document'], ['period'], ['reportedOn'], ...(Array.isArray(entries) ? entries.map((_, i) => ['reports', i]) : [])];
};

/** Checks a status YAML file into ctx; `given` is its text when it is not (yet) on disk. */
export function loadYaml(ctx: Context, abs: string, file: string, given?: string): void {
  const decoded = given === undefined ? readStatusText(ctx, abs, file, 'YAML') : { text: given };
  if (!decoded) return;
  const text = decoded.text;
  const key = ctx.cache.key('status-yaml', text);
  // The parse with positions: for every miss, and for any line a cached parse did not keep.
  let full: YamlText | null = null;
  const parseFull = () => (full ??= parseYamlSource(file, text).yaml);
  let parsed = ctx.cache.get<ParsedYaml>(key);
  if (!parsed) {
    let yaml: YamlText;
    try {
      yaml = parseFull();
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      ctx.errors.push(e); // a syntax error: nothing else of the file can be checked
      return;
    }
    parsed = { raw: yaml.data, lines: Object.fromEntries(COMMON_PATHS(yaml.data).map((p) => [p.join('/'), yaml.lineAt(p)])) };
    ctx.cache.set(key, parsed);
  }
  const { raw, lines } = parsed;
  // Only a file that parsed is cached, so a cached one parses again here.
  const locate: Locate = (path) => lines[path.join('/')] ?? parseFull().lineAt(path);
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    ctx.errors.push(new SourceError({ file, line: 1 }, 'not a mapping', 'document, period, source, reportedOn and reports'));
    return;
  }
  const head = headerSchema.safeParse(raw);
  if (!head.success) ctx.errors.push(...zodErrors(file, head.error.issues, raw, [], locate));
  const header: Header | null = head.success ? head.data : null;
  const target =
    header &&
    checkHeader(ctx, file, header, { document: locate(['document']), period: locate(['period']), reportedOn: locate(['reportedOn']) });
  // Entries are checked even when the top of the file is wrong, so that one run lists every problem.
  const entries = (raw as { reports?: unknown }).reports;
  (Array.isArray(entries) ? entries : []).forEach((rawEntry, i) => {
    const place = {
      prefix: ['reports', i],
      line: locate(['reports', i]),
      field: (f: string) => `reports[${i}].${f}`,
      locate: (sub: (string | number)[]) => locate(['reports', i, ...sub]),
    };
    checkRawEntry(ctx, file, rawEntry, place, target, header);
  });
}
