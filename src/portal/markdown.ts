// Progress texts (进展情况) are Markdown written by officials or pasted from their systems. One parse
// (remark-parse with GitHub's tables, autolinks and ~~strikethrough~~) gives one tree; the page gets it
// as HTML through a small, explicit rehype-sanitize schema, feeds, search and PDF reports get its text.
//
// Raw HTML in a note is never parsed: "<label>" or "<script>" is shown as the characters written, so
// that no tag can run, style the page or swallow the rest of a note, and nothing typed disappears.
// Links keep only URLs that pass the portal's link rule (domain/links.ts); a refused link is its text.
//
// micromark nests quotes, lists and emphasis by recursion and pairs delimiters in quadratic time: a
// note nested thousands deep overflows the stack, and thousands of unmatched marks in one paragraph
// take minutes. A linear scan (markdownProblem) finds such notes first; they are shown as plain text,
// never a crash (and a stack overflow that slips past it falls back to plain text too).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toText } from 'hast-util-to-text';
import { isAllowedUrl } from '../domain/links';
import { formatCount, LIMITS, markdownNesting } from '../domain/limits';
import { boundedMemo } from './bounded-memo';

// ---- the pipeline ----

// singleTilde off: "3~5万亩" is a range, not strikethrough; ~~x~~ still strikes through.
const gfmParser = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).freeze();
// GFM doubles the cost of a parse. Its constructs all need one of these: a table's "|" or the ":-" / "-:"
// of its delimiter row (a table needs no pipe when its delimiter row has a colon), strikethrough "~", an
// autolink (www., http(s)://, the "@" of an e-mail address), a footnote or task-list box "[". A note
// without any is read the same by CommonMark alone (tested against the GFM parse).
const commonmarkParser = unified().use(remarkParse).freeze();
const GFM_SYNTAX = /[|~@[]|:-|-:|www\.|https?:\/\//i;
// A line break is <br> alone: mdast-util-to-hast would add a newline after it, which shows as a space between Chinese characters in some readers.
const toHast = unified()
  .use(remarkRehype, { handlers: { break: () => ({ type: 'element', tagName: 'br', properties: {}, children: [] }) } })
  .freeze();
const toHtml = unified()
  .use(rehypeSanitize, schema())
  // <br /> as before (marked + sanitize-html), so that stored pages compare equal.
  .use(rehypeStringify, { closeSelfClosing: true, characterReferences: { useNamedReferences: true } })
  .freeze();

type MdRoot = ReturnType<typeof gfmParser.parse>;
type MdNode = MdRoot | MdRoot['children'][number] | Extract<MdRoot['children'][number], { children: unknown[] }>['children'][number];
type MdParent = Extract<MdNode, { children: unknown[] }>;
type HastRoot = Parameters<ReturnType<typeof rehypeSanitize>>[0];
type HastNode = HastRoot | HastRoot['children'][number];

/**
 * What a rendered note may hold: the blocks and inline marks of simple Markdown and GitHub tables.
 * Everything else is unwrapped to its text by rehype-sanitize (`strip: []`). Headings became paragraphs
 * and images their alt text before this (normalise), so that nothing is lost silently.
 */
function schema(): SanitizeSchema {
  return {
    tagNames: [
      'p',
      'br',
      'strong',
      'em',
      'del',
      'code',
      'pre',
      'blockquote',
      'ul',
      'ol',
      'li',
      'a',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    attributes: {
      a: ['href', ['rel', 'nofollow', 'noopener']],
      ol: ['start'],
      th: [['align', 'left', 'center', 'right']],
      td: [['align', 'left', 'center', 'right']],
    },
    // A second gate behind linkPolicy: no scheme but http(s) survives even if the policy had a hole.
    protocols: { href: ['http', 'https'] },
    ancestors: { li: ['ol', 'ul'], tr: ['table'], th: ['table'], td: ['table'], thead: ['table'], tbody: ['table'] },
    required: {},
    strip: [],
    clobber: [],
    clobberPrefix: '',
    allowComments: false,
    allowDoctypes: false,
  };
}

/** Containers whose children are blocks: raw HTML there becomes a paragraph of its text. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

const text = (value: string): MdNode => ({ type: 'text', value });
/** A paragraph opening with `lead`: the marker of a task-list item or footnote, written back as text. */
function prefixed(children: MdNode[], lead: string): MdNode[] {
  const [first, ...rest] = children;
  if (first?.type === 'paragraph') return [{ ...first, children: [text(lead) as never, ...first.children] }, ...rest];
  return [{ type: 'paragraph', children: [text(lead) as never] }, ...children];
}

/**
 * The Markdown tree as the portal shows it (in place, no recursion): raw HTML as text, headings as
 * paragraphs (a note must not break the page's outline), images as their alt text (a note loads no
 * remote file), footnotes and task-list boxes as written, refused links as their text, and each line
 * break a <br> (officials write one item per line without blank lines between them).
 */
function normalise(root: MdRoot): void {
  const stack: MdParent[] = [root];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    const out: MdNode[] = [];
    for (const node of parent.children as MdNode[]) {
      for (const n of replace(node, parent)) {
        out.push(n);
        if ('children' in n) stack.push(n);
      }
    }
    (parent as { children: MdNode[] }).children = out;
  }
}

function replace(node: MdNode, parent: MdParent): MdNode[] {
  switch (node.type) {
    case 'html':
      return BLOCK_PARENTS.has(parent.type) ? [{ type: 'paragraph', children: [text(node.value) as never] }] : [text(node.value)];
    case 'heading':
      return [{ type: 'paragraph', children: node.children }];
    case 'image':
    case 'imageReference':
      return node.alt ? [text(node.alt)] : [];
    case 'footnoteReference':
      return [text(`[^${node.label ?? node.identifier}]`)];
    case 'footnoteDefinition':
      return prefixed(node.children as MdNode[], `[^${node.label ?? node.identifier}]: `);
    case 'listItem':
      if (typeof node.checked !== 'boolean') return [node];
      return [{ ...node, checked: null, children: prefixed(node.children as MdNode[], node.checked ? '[x] ' : '[ ] ') as never }];
    case 'link':
      return isAllowedUrl(node.url) ? [node] : (node.children as MdNode[]);
    case 'definition':
      // A reference to a refused definition stays as written ("[公示][1]").
      return isAllowedUrl(node.url) ? [node] : [];
    case 'text':
      return /[\r\n]/.test(node.value) ? lineBreaks(node.value) : [node];
    default:
      return [node];
  }
}

function lineBreaks(value: string): MdNode[] {
  const out: MdNode[] = [];
  value.split(/\r?\n|\r/).forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    if (line) out.push(text(line));
  });
  return out;
}

