// The link checker against a hand-made site (tests/fixtures/links/) whose anchors say, in
// their text, whether they are good, ignored or BROKEN. The checker must find exactly the
// BROKEN ones — no more (false alarms would make CI useless), no fewer.
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, resolveInternal } from '../../scripts/check-links.ts';

const fixture = fileURLToPath(new URL('../fixtures/links', import.meta.url));
const site = 'https://qingdan.example.cn';

describe('checkLinks', () => {
  const result = checkLinks(fixture, { site });

  it('checks every HTML page of the fixture', () => {
    expect(result.pages).toBe(4);
  });

  it('reports exactly the broken links, fragments and assets', () => {
    const got = result.broken.map((b) => `${b.from} ${b.href} ${b.reason}`).sort();
    expect(got).toEqual(
      [
        '/ /missing/ missing',
        '/ /about/#nope fragment',
        '/ #ghost fragment',
        '/ https://qingdan.example.cn/gone.html missing',
        '/ /img/logo@2x.png missing',
      ].sort(),
    );
  });

  it('agrees with the fixture text: every anchor marked BROKEN is reported', () => {
    // Guards the fixture itself: adding a BROKEN anchor without updating the list above fails.
    const html = readFileSync(join(fixture, 'index.html'), 'utf8');
    const marked = [...html.matchAll(/<a href="([^"]+)">BROKEN/g)].map((m) => m[1]);
    expect(marked.length).toBeGreaterThan(0);
    const reported = new Set(result.broken.map((b) => b.href));
    for (const href of marked) expect(reported, href).toContain(href);
  });

  it('treats absolute links on another origin as external', () => {
    const other = checkLinks(fixture, { site: 'https://elsewhere.example.org' });
    const hrefs = other.broken.map((b) => b.href);
    expect(hrefs).not.toContain('https://qingdan.example.cn/gone.html');
    expect(hrefs).toContain('/missing/');
  });

  describe('on a copy with the missing targets added', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingdan-links-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(fixture, dir, { recursive: true });
    cpSync(join(dir, 'about'), join(dir, 'missing'), { recursive: true });
    writeFileSync(join(dir, 'gone.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'img', 'logo@2x.png'), 'x');
    const about = join(dir, 'about', 'index.html');
    writeFileSync(about, readFileSync(about, 'utf8').replace('<section id="team">', '<section id="team"><i id="nope"></i>'));
    const idx = join(dir, 'index.html');
    writeFileSync(idx, readFileSync(idx, 'utf8').replace('<h1 id="local">', '<h1 id="local"><span id="ghost"></span>'));

    it('reports nothing once every target exists', () => {
      const fixed = checkLinks(dir, { site });
      expect(fixed.broken).toEqual([]);
      expect(fixed.pages).toBe(6); // 4 + missing/index.html + gone.html
    });
  });
});

describe('resolveInternal', () => {
  const origin = 'https://qingdan.example.cn';
  it('resolves relative paths against the page and decodes them', () => {
    expect(resolveInternal('../b/#x', '/a/c/', origin)).toEqual({ path: '/a/b/', fragment: 'x' });
    expect(resolveInternal('%E6%B0%B4/', '/', origin)).toEqual({ path: '/水/', fragment: '' });
  });
  it('drops the query string', () => {
    expect(resolveInternal('/search/?q=1#r', '/', origin)).toEqual({ path: '/search/', fragment: 'r' });
  });
  it('ignores other hosts and non-file schemes', () => {
    expect(resolveInternal('https://example.org/', '/', origin)).toBeNull();
    expect(resolveInternal('//example.org/x', '/', origin)).toBeNull();
    expect(resolveInternal('mailto:a@b.cn', '/', origin)).toBeNull();
    expect(resolveInternal('data:image/png;base64,AAAA', '/', origin)).toBeNull();
  });
  it('honours <base href>', () => {
    expect(resolveInternal('x.png', '/a/', origin, '/img/')).toEqual({ path: '/img/x.png', fragment: '' });
  });
});
