/**
 * Browser test helpers: the built site (dist/) in Debian Chromium, offline.
 *
 * Use them from tests under tests/e2e/ (the e2e vitest project builds the site once before
 * any of them run, see tests/e2e/global-setup.ts):
 *
 *   import { expect, it } from 'vitest';
 *   import { openPage, runAxe, formatViolations, screenshot } from '../helpers/browser.ts';
 *
 *   it('task page reads well on a phone', async () => {
 *     const { page } = await openPage('/tasks/some-doc/1/', { width: 375 });
 *     await expect.poll(() => page.locator('h1').textContent()).toContain('任务');
 *     const violations = await runAxe(page);
 *     expect(violations, formatViolations(violations)).toEqual([]);
 *     await screenshot(page, 'task-375');   // → /tmp/qingdan-shots/task-375.png
 *   });
 *
 * openPage(path, { width = 1280, height = 900, expectStatus = 200, strict = true, root })
 *   Opens `path` (site path, e.g. '/documents/x/') in a fresh browser context served by a local
 *   static server over dist/. Returns { page, response, url, external, pageErrors,
 *   failedRequests, consoleErrors }. The page closes when the test ends.
 *   The test FAILS at its end (no assertion needed) when the page:
 *     - requested any host other than the local server (the request is also aborted, so
 *       nothing leaves the machine), always;
 *     - threw an uncaught script error, or a same-site request failed or answered ≥ 400,
 *       unless { strict: false }.
 *   openPage itself throws when the page's own status is not `expectStatus` (use 404 to test
 *   the not-found page). `root` serves another directory instead of dist/ (harness tests);
 *   `browserFlags` opens it in a Chromium started with those extra flags.
 * runAxe(page) → axe violations for WCAG 2.0/2.1 A and AA (tags wcag2a, wcag2aa, wcag21a,
 *   wcag21aa); formatViolations(v) turns them into a readable assertion message.
 * screenshot(page, name, { fullPage = true }) → path of /tmp/qingdan-shots/<name>.png.
 * siteOrigin(root?) → the local server's origin, for tests that build URLs themselves.
 * distDir() → the directory under test (QINGDAN_DIST or <repo>/dist).
 *
 * One Chromium per test file, launched on first use and closed after the file's tests.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result as AxeViolation } from 'axe-core';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { afterAll, inject, onTestFinished } from 'vitest';
import { startStaticServer, type StaticServer } from './static-server.ts';

export type { AxeViolation };

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The built site under test: what global-setup provided, else QINGDAN_DIST, else dist/. */
export function distDir(): string {
  let provided: string | undefined;
  try {
    provided = inject('distDir');
  } catch {
    provided = undefined; // not running under vitest with the e2e global setup
  }
  return resolve(provided ?? process.env.QINGDAN_DIST ?? join(repoRoot, 'dist'));
}

export const CHROMIUM_PATH = process.env.QINGDAN_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SHOTS_DIR = '/tmp/qingdan-shots';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One browser per set of extra flags ('' for none). */
const browsers = new Map<string, Promise<Browser>>();
const servers = new Map<string, Promise<StaticServer>>();
/** Checks of pages opened outside a test (e.g. in beforeAll); run in afterAll. */
const orphanChecks: (() => Promise<string | undefined>)[] = [];

export function getBrowser(extraFlags: readonly string[] = []): Promise<Browser> {
  const key = extraFlags.join(' ');
  let browser = browsers.get(key);
  if (!browser) {
    browser = chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraFlags] });
    browsers.set(key, browser);
  }
  return browser;
}

function serverFor(root: string): Promise<StaticServer> {
  let server = servers.get(root);
  if (!server) {
    server = startStaticServer(root);
    servers.set(root, server);
  }
  return server;
}

/** Origin of the local server over `root` (default: the site under test). */
export async function siteOrigin(root: string = distDir()): Promise<string> {
  return (await serverFor(resolve(root))).origin;
}

afterAll(async () => {
  const problems = (await Promise.all(orphanChecks.splice(0).map((check) => check()))).filter((p) => p !== undefined);
  const open = [...browsers.values()];
  browsers.clear();
  const all = [...servers.values()];
  servers.clear();
  await Promise.all([...open.map((b) => b.then((x) => x.close())), ...all.map((s) => s.then((x) => x.close()))]);
  if (problems.length > 0) throw new Error(`pages opened outside a test had problems:\n${problems.join('\n')}`);
});