/**
 * Links after mdast-util-to-hast (which also turns references and autolinks into <a>): an href that
 * fails the link rule loses its element and keeps its text; one that passes gets rel="nofollow noopener"
 * and nothing else (no target, no title).
 */
function linkPolicy(root: HastRoot): void {
  const stack: HastNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('children' in node)) continue;
    const out: HastNode[] = [];
    const pending = [...(node.children as HastNode[])].reverse();
    for (let child = pending.pop(); child; child = pending.pop()) {
      if (child.type === 'element' && child.tagName === 'a') {
        const href = child.properties.href;
        if (typeof href !== 'string' || !isAllowedUrl(href)) {
          pending.push(...[...(child.children as HastNode[])].reverse());
          continue;
        }
        child.properties = { href, rel: ['nofollow', 'noopener'] };
      }
      out.push(child);
      if ('children' in child) stack.push(child);
    }
    (node as { children: HastNode[] }).children = out;
  }
}

/** Parse, normalise and convert to HTML's tree: the one tree both renderMarkdown and markdownToText read. */
function hastOf(md: string, gfm: boolean): HastRoot {
  const mdast = (gfm ? gfmParser : commonmarkParser).parse(md);
  normalise(mdast);
  const hast = toHast.runSync(mdast) as unknown as HastRoot;
  linkPolicy(hast);
  return hast;
}

// ---- bounds ----

/** Emphasis runs (*, _, ~) and brackets in one paragraph (between blank lines) beyond this are not read as Markdown. */
export const MAX_MARKDOWN_MARKS = 256;

/**
 * Why a note is shown as plain text rather than read as Markdown, or null when it is read. Input
 * validation refuses such notes (src/sources/status/schema.ts); this is the outputs' own guard for text
 * that reached them another way, so that they never crash or hang on it: longer than LIMITS.progressChars;
 * nested deeper than the input limits allow (markdownNesting, the same rule validation applies); or more
 * than MAX_MARKDOWN_MARKS emphasis runs and brackets between two blank lines (micromark pairs them in
 * quadratic time: 6,600 lone "]" in a paragraph take half a minute). Linear in the length of the note.
 */
