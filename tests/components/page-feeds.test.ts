// The feeds a page offers for autodiscovery (page-feeds.ts): by the page's path, the portal's own last.
import { describe, expect, it } from 'vitest';
import { feedsForPath } from '../../src/components/page-feeds';
import { smallPortal } from '../fixtures/portal-data';

describe('feedsForPath', () => {
  const portal = smallPortal();
  const hrefs = (path: string) => feedsForPath(portal, path).map((f) => f.href);

  it('offers the feeds that concern the page, then the feed of everything', () => {
    expect(hrefs('/')).toEqual(['/feeds/all.xml']);
    expect(hrefs('/documents/ali-demo/')).toEqual(['/feeds/documents/ali-demo.xml', '/feeds/regions/542500.xml', '/feeds/all.xml']);
    expect(hrefs('/documents/ali-demo/changes/')).toEqual(hrefs('/documents/ali-demo/'));
    expect(hrefs('/tasks/pulan-official/p1/')).toEqual([
      '/feeds/documents/pulan-official.xml',
      '/feeds/regions/542521.xml',
      '/feeds/all.xml',
    ]);
    expect(hrefs('/regions/542500/changes/')).toEqual(['/feeds/regions/542500.xml', '/feeds/all.xml']);
    expect(hrefs('/departments/542500-nmj/page/2/')).toEqual(['/feeds/departments/542500-nmj.xml', '/feeds/all.xml']);
    expect(hrefs('/documents/')).toEqual(['/feeds/all.xml']);
    expect(hrefs('/regions/000000/')).toEqual(['/feeds/all.xml']);
  });

  it('titles each feed as the feed itself does', () => {
    expect(feedsForPath(portal, '/regions/542500/').map((f) => f.title)).toEqual(['清单：阿里地区任务进展变化', '清单：全部任务进展变化']);
  });
});
