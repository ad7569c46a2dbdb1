// Every URL of the portal (urls.ts): page paths, list pages, anchors, cards, reports and feeds.
import { describe, expect, it } from 'vitest';
import {
  cardUrl,
  departmentFeedUrl,
  departmentsIndexUrl,
  departmentUrl,
  documentReportUrl,
  documentsIndexUrl,
  documentUrl,
  feedUrl,
  homeUrl,
  measureAnchor,
  methodologyUrl,
  openDataUrl,
  overdueUrl,
  pageUrl,
  regionFeedUrl,
  regionReportUrl,
  regionsIndexUrl,
  regionUrl,
  searchUrl,
  sectionAnchor,
  taskAnchor,
  taskSourceUrl,
  taskUrl,
  unitKey,
  unverifiedUnitUrl,
} from '../../src/domain/urls';

describe('paging', () => {
  it('puts page 1 at the list URL and page n under it', () => {
    expect(pageUrl('/overdue/', 1)).toBe('/overdue/');
    expect(pageUrl('/overdue/', 3)).toBe('/overdue/page/3/');
    expect(() => pageUrl('/overdue', 2)).toThrow(/end in/);
  });
});

describe('anchors', () => {
  it('builds ids and the source link of a task', () => {
    expect(taskAnchor('g2-t3')).toBe('task-g2-t3');
    expect(sectionAnchor('s1.2')).toBe('section-s1.2');
    expect(measureAnchor('doc/p1.m2')).toBe('measure-p1.m2');
    expect(taskSourceUrl('ali-2018', 't12')).toBe('/documents/ali-2018/#task-t12');
  });
  it('never lets markup or quotes into an id', () => {
    expect(taskAnchor('t1" onclick="x')).toMatch(/^task-[A-Za-z0-9_.-]+$/);
  });
});

describe('page URLs', () => {
  it('give each page a folder path that starts and ends with "/"', () => {
    expect(homeUrl()).toBe('/');
    expect(documentUrl('ali-2018-meili-xizang')).toBe('/documents/ali-2018-meili-xizang/');
    expect(taskUrl('ali-2018-meili-xizang/g2-t3')).toBe('/tasks/ali-2018-meili-xizang/g2-t3/');
    expect(departmentUrl('542500-sthj')).toBe('/departments/542500-sthj/');
    expect(regionUrl('542500')).toBe('/regions/542500/');
    expect([documentsIndexUrl(), departmentsIndexUrl(), regionsIndexUrl(), overdueUrl(), methodologyUrl(), openDataUrl()]).toEqual([
      '/documents/',
      '/departments/',
      '/regions/',
      '/overdue/',
      '/methodology/',
      '/data/',
    ]);
  });

  it('keep list pages apart from slugs: page 2 of the documents is not a document called "2"', () => {
    expect(pageUrl(documentsIndexUrl(), 2)).toBe('/documents/page/2/');
    expect(pageUrl(documentsIndexUrl(), 2)).not.toBe(documentUrl('2'));
    expect(pageUrl(departmentUrl('542500-sthj'), 0)).toBe('/departments/542500-sthj/');
  });

  it('key an unverified unit by a short hash of the name as written, the same on every build', () => {
    const key = unitKey('某某不存在局');
    expect(key).toMatch(/^[0-9a-f]{10}$/);
    expect(unitKey('某某不存在局')).toBe(key);
    expect(unitKey('某某不存在局 ')).not.toBe(key); // the name exactly as written
    expect(unitKey('地区某局')).not.toBe(key);
    expect(unverifiedUnitUrl('某某不存在局')).toBe(`/units/${key}/`);
    // No character of the name reaches the path.
    expect(unverifiedUnitUrl('<script>/../x')).toMatch(/^\/units\/[0-9a-f]{10}\/$/);
  });

  it('put the search words in the query, percent-encoded', () => {
    expect(searchUrl()).toBe('/search/');
    expect(searchUrl('')).toBe('/search/');
    const url = searchUrl('草原 保护&sort=x#y');
    expect(url).toMatch(/^\/search\/\?q=[^ &#]+$/);
    expect(new URL(url, 'https://qingdan.example.cn').searchParams.get('q')).toBe('草原 保护&sort=x#y');
  });
});

describe('files beside the pages', () => {
  it('put the card of a page at the page path under /cards/, the home page as index', () => {
    expect(cardUrl('/')).toBe('/cards/index.png');
    expect(cardUrl('')).toBe('/cards/index.png');
    expect(cardUrl(taskUrl('ali/t1'))).toBe('/cards/tasks/ali/t1.png');
    expect(cardUrl(regionUrl('540000'))).toBe('/cards/regions/540000.png');
    expect(cardUrl('//documents/a//')).toBe('/cards/documents/a.png');
  });

  it('put reports under /reports/ by region and year, or document and period', () => {
    expect(regionReportUrl('542500', '2019')).toBe('/reports/regions/542500/2019.pdf');
    expect(documentReportUrl('pulan-zhenggai', '2019')).toBe('/reports/documents/pulan-zhenggai/2019.pdf');
  });

  it('put feeds under /feeds/', () => {
    expect(feedUrl()).toBe('/feeds/all.xml');
    expect(regionFeedUrl('542500')).toBe('/feeds/regions/542500.xml');
    expect(departmentFeedUrl('542500-sthj')).toBe('/feeds/departments/542500-sthj.xml');
  });
});
