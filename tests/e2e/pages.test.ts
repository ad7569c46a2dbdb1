// The portal's pages in Chromium: every page type at desktop and phone width, the path a reader takes
// (document → task → department → region), the 适老化 mode switch, keyboard access, demo labelling.
// Pages are found by following links from the index pages, never by hard-coded slugs, so the test
// holds for any content.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, openPage, runAxe, screenshot } from '../helpers/browser.ts';

const WIDTHS = [1280, 390] as const;

/** First href on the page matching the selector, as a site path. */
async function firstHref(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, `no link matches ${selector} on ${page.url()}`).toBeTruthy();
  return new URL(href!, page.url()).pathname;
}

/**
 * Paths of one page of each type, discovered from the index pages: the first document that has a task
 * led by a known department (so the reader's path document → task → department → region exists).
 */
async function discover(): Promise<Record<string, string>> {
  const { page } = await openPage('/documents/');
  const documents = await page.locator('main table a[href^="/documents/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(documents.length, 'the document index lists no documents').toBeGreaterThan(0);
  let found: { document: string; task: string; department: string } | null = null;
  for (const document of documents) {
    const { page: docPage } = await openPage(document);
    const row = docPage.locator('#tasks ~ .table-wrap tr:has(a[href^="/departments/"])').first();
    if ((await row.count()) === 0) continue;
    found = {
      document,
      task: await firstHref(docPage, '#tasks ~ .table-wrap tr:has(a[href^="/departments/"]) a[href^="/tasks/"]'),
      department: await firstHref(docPage, '#tasks ~ .table-wrap tr a[href^="/departments/"]'),
    };
    break;
  }
  expect(found, 'no document has a task led by a department of the registry').not.toBeNull();
  const { page: regions } = await openPage('/regions/');
  // A region with sub-regions: the aggregate view.
  const region = await firstHref(regions, 'main .tree li:has(ul) > a');
  const { page: depts } = await openPage('/departments/');
  const unit =
    (await depts.locator('#unverified ~ ul a[href^="/units/"]').count()) > 0
      ? await firstHref(depts, '#unverified ~ ul a[href^="/units/"]')
      : null;
  return {
    home: '/',
    documents: '/documents/',
    ...found!,
    departments: '/departments/',
    regions: '/regions/',
    region,
    // 本期变化 of that region: every kind of change its documents have, across cadences.
    changes: `${region}changes/`,
    overdue: '/overdue/',
    ...(unit ? { unit } : {}),
  };
}

let pathsPromise: Promise<Record<string, string>> | undefined;
const paths = () => (pathsPromise ??= discover());

describe('every page type', () => {
  const TYPES = ['home', 'documents', 'document', 'task', 'departments', 'department', 'regions', 'region', 'changes', 'overdue', 'unit'];
  for (const type of TYPES) {
    for (const width of WIDTHS) {
      it(`${type} at ${width}px: zh-CN, labelled search, no sideways scroll, demo labelled, zero axe violations`, async () => {
        const path = (await paths())[type];
        if (!path) {
          // Only the unit page may be absent: a corpus whose units all resolve has none.
          expect(type).toBe('unit');
          return;
        }
        const { page } = await openPage(path, { width });
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        expect(await page.locator('h1').count()).toBe(1);

        // A GET search form to /search/ with a labelled q field, on every page.
        const form = page.locator('form[role="search"]');
        expect(await form.getAttribute('action')).toBe('/search/');
        expect((await form.getAttribute('method'))?.toLowerCase()).toBe('get');
        const q = form.locator('input[name="q"]');
        expect(await page.locator(`label[for="${await q.getAttribute('id')}"]`).textContent()).toBeTruthy();

        // Autodiscovery: the feeds that concern the page, the portal's own last.
        const feeds = await page
          .locator('head link[rel="alternate"][type="application/atom+xml"]')
          .evaluateAll((ls) => ls.map((l) => [l.getAttribute('href')!, l.getAttribute('title')!]));
        expect(feeds.length).toBeGreaterThan(0);
        expect(feeds.at(-1)![0]).toMatch(/\/feeds\/all\.xml$/);
        for (const [, title] of feeds) expect(title).toMatch(/^清单：/);

        // Social meta: absolute URLs.
        for (const sel of ['meta[property="og:image"]', 'meta[name="twitter:image"]']) {
          expect(await page.locator(sel).getAttribute('content')).toMatch(/^https?:\/\/[^/]+\/cards\/.+\.png$/);
        }

        // Readable on a phone: the page itself never scrolls sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `page is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);

        // Demo data is never shown unlabelled: any demo marker means the banner is there too.
        const marks = await page.locator('.demo-mark').count();
        if (marks > 0) await expect.poll(() => page.locator('.demo-banner').textContent()).toContain('示例数据（非官方）');
        for (const text of await page.locator('.demo-mark').allTextContents()) expect(text).toBe('示例数据（非官方）');

        // Status is never colour alone: every badge has its word.
        for (const text of await page.locator('.badge').allTextContents()) expect(text.trim()).not.toBe('');

        const violations = await runAxe(page);
        expect(violations, formatViolations(violations)).toEqual([]);
        await screenshot(page, `pages-${type}-${width}`);
      });
    }
  }

  it('the not-found page answers 404 and stays accessible', async () => {
    const { page } = await openPage('/no-such-page/', { expectStatus: 404 });
    expect(await page.locator('h1').textContent()).toContain('找不到页面');
    expect(await runAxe(page)).toEqual([]);
  });
});

describe('a reader follows links: document → task → department → region', () => {
  it('reaches each page by its links, and the task links back to its paragraph', async () => {
    const { page } = await openPage((await paths()).document);
    const docTitle = (await page.locator('h1').textContent())!.trim();

    // The task table links to task pages; every task paragraph of the full text has an anchor.
    const anchors = await page.locator('.full-text .src-task[id^="task-"]').count();
    const tasks = await page.locator('#tasks ~ .table-wrap a[href^="/tasks/"]').count();
    expect(anchors).toBeGreaterThan(0);
    expect(anchors).toBe(tasks);

    await page.locator('#tasks ~ .table-wrap a[href^="/tasks/"]').first().click();
    await page.waitForURL(/\/tasks\/[^/]+\/[^/]+\/$/);
    expect(await page.locator('main .kicker a').first().textContent()).toBe(docTitle);

    // 查看原文段落 → the anchored paragraph in the document, which links back to this task.
    const taskPath = new URL(page.url()).pathname;
    const source = page.getByRole('link', { name: '查看原文段落' });
    const sourceHref = (await source.getAttribute('href'))!;
    expect(sourceHref).toMatch(/#task-/);
    await source.click();
    await page.waitForURL((u) => u.hash.startsWith('#task-'));
    const paragraph = page.locator(`[id="${sourceHref.split('#')[1]}"]`);
    expect(await paragraph.count()).toBe(1);
    expect(await paragraph.locator(`a[href="${taskPath}"]`).count()).toBe(1);
    await page.goBack();
    await page.waitForURL((u) => u.pathname === taskPath && u.hash === '');

    // The permalink is this page's own absolute URL.
    expect(new URL((await page.locator('a.permalink').textContent())!.trim()).pathname).toBe(taskPath);

    // A unit of the task → its department page.
    const deptLink = page.locator('#units ~ dl a[href^="/departments/"]').first();
    const deptName = (await deptLink.textContent())!.trim();
    await deptLink.click();
    await page.waitForURL(/\/departments\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(deptName);
    // The department lists this task among those it leads or helps with.
    expect(await page.locator(`main a[href="${taskPath}"]`).count()).toBeGreaterThan(0);

    // The department's region, from the breadcrumbs.
    const regionLink = page.locator('nav.crumbs a[href^="/regions/"]').last();
    const regionName = (await regionLink.textContent())!.trim();
    await regionLink.click();
    await page.waitForURL(/\/regions\/\d{6}\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(regionName);
    expect(await runAxe(page)).toEqual([]);
  });

  it('a parent region counts its sub-regions’ tasks', async () => {
    const { page } = await openPage((await paths()).region);
    const total = async (p: Page) => Number((await p.locator('.stats li').first().locator('.n').textContent())!.replace(/,/g, ''));
    const parentTotal = await total(page);
    const children = await page.locator('#children ~ ul a[href^="/regions/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(children.length).toBeGreaterThan(0);
    let sum = 0;
    for (const child of children) {
      const { page: c } = await openPage(child);
      sum += (await c.locator('.stats li').count()) > 0 ? await total(c) : 0;
    }
    // Its own documents may add more; its children can never add up to more than it.
    expect(parentTotal).toBeGreaterThanOrEqual(sum);
  });
});

describe('无障碍 / 适老化', () => {
  for (const [label, cls] of [
    ['大字号', 'lt'],
    ['高对比度', 'hc'],
  ] as const) {
    it(`${label} switches on, persists after a reload and switches off`, async () => {
      const { page } = await openPage((await paths()).task, { width: 390 });
      const button = page.getByRole('button', { name: label });
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      const before = await page.evaluate(() => ({
        font: getComputedStyle(document.body).fontSize,
        bg: getComputedStyle(document.body).backgroundColor,
      }));

      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('html').getAttribute('class')).toContain(cls);

      await page.reload();
      const afterReload = page.getByRole('button', { name: label });
      expect(await afterReload.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('html').getAttribute('class')).toContain(cls);
      const after = await page.evaluate(() => ({
        font: getComputedStyle(document.body).fontSize,
        bg: getComputedStyle(document.body).backgroundColor,
      }));
      if (cls === 'lt') expect(parseFloat(after.font)).toBeGreaterThan(parseFloat(before.font));
      else expect(after.bg).not.toBe(before.bg);
      // Still accessible in the mode, and still no sideways scroll on a phone.
      expect(formatViolations(await runAxe(page))).toBe('no accessibility violations');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, `pages-mode-${cls}-390`, { fullPage: false });

      await afterReload.click();
      await page.reload();
      expect(await page.getByRole('button', { name: label }).getAttribute('aria-pressed')).toBe('false');
      expect((await page.locator('html').getAttribute('class')) ?? '').not.toContain(cls);
    });
  }

  it('keyboard: the first Tab reaches the skip link, which moves focus to the main content; focus is visible', async () => {
    const { page } = await openPage('/');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(skip).toEqual({ text: '跳到正文', href: '#main' });
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle + getComputedStyle(document.activeElement!).borderStyle,
    );
    expect(outline).toMatch(/solid/);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab lands inside the main content, past header and navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    // A focused link shows an outline (:focus-visible).
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
  });

  it('the mode buttons are reachable and usable by keyboard', async () => {
    const { page } = await openPage('/');
    const button = page.getByRole('button', { name: '大字号' });
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('print', () => {
  it('hides navigation, search and the mode switch; keeps the demo banner', async () => {
    const { page } = await openPage((await paths()).task);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.site-nav', 'form[role="search"]', '#mode-switch']) {
      expect(await page.locator(sel).isVisible(), sel).toBe(false);
    }
    if ((await page.locator('.demo-banner').count()) > 0) expect(await page.locator('.demo-banner').isVisible()).toBe(true);
    // Link targets are printed after the link text.
    const after = await page
      .locator('main a[href^="/"]')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('/');
  });
});
