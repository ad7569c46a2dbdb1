// Pages that travel: the copy-link control of a task page (a plain link without JavaScript, a copy
// button with a spoken confirmation with it), PDF and CSV links that save under names saying what the
// file is, and the per-region and per-document CSVs they point to.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { distDir, formatViolations, openPage, runAxe } from '../helpers/browser.ts';

async function firstHref(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, `no link matches ${selector} on ${page.url()}`).toBeTruthy();
  return new URL(href!, page.url()).pathname;
}

const builtFile = (path: string) => join(distDir(), decodeURI(path));

describe('copy link on a task page', () => {
  it('is a plain link to the permalink in the HTML, hidden button until the script runs', async () => {
    const { page: docs } = await openPage('/documents/');
    const doc = await firstHref(docs, 'main table a[href^="/documents/"]');
    const { page: docPage } = await openPage(doc);
    const task = await firstHref(docPage, 'main a[href^="/tasks/"]');
    const html = readFileSync(join(builtFile(task), 'index.html'), 'utf8');
    const box = /<p class="copy-link[^"]*" data-copy-link="([^"]+)"[^>]*>([\s\S]*?)<\/p>/.exec(html);
    expect(box, 'no copy-link control in the HTML').not.toBeNull();
    expect(new URL(box![1]).pathname).toBe(task);
    expect(box![2]).toMatch(new RegExp(`<a href="${box![1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>\\s*本页链接\\s*</a>`));
    expect(box![2]).toMatch(/<button[^>]*hidden[^>]*>\s*复制链接\s*<\/button>/);

    const { page } = await openPage(task, { width: 390 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const button = page.getByRole('button', { name: '复制链接' });
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => page.locator('.copy-link [role="status"]').textContent()).toBe('已复制链接');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(box![1]);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});

describe('downloads', () => {
  it('a document page offers its tasks as CSV and its PDF reports under their titles', async () => {
    const { page: docs } = await openPage('/documents/');
    const doc = await firstHref(docs, 'main table a[href^="/documents/"]');
    const { page } = await openPage(doc);
    const csv = page.locator('a[href^="/data/documents/"][href$=".csv"]');
    expect(await csv.count()).toBe(1);
    expect(await csv.getAttribute('download')).toMatch(/任务清单\.csv$/);
    const path = (await csv.getAttribute('href'))!;
    expect(existsSync(builtFile(path)), path).toBe(true);
    expect([...readFileSync(builtFile(path)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(builtFile(path), 'utf8').slice(1).startsWith('任务编号,')).toBe(true);
    for (const pdf of await page.locator('a[href^="/reports/"][href$=".pdf"]').all()) {
      expect(await pdf.getAttribute('download')).toMatch(/落实情况报告\.pdf$/);
    }
  });

  it('a region page offers its tasks as CSV and its annual reports as 地区名+年度任务落实情况报告.pdf', async () => {
    const { page: regions } = await openPage('/regions/');
    const region = await firstHref(regions, 'main .tree li:has(ul) > a');
    const { page } = await openPage(region);
    const name = (await page.locator('h1').textContent())!.trim();
    const csv = page.locator('a[href^="/data/regions/"][href$=".csv"]');
    expect(await csv.count()).toBe(1);
    expect(existsSync(builtFile((await csv.getAttribute('href'))!))).toBe(true);
    const pdfs = await page.locator('a[href^="/reports/regions/"][href$=".pdf"]').all();
    for (const pdf of pdfs) {
      const year = /\/(\d{4})\.pdf$/.exec((await pdf.getAttribute('href'))!)![1];
      expect(await pdf.getAttribute('download')).toBe(`${name}${year}年度任务落实情况报告.pdf`);
    }
  });
});
