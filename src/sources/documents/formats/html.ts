// A saved article page (.html/.htm) → the document's text lines.
//
// What is kept: the article's main text (found as the element that holds the page's paragraphs,
// see `findArticle`) and, before it, the document's own head as the page shows it: headings (the
// title) and metadata rows (索引号/发文字号/发布日期/发文机关…, written as `label:value` lines).
// What is dropped: scripts, styles, forms, navigation, site header and footer, breadcrumbs,
// share bars, related links and everything after the article.
//
// Block elements (p, div, li, h1–h6, tr, …) and <br> end lines; inline markup does not. White
// space collapses as a browser collapses it, except that a line break in the source between
// two Chinese characters disappears (as CSS Text 3 says and as exporters that wrap long lines
// need). Entities are decoded by the parser, so &nbsp; is U+00A0 and stays.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { decodeText, DecodeError, type DecodedText, type TextEncoding } from '../../text-decode';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

// ---------------------------------------------------------------------------------------------
// Bytes → markup: the declared charset when the bytes agree with it, else detection.

const CHARSETS: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'euc-cn': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  cp950: 'big5',
};

/** The charset a page declares in its first 4 KB (<meta charset> or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** Decode a page: BOM, then the declared charset if the bytes are valid in it, then detection. */
export function decodeHtml(bytes: Uint8Array): DecodedText {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = hasBom ? null : declaredCharset(bytes);
  const encoding = declared ? CHARSETS[declared] : undefined;
  if (encoding && encoding !== 'utf-8') {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      if (text.trim() === '') throw new DecodeError('the file holds only white space');
      return { text: text.replace(/\r\n?/g, '\n'), encoding };
    } catch (e) {
      if (e instanceof DecodeError) throw e;
      // Mislabelled (sites that moved to UTF-8 often keep the old meta tag): detect instead.
    }
  }
  return decodeText(bytes);
}

// ---------------------------------------------------------------------------------------------
// Tree helpers.

function isElement(node: Node | ParentNode): node is Element {
  return 'tagName' in node;
}

function attr(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

function children(node: ParentNode): Node[] {
  // <template> keeps its children in .content; they are never shown, so never read.
  return node.childNodes ?? [];
}

function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!isElement(node)) return '';
  return children(node).map(textContent).join('');
}

const HAN = /\p{Script=Han}/gu;
function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Chrome: what a site puts around every article.

const NEVER_TEXT = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'datalist',
  'map',
  'area',
  'audio',
  'video',
  'link',
  'meta',
  'base',
]);
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu', 'dialog']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menu', 'menubar', 'toolbar', 'dialog']);
/** class/id values that mark chrome as a whole token. */
const CHROME_TOKENS = new Set([
  'nav',
  'navbar',
  'menu',
  'menus',
  'header',
  'head',
  'top',
  'topbar',
  'foot',
  'footer',
  'bottom',
  'sidebar',
  'side',
  'aside',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'bread',
  'position',
  'location',
  'curpos',
  'dqwz',
  'share',
  'bdsharebuttonbox',
  'jiathis',
  'social',
  'related',
  'relate',
  'xgwj',
  'xgld',
  'xglj',
  'xgxx',
  'links',
  'friendlink',
  'yqlj',
  'copyright',
  'banner',
  'search',
  'searchbox',
  'login',
  'print',
  'comment',
  'comments',
  'pager',
  'pagination',
  'prev',
  'next',
  'ad',
  'ads',
  'advert',
  'qrcode',
  'ewm',
  'logo',
  'toolbar',
  'tools',
  'tool',
  'skip',
  'hidden',
  'hide',
  'gotop',
  'backtop',
  'piaofu',
  'wza',
  'slb',
]);
/** Parts of a hyphenated class/id ("main-nav", "share_bar") that mark chrome. */
const CHROME_PARTS = new Set([
  'nav',
  'navbar',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'share',
  'footer',
  'sidebar',
  'related',
  'copyright',
  'banner',
  'toolbar',
  'qrcode',
  'pagination',
  'pager',
  'friendlink',
  'search',
  'login',
  'ad',
  'ads',
  'advert',
  'bdshare',
  'gotop',
]);

