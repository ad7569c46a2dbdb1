// Internal link checker over a built site (dist/): every page-to-page, page-to-asset and
// page-to-fragment reference the HTML makes must resolve to a file (and an id) in the build.
// Pure function `checkLinks(distDir)` for tests, plus a CLI:
//   npx tsx scripts/check-links.ts [distDir=dist]     (exit 1 and a list when something is broken)
// Internal means relative, root-relative, or absolute on the portal's own origin (env
// QINGDAN_SITE_URL, the same default as astro.config.mjs). Other hosts are not fetched: the
// build must not depend on them, and the browser tests fail any page that requests them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'parse5';
import { settings } from '../src/config';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface BrokenLink {
  /** The page that holds the reference, as a site path ('/documents/a/'). */
  from: string;
  /** The reference exactly as written in the HTML. */
  href: string;
  /** Why it is broken: no such file, or the file exists but has no element with that id. */
  reason: 'missing' | 'fragment';
}

export interface CheckLinksResult {
  broken: BrokenLink[];
  /** Number of HTML pages checked. */
  pages: number;
}

export interface CheckLinksOptions {
  /** The portal's public URL; absolute links on this origin count as internal. */
  site?: string;
}

/** Attributes that reference another resource, per element. srcset is split separately. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
};

/** <meta> whose content is a URL (social cards). Matched on property= or name=. */
const URL_METAS = new Set(['og:image', 'og:url', 'twitter:image']);

