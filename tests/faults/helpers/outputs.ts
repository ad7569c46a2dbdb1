// Reading what a build published, the way a reader's software does: HTML with parse5 (the HTML
// standard's parser), CSV with papaparse, PDF text with poppler's pdftotext, JSON with JSON.parse.
// Each checker returns the problems it found (empty: the output held).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { listFiles } from './build';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const isElement = (n: Node): n is Element => 'tagName' in n;

function walk(node: Node, visit: (el: Element) => void): void {
  if (isElement(node)) visit(node);
  if ('childNodes' in node) for (const c of node.childNodes) walk(c, visit);
  if (isElement(node) && node.tagName === 'template') walk((node as DefaultTreeAdapterTypes.Template).content, visit);
}

/** The text a reader sees: text nodes outside script, style and template, joined. */
export function textOf(node: Node): string {
  if ('value' in node && node.nodeName === '#text') return node.value;
  if (isElement(node) && ['script', 'style', 'template', 'noscript'].includes(node.tagName)) return '';
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** Attribute values (and whole values) that run script when followed or loaded. */
const SCRIPT_URL = /^[\s\u0000-\u001f]*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t)\s*:/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc', 'background', 'content']);

export interface HtmlPage {
  file: string;
  html: string;
  document: DefaultTreeAdapterTypes.Document;
  /** The HTML standard's parse errors (a page the site writes has none). */
  errors: string[];
}

export function readPage(root: string, file: string): HtmlPage {
  const html = readFileSync(join(root, file), 'utf8');
  const errors: string[] = [];
  const document = parse(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}`) });
  return { file, html, document, errors };
}

export const htmlFiles = (root: string): string[] => listFiles(root).filter((f) => f.endsWith('.html'));

/**
 * What in a page came from data as markup: a script that calls alert, an event-handler attribute,
 * a javascript:/vbscript: URL, an element the payloads make (an img with src=x, a label without the
 * `for` every label of the site has, a tag name no template writes), and HTML parse errors (an
 * unmatched tag or a raw control character from the data).
 */
export function pageProblems(page: HtmlPage): string[] {
  const problems = page.errors.map((e) => `${page.file}: parse error ${e}`);
  walk(page.document, (el) => {
    const at = `${page.file}: <${el.tagName}>`;
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(el.tagName)) problems.push(`${at}: an element named by the data`);
    if (el.tagName === 'script' && /alert|panic|HYPERLINK/.test(el.childNodes.map((c) => ('value' in c ? c.value : '')).join('')))
      problems.push(`${at}: a script from the data`);
    if (el.tagName === 'label' && !el.attrs.some((a) => a.name === 'for')) problems.push(`${at}: a label from the data`);
    if (el.tagName === 'img' && el.attrs.some((a) => a.name === 'src' && a.value === 'x')) problems.push(`${at}: an img from the data`);
    if (['iframe', 'object', 'embed', 'base'].includes(el.tagName)) problems.push(`${at}: an element that loads other content`);
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) problems.push(`${at}: event handler ${a.name}="${a.value.slice(0, 60)}"`);
      if (URL_ATTRIBUTES.has(a.name) && SCRIPT_URL.test(a.value)) problems.push(`${at}: ${a.name}="${a.value.slice(0, 60)}"`);
      if (/[<>"]/.test(a.name)) problems.push(`${at}: an attribute named by the data: ${a.name}`);
    }
  });
  return problems;
}

/** Every element matching `match`, in document order. */
export function elements(node: Node, match: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  walk(node, (el) => {
    if (match(el)) found.push(el);
  });
  return found;
}

export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
export const hasClass = (el: Element, name: string): boolean => (attr(el, 'class') ?? '').split(/\s+/).includes(name);

/** JSON files that do not parse. */
export function jsonProblems(root: string): string[] {
  const problems: string[] = [];
  for (const f of listFiles(root).filter((f) => f.endsWith('.json'))) {
    try {
      JSON.parse(readFileSync(join(root, f), 'utf8'));
    } catch (e) {
      problems.push(`${f}: not JSON (${(e as Error).message})`);
    }
  }
  return problems;
}

/** Every string value of a JSON value. */
export function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonStrings(v, out);
  return out;
}

/** A CSV file's rows (header first), as a spreadsheet would split them. */
export function csvRows(file: string): string[][] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return parsed.data;
}

/** Cells a spreadsheet would evaluate as a formula (OWASP CSV injection); numbers are numbers. */
export function csvProblems(root: string): string[] {
  const problems: string[] = [];
  for (const f of listFiles(root).filter((f) => f.endsWith('.csv'))) {
    let rows: string[][];
    try {
      rows = csvRows(join(root, f));
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }
    rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(?:\.\d+)?$/.test(cell))
          problems.push(`${f} row ${i + 1} column ${rows[0]![j]}: ${JSON.stringify(cell.slice(0, 40))} is a formula`);
      }),
    );
  }
  return problems;
}

/** A PDF's text as poppler reads it; throws when it is no PDF poppler can read. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
}

/** Text with all white space removed (a PDF breaks lines where the page ends). */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** A file's bytes as text, gzip (Pagefind's files) unpacked. */
export function readAsText(file: string): string {
  const bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}
