// Shared by the feed and sitemap tests: a strict parser for the XML they write.
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/**
 * A strict parser for the XML subset the builders write (declaration, elements, attributes, text,
 * the five predefined entities and numeric references). It throws on anything not well-formed, so
 * an unescaped "<" or "&" from source text fails the test.
 */
const PI = /^<\?([a-z][a-z-]*) ([^?]*)\?>\n/;

/** The processing instructions between the declaration and the root, as [target, data]. */
export function processingInstructions(xml: string): [string, string][] {
  const decl = /^<\?xml [^?]*\?>\n/.exec(xml);
  const out: [string, string][] = [];
  let rest = decl ? xml.slice(decl[0].length) : xml;
  for (let pi = PI.exec(rest); pi; pi = PI.exec(rest)) {
    out.push([pi[1], pi[2]]);
    rest = rest.slice(pi[0].length);
  }
  return out;
}

export function parseXml(xml: string): XmlNode {
  const decl = /^<\?xml version="1\.0" encoding="(utf|UTF)-8"\?>\n/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  let i = decl[0].length;
  // Processing instructions before the root (<?xml-stylesheet …?>): skipped, see processingInstructions.
  for (let pi = PI.exec(xml.slice(i)); pi; pi = PI.exec(xml.slice(i))) i += pi[0].length;
  const decode = (s: string) => {
    if (/[<>]/.test(s)) throw new Error(`raw markup in text: ${s.slice(0, 60)}`);
    return s.replace(/&([^;]*);|&/g, (m, name: string | undefined) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (name !== undefined && name in named) return named[name];
      if (name && /^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
      if (name && /^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
      throw new Error(`bad entity ${m}`);
    });
  };
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  while (i < xml.length) {
    if (xml[i] === '<') {
      const end = xml.indexOf('>', i);
      if (end < 0) throw new Error('unterminated tag');
      const tag = xml.slice(i + 1, end);
      i = end + 1;
      if (tag.startsWith('/')) {
        const open = stack.pop();
        if (!open || open.name !== tag.slice(1)) throw new Error(`mismatched </${tag.slice(1)}>`);
        continue;
      }
      const selfClosing = tag.endsWith('/');
      const m = /^([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*\/?$/.exec(tag);
      if (!m) throw new Error(`malformed tag <${tag}>`);
      const attrs: Record<string, string> = {};
      for (const a of m[2].matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        attrs[a[1]] = decode(a[2]);
      }
      const node: XmlNode = { name: m[1], attrs, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(node);
      else if (root) throw new Error('two root elements');
      else root = node;
      if (!selfClosing) stack.push(node);
    } else {
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next < 0 ? xml.length : next);
      i = next < 0 ? xml.length : next;
      if (stack.length) stack[stack.length - 1].text += decode(raw);
      else if (raw.trim()) throw new Error('text outside the root element');
    }
  }
  if (stack.length || !root) throw new Error('unclosed elements');
  return root;
}

export const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
export const children = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
