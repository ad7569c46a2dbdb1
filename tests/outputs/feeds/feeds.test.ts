import { describe, expect, it } from 'vitest';
import { atomDate, buildAtomFeed, entryId } from '../../../src/outputs/feeds/atom';
import { changesOf, taskChanges } from '../../../src/outputs/feeds/changes';
import { allFeed, departmentFeed, regionFeed } from '../../../src/outputs/feeds/portal-feeds';
import { pagePaths, sitemapChunk, sitemapChunkCount, sitemapXml, SITEMAP_MAX_URLS } from '../../../src/outputs/feeds/sitemap';
import { escapeXml } from '../../../src/portal/escape';
import { largePortal, makePortal, smallPortal } from '../../fixtures/portal-data';
import { DEMO_LABEL } from '../../../src/portal/labels';
import { taskUrl, unverifiedUnitUrl } from '../../../src/domain/urls';

const SITE = 'https://qingdan.example.cn';

interface XmlNode {
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
function parseXml(xml: string): XmlNode {
  const decl = /^<\?xml version="1\.0" encoding="(utf|UTF)-8"\?>\n/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  let i = decl[0].length;
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

const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
const children = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);

describe('escapeXml', () => {
  it('escapes the five metacharacters and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(escapeXml('a\u0000b\u0008c\u000Bd\tē\n')).toBe('abcd\tē\n');
    expect(escapeXml('😀 \uD800x')).toBe('😀 x');
  });
});

describe('status changes', () => {
  const portal = smallPortal();

  it('emits the first report and every change of status or overdue, not repeats', () => {
    const t1 = taskChanges(portal.taskById.get('ali-demo/t1')!);
    expect(t1.map((c) => [c.at.period.id, c.previous?.status ?? null, c.at.status])).toEqual([
      ['2019', null, '未达到序时进度'],
      ['2020', '未达到序时进度', '已完成'],
    ]);
    // Same status, but now overdue: that is news.
    const t2 = taskChanges(portal.taskById.get('ali-demo/t2')!);
    expect(t2.map((c) => [c.at.status, c.at.overdue])).toEqual([
      ['达到序时进度', false],
      ['达到序时进度', true],
    ]);
    expect(taskChanges(portal.taskById.get('ali-demo/t3')!)).toEqual([]);
  });

  it('treats unreported periods as silence, not as a change', () => {
    const p = makePortal([
      {
        slug: 'gap',
        regionCode: '542500',
        tasks: [
          {
            localId: 't1',
            deadline: null,
            reports: { '2019': { status: '达到序时进度' }, '2021': { status: '达到序时进度' }, '2022': { status: '已完成' } },
          },
        ],
      },
    ]);
    const changes = taskChanges(p.taskById.get('gap/t1')!);
    expect(changes.map((c) => [c.at.period.id, c.previous?.periodLabel ?? null])).toEqual([
      ['2019', null],
      ['2022', '2021年'],
    ]);
  });

  it('orders newest first, with a fixed order for ties', () => {
    const all = changesOf(portal, portal.tasks);
    const dates = all.map((c) => c.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.length).toBe(portal.tasks.reduce((n, t) => n + taskChanges(t).length, 0));
    const again = changesOf(portal, [...portal.tasks].reverse());
    expect(again.map((c) => entryId(SITE, c))).toEqual(all.map((c) => entryId(SITE, c)));
  });
});