/** <link rel> values that are hints to other hosts, not resources of this site. */
const SKIP_LINK_RELS = new Set(['preconnect', 'dns-prefetch']);

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walkFiles(full, out);
    else if (entry.isFile() && entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

/** dist/a/b/index.html → /a/b/ ; dist/404.html → /404.html */
function pagePathOf(distDir: string, file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** "a.png 1x, b.png 2x" → ["a.png", "b.png"] (URLs in srcset cannot contain bare commas+space). */
function splitSrcset(value: string): string[] {
  return value
    .split(/,\s+/)
    .map((part) => part.trim().split(/\s+/)[0])
    .filter((u): u is string => !!u);
}

interface ParsedPage {
  ids: Set<string>;
  refs: string[];
  base?: string;
}

function parsePage(html: string): ParsedPage {
  const doc = parse(html);
  const ids = new Set<string>();
  const refs: string[] = [];
  let base: string | undefined;
  const stack: Node[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('tagName' in node) {
      const el = node as Element;
      const id = attr(el, 'id');
      if (id !== undefined && id !== '') ids.add(id);
      // <a name> is the legacy way to make a fragment target; browsers still honour it.
      if (el.tagName === 'a') {
        const name = attr(el, 'name');
        if (name) ids.add(name);
      }
      if (el.tagName === 'base' && base === undefined) base = attr(el, 'href');
      const names = URL_ATTRS[el.tagName];
      const skip = el.tagName === 'link' && (attr(el, 'rel') ?? '').split(/\s+/).some((r) => SKIP_LINK_RELS.has(r.toLowerCase()));
      if (names && !skip) {
        for (const name of names) {
          const value = attr(el, name);
          if (value === undefined) continue;
          if (name === 'srcset') refs.push(...splitSrcset(value));
          else refs.push(value);
        }
      }
      if (el.tagName === 'meta') {
        const key = (attr(el, 'property') ?? attr(el, 'name') ?? '').toLowerCase();
        const content = attr(el, 'content');
        if (URL_METAS.has(key) && content) refs.push(content);
      }
    }
    // <template> content lives in a separate fragment in parse5.
    if ('content' in node && node.content) stack.push(node.content as Node);
    if ('childNodes' in node) for (const child of node.childNodes) stack.push(child);
  }
  return { ids, refs, base };
}

/** Schemes that never point into dist/. */
const NON_FILE_SCHEME = /^(mailto|tel|sms|javascript|data|blob|about):/i;

/**
 * Resolve `href` as the browser would from page `pagePath`; return the site path and fragment
 * when it is internal, or null when it points elsewhere (another host, mailto:, …).
 */
export function resolveInternal(
  href: string,
  pagePath: string,
  siteOrigin: string,
  base?: string,
): { path: string; fragment: string } | null {
  const trimmed = href.trim();
  if (trimmed === '' || NON_FILE_SCHEME.test(trimmed)) return null;
  const pageUrl = new URL(pagePath, siteOrigin);
  let url: URL;
  try {
    const baseUrl = base ? new URL(base, pageUrl) : pageUrl;
    url = new URL(trimmed, baseUrl);
  } catch {
    // Unparseable: report it as broken rather than ignore it.
    return { path: trimmed, fragment: '' };
  }
  if (url.origin !== siteOrigin) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  let fragment = url.hash.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    /* keep raw */
  }
  return { path, fragment };
}

/**
 * Check every internal reference of every HTML page under distDir.
 * Directory targets resolve to their index.html; ?query is ignored; #fragment must name an id
 * (or <a name>) on the target HTML page ('#' alone and '#top' are always valid, per HTML).
 */
export function checkLinks(distDir: string, options: CheckLinksOptions = {}): CheckLinksResult {
  const site = options.site ?? settings().siteUrl;
  const siteOrigin = new URL(site).origin;
  const files = walkFiles(distDir).sort();

  // Parse every page once; ids are kept per file so fragment checks need no re-parse.
  const idsByFile = new Map<string, Set<string>>();
  const refsByPage: { pagePath: string; page: ParsedPage }[] = [];
  for (const file of files) {
    const page = parsePage(readFileSync(file, 'utf8'));
    idsByFile.set(file, page.ids);
    refsByPage.push({ pagePath: pagePathOf(distDir, file), page });
  }

  const fileCache = new Map<string, string | null>();
  /** Site path → the file that would be served for it, or null. */
  const targetFile = (path: string): string | null => {
    const cached = fileCache.get(path);
    if (cached !== undefined) return cached;
    let result: string | null = null;
    const segments = path.split('/').filter((s) => s !== '');
    if (!segments.some((s) => s === '..')) {
      const full = join(distDir, ...segments);
      if (existsSync(full)) {
        const st = statSync(full);
        if (st.isFile() && !path.endsWith('/')) result = full;
        else if (st.isDirectory() && existsSync(join(full, 'index.html'))) result = join(full, 'index.html');
      }
    }
    fileCache.set(path, result);
    return result;
  };

  const broken: BrokenLink[] = [];
  for (const { pagePath, page } of refsByPage) {
    for (const href of page.refs) {
      const target = resolveInternal(href, pagePath, siteOrigin, page.base);
      if (!target) continue;
      const file = targetFile(target.path);
      if (!file) {
        broken.push({ from: pagePath, href, reason: 'missing' });
        continue;
      }
      const { fragment } = target;
      if (fragment === '' || fragment.toLowerCase() === 'top') continue;
      const ids = idsByFile.get(file);
      // Fragments into PDFs, images etc. (#page=2) are viewer parameters, not ids.
      if (ids && !ids.has(fragment)) broken.push({ from: pagePath, href, reason: 'fragment' });
    }
  }
  return { broken, pages: files.length };
}

function main(argv: string[]): number {
  const distDir = argv[0] ?? 'dist';
  if (!existsSync(distDir)) {
    console.error(`check-links: ${distDir} does not exist; run \`npm run build\` first`);
    return 2;
  }
  const started = performance.now();
  const { broken, pages } = checkLinks(distDir);
  const ms = Math.round(performance.now() - started);
  for (const b of broken) console.log(`${b.from}\t${b.href}\t(${b.reason === 'missing' ? 'no such file' : 'no such id'})`);
  console.log(`check-links: ${pages} pages, ${broken.length} broken internal links (${ms} ms)`);
  return broken.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
