// Every size bound on input, in one place: a file, a field or a list larger than a real portal needs is
// refused with file, line and field before anything renders it (a 50 MB progress note once passed
// validation and then overflowed the Markdown renderer's stack). The README's "Limits" lists them.

const MB = 1024 * 1024;

export const LIMITS = {
  /** A plan as plain text or a saved web page (.txt, .html). */
  documentTextBytes: 20 * MB,
  /** A plan as .docx or .pdf. */
  documentPackageBytes: 50 * MB,
  /** A document's metadata file (<slug>.yaml) or corrections file (<slug>.fixes.yaml). */
  documentYamlBytes: 1 * MB,
  /** A registry file (regions.yaml, departments/<code>.yaml). */
  registryFileBytes: 10 * MB,
  /** A status file (<slug>/<period>.yaml or .csv). */
  statusFileBytes: 10 * MB,
  /** A document slug (the file's name without extension) and a status folder's name. */
  slugChars: 100,
  /** A progress note (进展情况), Markdown. */
  progressChars: 20_000,
  /** Titles and names: evidence and source titles, reporting units, unit, department and region names, aliases, issuers, task ids. */
  nameChars: 200,
  /** Other short text: notes, reasons of corrections, duties handed over, provenance, indicator notes and units. */
  noteChars: 2_000,
  /** A URL (a document's source, a report's source and evidence). */
  urlChars: 2_000,
  /** Evidence links of one report. */
  evidencePerReport: 50,
  /** Indicator values of one report. */
  indicatorsPerReport: 50,
  /** Items of one list in the registry or a correction: aliases, short names, the units of a role, deadlines, transfers. */
  listItems: 200,
  /** Quotes and lists nested in a progress note: `>`, `-`, `*`, `+`, `1.` and indentation at the start of a line. */
  markdownBlockDepth: 16,
  /** Emphasis (`*`, `_`, `~`) and brackets open at once in one paragraph of a progress note. */
  markdownInlineDepth: 64,
} as const;

export type Limits = typeof LIMITS;

/** "20 MB", "1.5 MB", "900 KB", "12 bytes": a size as a person reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1)).toLocaleString('en-US')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
  return `${bytes} bytes`;
}

/** 20000 → "20,000". */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** What a bounded text field takes, for messages: "at most 200 characters". */
export const atMostChars = (n: number): string => `at most ${formatCount(n)} characters`;

/** What a bounded list takes, for messages: "at most 50 evidence links". */
export const atMostItems = (n: number, items = 'items'): string => `at most ${formatCount(n)} ${items}`;

/** Where a Markdown text nests too deep, and how deep. */
export interface NestingProblem {
  /** 1-based line of the text. */
  line: number;
  kind: 'block' | 'inline';
  depth: number;
}

const ORDERED_MARKER = /^\d{1,9}[.)](?=[ \t]|$)/;

/**
 * Container depth a line opens: its quote and list markers, and, when it has any, the indentation
 * before them (a list nests under another by indentation of two columns or more). A line without a
 * marker opens nothing, however far it is indented.
 */
function blockDepth(line: string): number {
  let markers = 0;
  let indent = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      if (markers === 0) indent += c === '\t' ? 4 : 1;
      i++;
    } else if (c === '>') {
      markers++;
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      markers++;
      i++;
    } else {
      const m = c >= '0' && c <= '9' ? ORDERED_MARKER.exec(line.slice(i, i + 11)) : null;
      if (!m) break;
      markers++;
      i += m[0].length;
    }
  }
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/**
 * An upper bound on the emphasis and brackets open at once within a paragraph, by CommonMark's
 * flanking rules: a delimiter run that can only open adds its length, one that can only close
 * takes it away, one that can do both closes what is open or else opens.
 */
function inlineDepths(paragraph: string[], firstLine: number, limit: number): NestingProblem | null {
  let depth = 0;
  for (const [k, line] of paragraph.entries()) {
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '[') depth++;
      else if (c === ']') depth = Math.max(0, depth - 1);
      else if (c === '*' || c === '_' || c === '~') {
        let j = i;
        while (j < line.length && (line[j] === '*' || line[j] === '_' || line[j] === '~')) j++;
        const before = line[i - 1];
        const after = line[j];
        const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
        const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
        const run = j - i;
        if (left && (!right || depth === 0)) depth += run;
        else if (right) depth = Math.max(0, depth - run);
        i = j - 1;
      }
      if (depth > limit) return { line: firstLine + k, kind: 'inline', depth };
    }
  }
  return null;
}

/**
 * The first place a Markdown text nests deeper than the limits allow: quotes and lists at the start
 * of a line (block), or emphasis and brackets within a paragraph (inline). Null when it does not.
 */
export function markdownNesting(
  text: string,
  limits: Pick<Limits, 'markdownBlockDepth' | 'markdownInlineDepth'> = LIMITS,
): NestingProblem | null {
  const lines = text.split(/\r\n?|\n/);
  let paragraph: string[] = [];
  let start = 1;
  for (const [i, line] of lines.entries()) {
    const depth = blockDepth(line);
    if (depth > limits.markdownBlockDepth) return { line: i + 1, kind: 'block', depth };
    if (line.trim() === '') {
      const found = inlineDepths(paragraph, start, limits.markdownInlineDepth);
      if (found) return found;
      paragraph = [];
      start = i + 2;
    } else paragraph.push(line);
  }
  return inlineDepths(paragraph, start, limits.markdownInlineDepth);
}
