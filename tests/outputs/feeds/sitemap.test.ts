// The sitemap (sitemap.ts): every page once, as absolute URLs, split into chunks beyond 50,000.
import { describe, expect, it } from 'vitest';
import { pagePaths, sitemapChunk, sitemapChunkCount, sitemapXml, SITEMAP_MAX_URLS } from '../../../src/outputs/feeds/sitemap';
import { smallPortal } from '../../fixtures/portal-data';
import { taskUrl, unverifiedUnitUrl } from '../../../src/domain/urls';
import { child, parseXml } from './xml';

const SITE = 'https://qingdan.example.cn';

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
      '/documents/ali-demo/changes/',
      '/departments/542500-nmj/changes/',
      '/regions/542521/changes/',
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