export function markdownProblem(md: string): string | null {
  if (md.length > LIMITS.progressChars)
    return `${formatCount(md.length)} characters (at most ${formatCount(LIMITS.progressChars)} are read as Markdown)`;
  const nesting = markdownNesting(md);
  if (nesting)
    return `line ${nesting.line}: ${nesting.kind === 'block' ? 'quotes and lists' : 'emphasis and brackets'} nested ${formatCount(nesting.depth)} deep`;
  let marks = 0;
  let chunkStart = 1;
  let lineNo = 0;
  for (const line of md.split(/\r\n|\r|\n/)) {
    lineNo++;
    if (!/\S/.test(line)) {
      marks = 0;
      chunkStart = lineNo + 1;
      continue;
    }
    // Emphasis runs and brackets; a backslash escapes the next character.
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '\\') i++;
      else if (c === '[' || c === ']') marks++;
      else if ((c === '*' || c === '_' || c === '~') && line[i - 1] !== c) marks++;
    }
    if (marks > MAX_MARKDOWN_MARKS) {
      const lines = chunkStart === lineNo ? `line ${lineNo}` : `lines ${chunkStart}–${lineNo}`;
      return `${lines}: more than ${MAX_MARKDOWN_MARKS} emphasis marks (*, _, ~) and brackets in one paragraph`;
    }
  }
  return null;
}

/**
 * The tree of a note; a note past the bounds (or one that still overflows the stack) as paragraphs of its
 * text, split at blank lines, one <br> per line break.
 */
function treeOf(md: string, gfm = GFM_SYNTAX.test(md)): HastRoot {
  if (markdownProblem(md) === null) {
    try {
      return hastOf(md, gfm);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
  }
  return plainTree(md);
}

/**
 * Paragraphs of a note's lines as written, split at blank lines, one <br> per line break; spaces and tabs
 * around each line dropped, as Markdown drops them. For notes past the bounds, and for notes in which
 * Markdown can mark nothing up (the same HTML as the parse, tested to agree).
 */
function plainTree(md: string): HastRoot {
  const paragraphs: string[][] = [[]];
  for (const raw of md.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (line) paragraphs[paragraphs.length - 1].push(line);
    else if (paragraphs[paragraphs.length - 1].length) paragraphs.push([]);
  }
  const children: HastRoot['children'] = [];
  for (const lines of paragraphs) {
    if (!lines.length) continue;
    if (children.length) children.push({ type: 'text', value: '\n' });
    const inline: HastRoot['children'] = [];
    lines.forEach((value, i) => {
      if (i > 0) inline.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
      inline.push({ type: 'text', value });
    });
    children.push({ type: 'element', tagName: 'p', properties: {}, children: inline as never });
  }
  return { type: 'root', children };
}

// ---- what callers use ----

/** Characters Markdown (GFM) may read as syntax anywhere in a line; NUL, which micromark replaces. */
const INLINE_SYNTAX = /[\\`*_[\]<>&#|~\u0000]/;
/** A line that may open a block: list, quote, setext underline, ordered list, a table's delimiter row (":-"). */
const BLOCK_START = /(?:^|[\r\n])[ \t]*(?:[-+=>]|:-|\d+[.)])/;
/** A line indented as code (four columns); its text is the same, its HTML is not. */
const CODE_INDENT = /(?:^|[\r\n])(?: {0,3}\t| {4})/;
/** A URL GFM links by itself (www., http(s)://): its text is the same, its HTML is a link. */
const AUTOLINK = /www\.|https?:\/\//i;
/**
 * Most progress texts are plain sentences in which Markdown can mark nothing up: their HTML is their
 * paragraphs and lines, their text is themselves, without the parse (tested to agree with it).
 */
const isPlain = (md: string) => !INLINE_SYNTAX.test(md) && !BLOCK_START.test(md);

/** Markdown → sanitized HTML (block level). Empty input gives "". Each distinct text is parsed once (bounded-memo.ts). */
export const renderMarkdown: (md: string) => string = boundedMemo((md) => {
  if (!md.trim()) return '';
  return html(isPlain(md) && !CODE_INDENT.test(md) && !AUTOLINK.test(md) ? plainTree(md) : treeOf(md));
});

/** renderMarkdown the long way, always through the GFM parse: exported for the tests of both shortcuts. */
export function renderMarkdownFull(md: string): string {
  return md.trim() ? html(treeOf(md, true)) : '';
}

const html = (tree: HastRoot) => toHtml.stringify(toHtml.runSync(tree)).trim();

/** Markdown → plain text for cards, feeds and PDF reports, where no HTML may go. Whitespace collapsed. */
export const markdownToText: (md: string) => string = boundedMemo((md) => {
  if (isPlain(md)) return md.replace(/\s+/g, ' ').trim();
  return md.trim() ? textOf(treeOf(md)) : '';
});

/** markdownToText the long way, always through the GFM parse: exported for the tests of both shortcuts. */
export function markdownToTextFull(md: string): string {
  return md.trim() ? textOf(treeOf(md, true)) : '';
}

const textOf = (tree: HastRoot) => toText(tree).replace(/\s+/g, ' ').trim();