describe('Atom feeds', () => {
  const portal = smallPortal();
  const xml = allFeed(portal, SITE);
  const feed = parseXml(xml);
  const entries = children(feed, 'entry');

  it('is well-formed Atom with absolute, stable ids and links', () => {
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'id')?.text).toBe(`${SITE}/feeds/all.xml`);
    expect(children(feed, 'link').map((l) => [l.attrs.rel, l.attrs.href])).toEqual([
      ['self', `${SITE}/feeds/all.xml`],
      ['alternate', `${SITE}/`],
    ]);
    expect(entries.length).toBe(changesOf(portal, portal.tasks).length);
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated', 'author', 'summary']) expect(child(e, name), name).toBeDefined();
      expect(child(e, 'link')?.attrs.href.startsWith(`${SITE}/tasks/`)).toBe(true);
      expect(child(e, 'updated')?.text).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    }
    expect(new Set(entries.map((e) => child(e, 'id')?.text)).size).toBe(entries.length);
    expect(allFeed(portal, SITE)).toBe(xml);
  });

  it('dates the feed by its newest entry', () => {
    expect(child(feed, 'updated')?.text).toBe(child(entries[0], 'updated')?.text);
    const empty = parseXml(
      buildAtomFeed({ site: SITE, path: '/feeds/x.xml', alternatePath: '/', title: 't', generatedOn: '2021-01-15', changes: [] }),
    );
    expect(child(empty, 'updated')?.text).toBe(atomDate('2021-01-15'));
    expect(children(empty, 'entry')).toEqual([]);
  });

  it('keeps hostile text intact through escaping', () => {
    const t1 = portal.taskById.get('ali-demo/t1')!;
    const e = entries.find((x) => child(x, 'id')?.text === `${SITE}${taskUrl('ali-demo/t1')}#status-2020`)!;
    expect(child(e, 'title')?.text).toContain(t1.task.title);
    expect(child(e, 'summary')?.text).toContain('已完成 <b>验收</b> & "销号"');
  });

  it('labels demo entries and the feed, and not official ones', () => {
    expect(child(feed, 'subtitle')?.text.startsWith(DEMO_LABEL)).toBe(true);
    for (const e of entries) {
      const official = child(e, 'link')!.attrs.href.includes('pulan-official');
      expect(child(e, 'title')!.text.includes(DEMO_LABEL)).toBe(!official);
      expect(children(e, 'category').some((c) => c.attrs.term === 'demo')).toBe(!official);
    }
  });

  it('scopes region feeds to the region and its descendants, department feeds to their tasks', () => {
    const taskOf = (x: string) => children(parseXml(x), 'entry').map((e) => child(e, 'link')!.attrs.href.replace(SITE, ''));
    const province = taskOf(regionFeed(portal, SITE, '540000')!);
    const county = taskOf(regionFeed(portal, SITE, '542521')!);
    expect(province.length).toBe(entries.length);
    expect(new Set(county)).toEqual(new Set([taskUrl('pulan-official/p1')]));
    const nmj = new Set(taskOf(departmentFeed(portal, SITE, '542500-nmj')!));
    expect(nmj).toEqual(new Set([taskUrl('ali-demo/t1'), taskUrl('pulan-official/p1')]));
    expect(taskOf(departmentFeed(portal, SITE, '542500-hbj')!)).toEqual([]);
    expect(regionFeed(portal, SITE, '000000')).toBeNull();
    expect(departmentFeed(portal, SITE, 'nope')).toBeNull();
    const official = parseXml(regionFeed(portal, SITE, '542521')!);
    expect(child(official, 'subtitle')?.text.includes(DEMO_LABEL)).toBe(false);
  });

  it('caps the number of entries', () => {
    const big = largePortal(600);
    const parsed = parseXml(allFeed(big, SITE));
    expect(children(parsed, 'entry').length).toBe(200);
  });
});

describe('sitemap', () => {
  const portal = smallPortal();

  it('lists every page once, as absolute URLs', () => {
    const paths = pagePaths(portal);
    expect(new Set(paths).size).toBe(paths.length);
    for (const t of portal.tasks) expect(paths).toContain(taskUrl(t.task.id));
    expect(paths).toContain(unverifiedUnitUrl('某某不存在局'));
    for (const p of [
      '/',
      '/documents/',
      '/documents/ali-demo/',
      '/departments/',
      '/departments/542500-nmj/',
      '/regions/',
      '/regions/542521/',
      '/overdue/',
      '/search/',
      '/methodology/',
      '/data/',
    ]) {
      expect(paths).toContain(p);
    }
    const xml = parseXml(sitemapXml(SITE, paths));
    expect(xml.name).toBe('urlset');
    expect(xml.children.map((u) => child(u, 'loc')!.text)).toEqual(paths.map((p) => SITE + p));
  });

  it('splits into an index and chunks beyond 50,000 URLs', () => {
    const paths = Array.from({ length: SITEMAP_MAX_URLS + 5 }, (_, i) => `/tasks/d/t${i}/`);
    expect(sitemapChunkCount(SITEMAP_MAX_URLS)).toBe(0);
    expect(sitemapChunkCount(paths.length)).toBe(2);
    const index = parseXml(sitemapXml(SITE, paths));
    expect(index.name).toBe('sitemapindex');
    expect(index.children.map((s) => child(s, 'loc')!.text)).toEqual([`${SITE}/sitemap-1.xml`, `${SITE}/sitemap-2.xml`]);
    const first = parseXml(sitemapChunk(SITE, paths, 1));
    const second = parseXml(sitemapChunk(SITE, paths, 2));
    expect(first.children.length + second.children.length).toBe(paths.length);
    expect(child(second.children[4], 'loc')!.text).toBe(SITE + paths.at(-1));
  });

  it('percent-encodes non-ASCII paths', () => {
    const xml = parseXml(sitemapXml(SITE, ['/units/单位/']));
    expect(child(xml.children[0], 'loc')!.text).toBe(`${SITE}/units/%E5%8D%95%E4%BD%8D/`);
  });
});
