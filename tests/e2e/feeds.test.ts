// A feed opened in a browser reads as a page, not as an XML tree: through public/feed.xsl where the
// browser runs XSLT, through public/feed.css where it does not (Chromium is removing XSLT).
import { describe, expect, it } from 'vitest';
import { regionFeedUrl } from '../../src/domain/urls';
import { openPage } from '../helpers/browser.ts';

const FEED = regionFeedUrl('630200'); // 海东市: demonstration reports, so entries and the demo note

describe('a feed opened in a browser', () => {
  it('with XSLT: a page with a heading, the feed address, linked entries and the demo note', async () => {
    const { page } = await openPage(FEED);
    await expect.poll(() => page.locator('h1').textContent()).toContain('海东市');
    await expect.poll(() => page.locator('.about').textContent()).toContain('订阅源');
    expect(await page.locator('.about code').textContent()).toContain(FEED);
    expect(await page.locator('ol.entries > li').count()).toBeGreaterThan(0);
    expect(await page.locator('ol.entries > li h2 a').first().getAttribute('href')).toMatch(/\/(tasks|regions)\//);
    expect(await page.locator('.demo').textContent()).toContain('示例数据');
  });

  it('without XSLT: the site’s plain styles, entries one below another, the machinery hidden', async () => {
    const { page } = await openPage(FEED, { browserFlags: ['--disable-features=XSLT'] });
    // Still the feed's own elements (no transformation), styled by feed.css.
    const look = await page.evaluate(() => {
      const style = (selector: string) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el) : null;
      };
      const root = document.documentElement;
      return {
        root: root.localName,
        note: getComputedStyle(root, '::before').content,
        title: style('feed > title')?.display,
        id: style('feed > id')?.display,
        entry: style('entry')?.display,
        entryLink: style('entry > link')?.display,
        subtitle: document.querySelector('feed > subtitle')?.textContent ?? '',
      };
    });
    expect(look).toMatchObject({ root: 'feed', title: 'block', id: 'none', entry: 'block', entryLink: 'none' });
    expect(look.note).toContain('订阅源');
    expect(look.subtitle).toContain('示例数据');
  });
});
