// Progress texts (进展情况) are Markdown written by officials or pasted from their systems: render them
// with marked, then keep only a small set of tags so that nothing in status data can run script, embed
// remote content or style the page.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Own instance: other modules may configure the global `marked` differently.
// `breaks`: officials write one item per line without blank lines between them.
const marked = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
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
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Headings would break the page outline: keep their words as paragraphs.
  transformTags: {
    h1: 'p',
    h2: 'p',
    h3: 'p',
    h4: 'p',
    h5: 'p',
    h6: 'p',
    // A link whose URL is not allowed becomes its text alone (span is not allowed, so only the text stays).
    a: (tagName, attribs): sanitizeHtml.Tag =>
      isSafeHref(attribs.href) ? { tagName, attribs: { href: attribs.href!, rel: 'nofollow noopener' } } : { tagName: 'span', attribs: {} },
  },
  // Drop the contents of these entirely rather than show their code as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  disallowedTagsMode: 'discard',
};

/** http(s) URLs and relative links only; never javascript:, data:, mailto: or protocol-relative //host. */
function isSafeHref(href: string | undefined): boolean {
  if (!href) return false;
  const h = href.trim();
  if (h.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(h);
  return scheme ? /^https?$/i.test(scheme[1]) : true;
}

/** Markdown → sanitized HTML (block level). Empty input gives "". */
export function renderMarkdown(md: string): string {
  if (!md.trim()) return '';
  const html = marked.parse(md) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}

/** Characters Markdown (GFM) or HTML may read as syntax anywhere in a line; NUL, which marked replaces. */
const INLINE_SYNTAX = /[\\`*_[\]<>&#|~\u0000]/;
/** A line that may open a block: list, quote, setext underline, ordered list. */
const BLOCK_START = /(?:^|\n)[ \t]*(?:[-+=>]|\d+[.)])/;

/**
 * Markdown → plain text for cards, feeds and PDF reports, where no HTML may go. Whitespace collapsed.
 * Most progress texts are plain sentences in which Markdown can mark nothing up: their text is
 * themselves, without the parse and sanitize that cost most of a PDF report's data (tested to agree).
 */
export function markdownToText(md: string): string {
  if (!INLINE_SYNTAX.test(md) && !BLOCK_START.test(md)) return md.replace(/\s+/g, ' ').trim();
  return markdownToTextFull(md);
}

/** markdownToText the long way, through marked and sanitize-html: exported for the test of the shortcut. */
export function markdownToTextFull(md: string): string {
  if (!md.trim()) return '';
  const html = marked.parse(md) as string;
  const withBreaks = html.replace(/<\/(p|li|blockquote|pre|h[1-6])>|<br\s*\/?>/gi, '$& ');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {}, nonTextTags: SANITIZE.nonTextTags });
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}