function tokens(el: Element): string[] {
  return `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
}

function hasChromeToken(el: Element): boolean {
  return tokens(el).some((t) => CHROME_TOKENS.has(t) || t.split(/[-_]+/).some((p) => CHROME_PARTS.has(p)));
}

function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== null || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  return style !== null && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

// ---------------------------------------------------------------------------------------------
// Metadata: the fields gov.cn-style pages print above an article.

const META_LABELS = [
  '索引号',
  '主题分类',
  '发文机关',
  '发文单位',
  '发布机构',
  '发布机关',
  '发布单位',
  '成文日期',
  '发布日期',
  '发文日期',
  '印发日期',
  '发文字号',
  '文号',
  '标题',
  '名称',
  '主题词',
  '关键词',
  '公文种类',
  '公文类别',
  '体裁分类',
  '组配分类',
  '服务对象分类',
  '信息分类',
  '内容分类',
  '有效性',
  '效力状态',
  '时效性',
  '生效日期',
  '施行日期',
  '实施日期',
  '废止日期',
  '失效日期',
  '信息来源',
  '来源',
  '发布时间',
  '文件编号',
  '统一编号',
  '所属机构',
  '签发人',
  '公开方式',
  '公开范围',
  '公开时限',
  '生成日期',
  '登记号',
];
const META_LABEL_ONLY = new RegExp(`^(${META_LABELS.join('|')})[:：]?$`);
/** A label, possibly spaced out ("索 引 号"), then a colon and the value. */
const META_LINE = new RegExp(
  `^[\\s\\u00a0\\u3000]*(${META_LABELS.map((l) => [...l].join('[\\s\\u00a0\\u3000]*')).join('|')})[\\s\\u00a0\\u3000]*[:：][\\s\\u00a0\\u3000]*(.*)$`,
);
/** A page whose text holds one of these holds the document's metadata block. */
const META_MARK =
  /(索[\s\u00a0\u3000]*引[\s\u00a0\u3000]*号|发[\s\u00a0\u3000]*文[\s\u00a0\u3000]*字[\s\u00a0\u3000]*号|成[\s\u00a0\u3000]*文[\s\u00a0\u3000]*日[\s\u00a0\u3000]*期|发[\s\u00a0\u3000]*文[\s\u00a0\u3000]*机[\s\u00a0\u3000]*关)[\s\u00a0\u3000]*[:：]?/;
/** Page tools written into the metadata line: 【字体：大 中 小】 【打印】 【关闭】. */
const TOOLS = /[【[]\s*(字体|字号|打印|关闭|收藏|分享|纠错)[^】\]]*[】\]]/g;

function compactSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

function cleanSpaces(text: string): string {
  return text.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '').replace(/[ \t]+/g, ' ');
}

/** "索 引 号：" → "索引号" when the cell holds a label alone. */
function labelOnly(cell: string): string | null {
  const m = META_LABEL_ONLY.exec(compactSpaces(cell));
  return m ? m[1] : null;
}

/** "索 引 号：xxx" → "索引号:xxx" (label compacted, ASCII colon); other lines unchanged. */
function normaliseMetaLine(line: string): { line: string; meta: boolean } {
  const m = META_LINE.exec(line);
  if (!m) return { line, meta: false };
  return { line: `${compactSpaces(m[1])}:${cleanSpaces(m[2])}`, meta: true };
}

// ---------------------------------------------------------------------------------------------
// Lines out of a tree.

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const HEADINGS = new Set(HEADING_TAGS);

const BLOCKS = new Set([
  ...HEADING_TAGS,
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
  'title',
]);
/**
 * Characters around which a source line break is dropped rather than turned into a space (CSS
 * Text 3: East Asian Wide and Fullwidth, not Hangul). Quotation marks “” are ambiguous width, so a
 * break next to one stays a space, as in browsers.
 */
const WIDE = /[\p{Script=Han}\u2e80-\u2fff\u3000-\u303f\u3200-\u33ff\uff01-\uff60\uffe0-\uffe6]/u;

export type LineKind = 'text' | 'heading' | 'meta';
export interface HtmlLine {
  text: string;
  kind: LineKind;
}

class LineBuilder {
  readonly lines: HtmlLine[] = [];
  private buffer = '';
  /** White space seen since the last text: none, spaces, or spaces with a line break. */
  private pending: 'none' | 'space' | 'break' = 'none';
  headingDepth = 0;
  preDepth = 0;

  text(raw: string): void {
    if (this.preDepth > 0) {
      const parts = raw.replace(/\r\n?/g, '\n').split('\n');
      parts.forEach((part, i) => {
        if (i > 0) this.end(true);
        this.append(part);
      });
      return;
    }
    // Runs of ASCII white space (not U+00A0 or U+3000, which are content).
    for (const piece of raw.split(/([ \t\n\r\f]+)/)) {
      if (piece === '') continue;
      if (/^[ \t\n\r\f]+$/.test(piece)) {
        if (/[\n\r]/.test(piece)) this.pending = 'break';
        else if (this.pending === 'none') this.pending = 'space';
      } else this.append(piece);
    }
  }

  private append(piece: string): void {
    if (this.pending !== 'none' && this.buffer !== '') {
      const before = this.buffer[this.buffer.length - 1];
      const after = piece[0];
      const drop = this.pending === 'break' && WIDE.test(before) && WIDE.test(after);
      if (!drop) this.buffer += ' ';
    }
    this.pending = 'none';
    this.buffer += piece;
  }

  lineIsEmpty(): boolean {
    return this.buffer === '';
  }

  /** End the current line; `force` ends it even when empty (<br>, an empty paragraph). */
  end(force = false, kind?: LineKind): void {
    const text = this.buffer.replace(/[ \t]+$/, '');
    if (text !== '' || force) this.lines.push({ text, kind: kind ?? (this.headingDepth > 0 ? 'heading' : 'text') });
    this.buffer = '';
    this.pending = 'none';
  }

  push(line: HtmlLine): void {
    this.end();
    this.lines.push(line);
  }
}

interface Page {
  /** Elements left out with everything inside them. */
  removed: Set<Element>;
  /** Visible, non-link Han/Latin/digit characters under each element. */
  weight: Map<Element, number>;
}

const WEIGHT_CHARS = /[\p{Script=Han}A-Za-z0-9]/gu;

function computeWeights(node: ParentNode, page: Page, inLink: boolean): number {
  let total = 0;
  for (const child of children(node)) {
    if (child.nodeName === '#text') {
      if (!inLink) total += (child as DefaultTreeAdapterTypes.TextNode).value.match(WEIGHT_CHARS)?.length ?? 0;
    } else if (isElement(child)) {
      if (page.removed.has(child)) {
        page.weight.set(child, 0);
        continue;
      }
      const w = isMetaBlock(child) ? 0 : computeWeights(child, page, inLink || child.tagName === 'a');
      page.weight.set(child, w);
      total += w;
    }
  }
  return total;
}

/**
 * A metadata row (a table row with a label cell) or a short block that reads `label：value`: not
 * article text, so it weighs nothing when the article is looked for (it is still read, as the
 * document's head).
 */
function isMetaBlock(el: Element): boolean {
  if (el.tagName === 'tr') {
    return children(el).some(
      (c) =>
        isElement(c) &&
        (c.tagName === 'td' || c.tagName === 'th') &&
        (labelOnly(textContent(c)) !== null || META_LINE.test(textContent(c))),
    );
  }
  if (!['li', 'p', 'dd', 'dt', 'div', 'span'].includes(el.tagName)) return false;
  const text = textContent(el);
  return text.length < 200 && META_LINE.test(text);
}

/** Has a heading that could be the document's title (not a site logo). */
function hasTitleHeading(el: Element): boolean {
  for (const child of children(el)) {
    if (!isElement(child)) continue;
    if (tokens(child).some((t) => t.includes('logo'))) continue;
    if (HEADINGS.has(child.tagName) && hanCount(textContent(child)) >= 8) return true;
    if (hasTitleHeading(child)) return true;
  }
  return false;
}

function markRemoved(node: ParentNode, page: Page, bodyWeight: number, rawWeight: Map<Element, number>): void {
  for (const child of children(node)) {
    if (!isElement(child)) continue;
    const tag = child.tagName;
    if (NEVER_TEXT.has(tag) || isHidden(child)) {
      page.removed.add(child);
      continue;
    }
    const role = attr(child, 'role');
    const chrome = CHROME_TAGS.has(tag) || (role !== null && CHROME_ROLES.has(role)) || hasChromeToken(child);
    if (chrome) {
      const text = textContent(child);
      // Never the article itself, nor a block that holds the document's head.
      const keeps = (rawWeight.get(child) ?? 0) >= 0.5 * bodyWeight || META_MARK.test(text) || (tag !== 'nav' && hasTitleHeading(child));
      if (!keeps) {
        page.removed.add(child);
        continue;
      }
    }
    markRemoved(child, page, bodyWeight, rawWeight);
  }
}

/** Paragraph-level children hold text directly: the element is the article, not a frame around it. */
const PARAGRAPHS = new Set([
  ...HEADING_TAGS,
  'p',
  'span',
  'font',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'pre',
  'blockquote',
  'br',
  'center',
  'ol',
  'ul',
  'li',
  'dl',
]);

/**
 * The article: from <body> down, step into the child that holds at least half of the text, until
 * the element itself holds paragraphs (a tenth of its text or more in <p>, headings, inline text).
 */
export function findArticle(body: Element, page: Page): Element {
  let current = body;
  for (;;) {
    const weight = page.weight.get(current) ?? 0;
    if (weight === 0) return current;
    let direct = 0;
    let best: Element | null = null;
    for (const child of children(current)) {
      if (child.nodeName === '#text') direct += (child as DefaultTreeAdapterTypes.TextNode).value.match(WEIGHT_CHARS)?.length ?? 0;
      else if (isElement(child) && !page.removed.has(child)) {
        const w = page.weight.get(child) ?? 0;
        if (PARAGRAPHS.has(child.tagName)) direct += w;
        else if (!best || w > (page.weight.get(best) ?? 0)) best = child;
      }
    }
    if (direct >= 0.1 * weight || !best || (page.weight.get(best) ?? 0) < 0.5 * weight) return current;
    current = best;
  }
}

/** A table lays out the page (a cell holds another table or a long run of paragraphs), or holds data. */
function isLayoutTable(table: Element): boolean {
  const rows = tableRows(table);
  if (rows.length === 0) return true;
  if (rows.length === 1 && rows[0].length === 1) return true;
  const nested = (el: Element): boolean => children(el).some((c) => isElement(c) && (c.tagName === 'table' || nested(c)));
  return rows.some((cells) => cells.some(nested));
}

function tableRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (el: Element) => {
    for (const child of children(el)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr')
        rows.push(children(child).filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')));
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function isTitleElement(el: Element): boolean {
  return (
    HEADINGS.has(el.tagName) || tokens(el).some((t) => t === 'bt' || t === 'tit' || t === 'biaoti' || t.split(/[-_]+/).includes('title'))
  );
}

function render(node: ParentNode, out: LineBuilder, page: Page): void {
  for (const child of children(node)) {
    if (child.nodeName === '#text') {
      out.text((child as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!isElement(child) || page.removed.has(child)) continue;
    const tag = child.tagName;
    if (tag === 'br') {
      out.end(true);
      continue;
    }
    if (tag === 'table' && !isLayoutTable(child)) {
      renderTable(child, out, page);
      continue;
    }
    const block = BLOCKS.has(tag);
    const heading = isTitleElement(child);
    if (block) out.end();
    if (heading) out.headingDepth++;
    if (tag === 'pre' || tag === 'listing' || tag === 'plaintext' || tag === 'xmp') out.preDepth++;
    const before = out.lines.length;
    render(child, out, page);
    if (tag === 'pre' || tag === 'listing' || tag === 'plaintext' || tag === 'xmp') out.preDepth--;
    if (block) {
      // An empty paragraph is a blank line, as a word processor shows it.
      const empty = tag === 'p' && out.lines.length === before && out.lineIsEmpty();
      out.end(empty);
    }
    if (heading) out.headingDepth--;
  }
}

/** One line per row; a row of metadata labels gives one `label:value` line per field. */
function renderTable(table: Element, out: LineBuilder, page: Page): void {
  out.end();
  for (const row of tableRows(table)) {
    const cells = row
      .filter((c) => !page.removed.has(c))
      .map((cell) => {
        const inner = new LineBuilder();
        render(cell, inner, page);
        inner.end();
        return inner.lines
          .map((l) => cleanSpaces(l.text))
          .filter(Boolean)
          .join(' ');
      });
    const isMetaRow = cells.some((c) => labelOnly(c) !== null || normaliseMetaLine(c).meta);
    if (!isMetaRow) {
      // Empty cells stay (as empty fields), so that columns line up from row to row.
      const text = cells.join('\t').replace(/\t+$/, '');
      if (text !== '') out.push({ text, kind: 'text' });
      continue;
    }
    for (let i = 0; i < cells.length; i++) {
      const label = labelOnly(cells[i]);
      if (label !== null) {
        const next = cells[i + 1];
        const nextIsField = next === undefined || labelOnly(next) !== null || normaliseMetaLine(next).meta;
        const value = nextIsField ? '' : next;
        if (!nextIsField) i++;
        out.push({ text: `${label}:${cleanSpaces(value)}`, kind: 'meta' });
        continue;
      }
      const meta = normaliseMetaLine(cells[i]);
      if (cells[i] !== '') out.push({ text: meta.line, kind: meta.meta ? 'meta' : 'text' });
    }
  }
}

/** Render the page before the article: only its headings and metadata lines are kept. */
function renderHead(node: ParentNode, article: Element, ancestors: Set<Element>, out: LineBuilder, page: Page): boolean {
  for (const child of children(node)) {
    if (child === article) return true;
    if (isElement(child) && ancestors.has(child)) {
      if (BLOCKS.has(child.tagName)) out.end();
      if (renderHead(child, article, ancestors, out, page)) return true;
      continue;
    }
    if (isElement(child) && page.removed.has(child)) continue;
    const holder = { childNodes: [child] } as unknown as ParentNode;
    render(holder, out, page);
    out.end();
  }
  return false;
}

function metaContent(document: ParentNode, name: string): string | null {
  let found: string | null = null;
  const visit = (node: ParentNode) => {
    for (const child of children(node)) {
      if (found !== null || !isElement(child)) continue;
      if (child.tagName === 'meta' && attr(child, 'name')?.toLowerCase() === name.toLowerCase()) found = attr(child, 'content');
      else if (child.tagName === 'title' && name === 'title') found = textContent(child);
      else visit(child);
    }
  };
  visit(document);
  return found;
}

function findBody(document: ParentNode): Element | null {
  for (const child of children(document)) {
    if (!isElement(child)) continue;
    if (child.tagName === 'body') return child;
    const inner = findBody(child);
    if (inner) return inner;
  }
  return null;
}

/** The lines of an article page: the document's head (title, metadata), then the article. */
export function htmlToLines(html: string): HtmlLine[] {
  const document = parse(html);
  const body = findBody(document);
  if (!body) return [];
  // First pass: leave out only what never shows (scripts, hidden blocks), to weigh what does.
  const unfiltered: Page = { removed: new Set(), weight: new Map() };
  const collectNever = (node: ParentNode) => {
    for (const child of children(node)) {
      if (!isElement(child)) continue;
      if (NEVER_TEXT.has(child.tagName) || isHidden(child)) unfiltered.removed.add(child);
      else collectNever(child);
    }
  };
  collectNever(body);
  const bodyWeight = computeWeights(body, unfiltered, false);

  const page: Page = { removed: new Set(), weight: new Map() };
  markRemoved(body, page, bodyWeight, unfiltered.weight);
  page.weight.set(body, computeWeights(body, page, false));
  const article = findArticle(body, page);

  const ancestors = new Set<Element>();
  for (let p = article.parentNode; p && isElement(p); p = p.parentNode) ancestors.add(p);

  const head = new LineBuilder();
  if (article !== body) renderHead(body, article, ancestors, head, page);
  head.end();
  const headLines: HtmlLine[] = [];
  for (const line of head.lines) {
    const text = cleanSpaces(line.text.replace(TOOLS, ''));
    if (text === '') continue;
    if (line.kind === 'meta') headLines.push({ text, kind: 'meta' });
    else if (line.kind === 'heading' && hanCount(text) >= 4) headLines.push({ text, kind: 'heading' });
    else {
      const meta = normaliseMetaLine(text);
      if (meta.meta) headLines.push({ text: meta.line, kind: 'meta' });
    }
  }

  const main = new LineBuilder();
  render(article, main, page);
  main.end();

  // No title shown above the article and none at its top: the page's declared title.
  const hasHeading = headLines.some((l) => l.kind === 'heading') || main.lines.slice(0, 10).some((l) => l.kind === 'heading');
  if (!hasHeading) {
    const declared = metaContent(document, 'ArticleTitle') ?? metaContent(document, 'title')?.split(/[_|｜]|\s[-—–]\s/)[0] ?? null;
    const title = declared ? cleanSpaces(declared) : '';
    const top = compactSpaces(
      main.lines
        .slice(0, 12)
        .map((l) => l.text)
        .join(''),
    );
    // A document's title is longer than a site's name ("某市人民政府").
    if (hanCount(title) >= 8 && !top.includes(compactSpaces(title))) headLines.unshift({ text: title, kind: 'heading' });
  }

  const lines = [...headLines, ...main.lines];
  // Runs of blank lines → one; none at either end.
  const out: HtmlLine[] = [];
  for (const line of lines) {
    const blank = line.text.trim() === '';
    if (blank && (out.length === 0 || out[out.length - 1].text.trim() === '')) continue;
    out.push(blank ? { text: '', kind: 'text' } : line);
  }
  while (out.length > 0 && out[out.length - 1].text === '') out.pop();
  return out;
}

/**
 * Markup that is all content (a converter's output, not a web page): every element's text, with
 * the same line rules, no chrome removal or article search.
 */
export function fragmentToText(html: string): string {
  const document = parse(html);
  const body = findBody(document);
  if (!body) return '';
  const page: Page = { removed: new Set(), weight: new Map() };
  const collectNever = (node: ParentNode) => {
    for (const child of children(node)) {
      if (!isElement(child)) continue;
      if (NEVER_TEXT.has(child.tagName)) page.removed.add(child);
      else collectNever(child);
    }
  };
  collectNever(body);
  const out = new LineBuilder();
  render(body, out, page);
  out.end();
  const lines = out.lines.map((l) => l.text);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  return lines.join('\n');
}

export function htmlToText(html: string): string {
  return htmlToLines(html)
    .map((l) => l.text)
    .join('\n');
}

/** A saved page's bytes → its text and the encoding it was read in. */
export function readHtml(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const decoded = decodeHtml(bytes);
  return { text: htmlToText(decoded.text), encoding: decoded.encoding };
}