export interface OpenPageOptions {
  width?: number;
  height?: number;
  /** Status the page itself must answer with (404 for the not-found page). */
  expectStatus?: number;
  /** Fail on uncaught script errors and failed same-site requests (default true). */
  strict?: boolean;
  /** Serve this directory instead of the site under test. */
  root?: string;
  /** Extra Chromium flags, e.g. ['--disable-features=XSLT'] for a browser without XSLT. */
  browserFlags?: string[];
}

export interface OpenedPage {
  page: Page;
  response: Response | null;
  /** Absolute URL that was opened. */
  url: string;
  /** URLs of requests to any other host (aborted). Must stay empty. */
  external: string[];
  /** Uncaught exceptions thrown by page scripts. */
  pageErrors: string[];
  /** Same-site requests that failed or answered ≥ 400, as "STATUS url". */
  failedRequests: string[];
  /** console.error messages (informational: Chromium also logs failed loads here). */
  consoleErrors: string[];
}

/** Schemes that never leave the page. Anything else not on the local origin is external. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

export async function openPage(path: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const { width = 1280, height = 900, expectStatus = 200, strict = true } = options;
  const server = await serverFor(resolve(options.root ?? distDir()));
  const browser = await getBrowser(options.browserFlags);
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
  });

  const external: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];
  const consoleErrors: string[] = [];
  const isLocal = (raw: string) => {
    const url = new URL(raw);
    return LOCAL_SCHEMES.has(url.protocol) || url.origin === server.origin;
  };

  // Abort before anything leaves the machine; record so the test fails.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    if (!isLocal(req.url())) external.push(req.url());
  });

  const page = await context.newPage();
  page.on('websocket', (ws) => {
    if (!isLocal(ws.url())) external.push(ws.url());
  });
  page.on('pageerror', (err) => pageErrors.push(err.stack ?? err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('response', (res) => {
    const req = res.request();
    // The page's own status is checked against expectStatus instead.
    const isMainDocument = req.isNavigationRequest() && req.frame() === page.mainFrame();
    if (res.status() >= 400 && isLocal(res.url()) && !isMainDocument) failedRequests.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? 'failed';
    // ERR_ABORTED is a cancelled load (navigation, page closed, or the tail of a 4xx already
    // recorded above), not a fault of the site.
    if (isLocal(req.url()) && error !== 'net::ERR_ABORTED') failedRequests.push(`${error} ${req.url()}`);
  });

  const check = async () => {
    const problems: string[] = [];
    if (external.length > 0) problems.push(`requested other hosts:\n  ${external.join('\n  ')}`);
    if (strict && pageErrors.length > 0) problems.push(`uncaught script errors:\n  ${pageErrors.join('\n  ')}`);
    if (strict && failedRequests.length > 0) problems.push(`failed same-site requests:\n  ${failedRequests.join('\n  ')}`);
    await context.close().catch(() => undefined);
    return problems.length > 0 ? `${path} (width ${width}) ${problems.join('\n')}` : undefined;
  };
  try {
    onTestFinished(async () => {
      const problem = await check();
      if (problem) throw new Error(problem);
    });
  } catch {
    // Not inside a test (beforeAll/describe): checked in this module's afterAll instead.
    orphanChecks.push(check);
  }

  const url = new URL(path, `${server.origin}/`).href;
  const response = await page.goto(url, { waitUntil: 'load' });
  const status = response?.status();
  if (status !== expectStatus) throw new Error(`${path}: expected status ${expectStatus}, got ${status ?? 'no response'}`);
  return { page, response, url, external, pageErrors, failedRequests, consoleErrors };
}

let axeSource: string | undefined;

/** Run axe-core (injected from node_modules, no network) on the page; return the violations. */
export async function runAxe(page: Page, tags: string[] = AXE_TAGS): Promise<AxeViolation[]> {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  // evaluate() (not a <script> tag) so a strict Content-Security-Policy cannot block axe.
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
    return results.violations;
  }, tags);
}

/** A readable summary of axe violations, for use as an assertion message. */
export function formatViolations(violations: AxeViolation[]): string {
  if (violations.length === 0) return 'no accessibility violations';
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.html.slice(0, 160)}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … ${v.nodes.length - 5} more` : '';
      return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Save a PNG of the page to /tmp/qingdan-shots/<name>.png and return its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'page';
  const file = join(SHOTS_DIR, `${safe}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}
