// The home page in Chromium: Chinese, self-contained (no other host), accessible.
import { describe, expect, it } from 'vitest';
import { formatViolations, openPage, runAxe, screenshot } from '../helpers/browser.ts';

describe.each([1280, 375])('home page at %i px', (width) => {
  it('declares zh-CN, requests no other host and has no axe violations', async () => {
    const { page, external, pageErrors, failedRequests } = await openPage('/', { width });
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).not.toBe('');
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await screenshot(page, `home-${width}`);
    // Also enforced by openPage when the test ends; asserted here so the smoke test says so.
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
