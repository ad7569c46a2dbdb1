// Phones and tablets: one page of every kind at 320, 390 and 768 px. The page never scrolls sideways
// (document.scrollWidth ≤ innerWidth), and no table is cut off: a table wider than the box it sits in
// is only allowed where that box scrolls (TableWrap, .table-wrap), so the rest can be reached. At 390 px
// the header and the demo banner leave most of the first screen to the page. Pages are found by
// following links from the index pages, never by hard-coded slugs, so the test holds for any content.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../helpers/browser.ts';

const WIDTHS = [320, 390, 768] as const;

async function firstHref(page: Page, selector: string): Promise<string | null> {
  const href = await page
    .locator(selector)
    .first()
    .getAttribute('href')
    .catch(() => null);
  return href ? new URL(href, page.url()).pathname : null;
}

/** One path of each page kind. */
async function discover(): Promise<Record<string, string>> {
  const { page: docs } = await openPage('/documents/');
  const document = await firstHref(docs, 'main table a[href^="/documents/"]');
  expect(document, 'the document index lists no documents').toBeTruthy();
  const { page: doc } = await openPage(document!);
  const task = await firstHref(doc, 'main a[href^="/tasks/"]');
  const { page: regions } = await openPage('/regions/');
  const region = await firstHref(regions, 'main .tree li:has(ul) > a');
  const { page: depts } = await openPage('/departments/');
  const department = await firstHref(depts, 'main a[href^="/departments/"][href$="/"]:not([href="/departments/"])');
  const unit = await firstHref(depts, 'main a[href^="/units/"]');
  // The lists of reports (最新进展报告) are on the home and department pages.
  const paths: Record<string, string | null> = {
    home: '/',
    documents: '/documents/',
    document,
    task,
    regions: '/regions/',
    region,
    departments: '/departments/',
    department,
    unit,
    overdue: '/overdue/',
    data: '/data/',
    methodology: '/methodology/',
    search: '/search/?q=%E8%8D%89%E5%8E%9F', // 草原: a query with results
    notFound: '/404.html',
  };
  return Object.fromEntries(Object.entries(paths).filter((e): e is [string, string] => e[1] !== null));
}

let pathsPromise: Promise<Record<string, string>> | undefined;
const paths = () => (pathsPromise ??= discover());

interface Overflow {
  pageWidth: number;
  viewport: number;
  /** Tables wider than the box they sit in, where that box does not scroll. */
  clipped: string[];
  /** Elements that reach past the right edge of the viewport outside any scrolling box. */
  outside: string[];
}

/** Measured in the page: see Overflow. */
function measure(): Overflow {
  const describe = (el: Element) => {
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const label = el.getAttribute('aria-label') ?? el.querySelector('caption')?.textContent ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}${cls} “${label.trim().slice(0, 40)}”`;
  };
  const scrolls = (el: Element) => {
    const x = getComputedStyle(el).overflowX;
    return x === 'auto' || x === 'scroll';
  };
  const clipped: string[] = [];
  for (const table of document.querySelectorAll('table')) {
    const width = table.getBoundingClientRect().width;
    if (width === 0) continue;
    // The first box around the table narrower than it: it must scroll, or part of the table is cut off.
    for (let box = table.parentElement; box && box !== document.documentElement; box = box.parentElement) {
      if (box.clientWidth > 0 && width > box.clientWidth + 1) {
        if (!scrolls(box)) clipped.push(`${describe(table)} (${Math.round(width)}px) in ${describe(box)} (${box.clientWidth}px)`);
        break;
      }
      if (scrolls(box)) break;
    }
  }
  const outside: string[] = [];
  const limit = window.innerWidth + 1;
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= limit) continue;
    // Inside a scrolling box, or taken out of view on purpose (.sr-only, the skip link): not the page's overflow.
    let inScroller = false;
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (scrolls(box) || style.overflowX === 'hidden' || style.overflowX === 'clip') {
        inScroller = true;
        break;
      }
    }
    const style = getComputedStyle(el);
    const hidden = style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)' || rect.width <= 1;
    if (!inScroller && !hidden) outside.push(`${describe(el)} right edge at ${Math.round(rect.right)}px`);
  }
  return {
    pageWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    clipped,
    outside: outside.slice(0, 10),
  };
}

describe('no page scrolls sideways and no table is cut off', () => {
  const KINDS = [
    'home',
    'documents',
    'document',
    'task',
    'regions',
    'region',
    'departments',
    'department',
    'unit',
    'overdue',
    'data',
    'methodology',
    'search',
    'notFound',
  ];
  for (const width of WIDTHS) {
    for (const kind of KINDS) {
      it(`${kind} at ${width}px`, async () => {
        const path = (await paths())[kind];
        if (!path) {
          // Only the unit page may be absent: a corpus whose units all resolve has none.
          expect(kind).toBe('unit');
          return;
        }
        const { page } = await openPage(path, { width, height: 844 });
        if (kind === 'search')
          await page
            .locator('[data-status]')
            .filter({ hasText: /\d/ })
            .first()
            .waitFor({ timeout: 15_000 })
            .catch(() => undefined);
        const m = await page.evaluate(measure);
        expect(m.pageWidth, `${path}: the page is ${m.pageWidth}px wide in a ${m.viewport}px viewport`).toBeLessThanOrEqual(m.viewport);
        expect(m.clipped, `${path}: tables cut off`).toEqual([]);
        expect(m.outside, `${path}: past the right edge`).toEqual([]);
        if (kind === 'data') {
          // The table of data files fits as it is: every download link in view without scrolling sideways.
          const fit = await page.locator('table.files').evaluate((t) => t.getBoundingClientRect().width - t.parentElement!.clientWidth);
          expect(fit, 'the table of data files is wider than the page').toBeLessThanOrEqual(1);
        }
        if (width === 390) await screenshot(page, `overflow-${kind}-${width}`, { fullPage: false });
      });
    }
  }
});

describe('大字号 on the narrowest phone', () => {
  // The large-text mode (125%) is for the readers who most need the page not to scroll sideways.
  for (const kind of ['home', 'document', 'task', 'region', 'data', 'overdue']) {
    it(`${kind} at 320px in 大字号`, async () => {
      const path = (await paths())[kind];
      const { page } = await openPage(path, { width: 320, height: 844 });
      await page.evaluate(() => document.documentElement.classList.add('lt'));
      const m = await page.evaluate(measure);
      expect(m.pageWidth, `${path}: the page is ${m.pageWidth}px wide in a ${m.viewport}px viewport`).toBeLessThanOrEqual(m.viewport);
      expect(m.clipped, `${path}: tables cut off`).toEqual([]);
      expect(m.outside, `${path}: past the right edge`).toEqual([]);
    });
  }
});

describe('at 390 px the page starts on the first screen', () => {
  it('header and demo banner together take less than a third of an 844px screen', async () => {
    const { page } = await openPage('/', { width: 390, height: 844 });
    const header = await page.locator('.site-header').boundingBox();
    expect(header, 'no header').not.toBeNull();
    const banner = page.locator('.demo-banner');
    let bottom = header!.y + header!.height;
    if ((await banner.count()) > 0) {
      const box = (await banner.boundingBox())!;
      expect(box.height, 'the demo banner on a phone').toBeLessThanOrEqual(110);
      expect(await banner.innerText()).toContain('示例数据（非官方）');
      bottom = box.y + box.height;
    }
    expect(header!.height, 'the header on a phone').toBeLessThanOrEqual(150);
    expect(bottom).toBeLessThanOrEqual(844 / 3);
  });
});
