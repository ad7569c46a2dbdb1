// The harness's own guards must bite: a page that calls another host, throws or loads a
// missing file fails its test. Uses small pages written to a temp dir, not the real site.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, runAxe, siteOrigin } from '../helpers/browser.ts';

const root = mkdtempSync(join(tmpdir(), 'qingdan-harness-'));
const page = (body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试</title>${head}</head><body><main>${body}</main></body></html>`;
writeFileSync(join(root, 'index.html'), page('<h1>首页</h1>'));
writeFileSync(join(root, 'external.html'), page('<h1>外部</h1><img src="https://cdn.example.org/x.png" alt="x">'));
writeFileSync(join(root, 'fetch.html'), page('<h1>外部</h1><script>fetch("https://api.example.org/data").catch(() => {})</script>'));
writeFileSync(join(root, 'throws.html'), page('<h1>错误</h1><script>throw new Error("boom")</script>'));
writeFileSync(join(root, 'missing-asset.html'), page('<h1>缺失</h1>', '<link rel="stylesheet" href="/nope.css">'));
writeFileSync(join(root, 'inaccessible.html'), page('<h1>无障碍</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));

describe('openPage guards', () => {
  it('passes a clean page', async () => {
    const opened = await openPage('/', { root });
    expect(opened.url).toBe(`${await siteOrigin(root)}/`);
    expect(opened.external).toEqual([]);
  });

  it.fails('fails a page that loads an image from another host', async () => {
    await openPage('/external.html', { root });
  });

  it.fails('fails a page whose script fetches another host', async () => {
    const { page } = await openPage('/fetch.html', { root });
    await page.waitForTimeout(200);
  });

  it('records (and aborts) the external request', async () => {
    const opened = await openPage('/external.html', { root });
    expect(opened.external).toEqual(['https://cdn.example.org/x.png']);
    opened.external.length = 0; // consumed: let this test pass
  });

  it.fails('fails a page that throws', async () => {
    await openPage('/throws.html', { root });
  });

  it('lets a non-strict test tolerate a throwing script', async () => {
    const { pageErrors } = await openPage('/throws.html', { root, strict: false });
    expect(pageErrors.join()).toContain('boom');
  });

  it.fails('fails a page whose stylesheet is missing', async () => {
    await openPage('/missing-asset.html', { root });
  });

  it('throws when the page status is not the expected one', async () => {
    await expect(openPage('/no-such-page/', { root })).rejects.toThrow(/expected status 200, got 404/);
    await openPage('/no-such-page/', { root, expectStatus: 404 });
  });
});

describe('runAxe', () => {
  it('finds a missing alt text', async () => {
    const { page } = await openPage('/inaccessible.html', { root });
    const violations = await runAxe(page);
    expect(violations.map((v) => v.id)).toContain('image-alt');
  });
});
