// The open data, feeds and sitemap as built into dist/: complete against the ingested documents,
// every url resolving to a built page, CSV readable by spreadsheets, demo data labelled.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestAll } from '../../src/sources/documents/index.ts';
import { DATA_FILE_DOCS, fileJsonSchema, flattenSchema } from '../../src/outputs/data/docs.ts';
import { DEMO_LABEL } from '../../src/portal/labels.ts';
import { documentsFileSchema, reportsFileSchema, tasksFileSchema, unitsFileSchema, type TasksFile } from '../../src/outputs/data/schema.ts';
import { departmentFeedUrl, documentFeedUrl, documentUrl, feedUrl, openDataUrl, regionFeedUrl } from '../../src/domain/urls.ts';
import { formatViolations, openPage, runAxe, screenshot } from '../helpers/browser.ts';

let dist = '';
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const readJson = (path: string) => JSON.parse(read(path)) as unknown;
/** A site path such as /tasks/a/t1/ names a built page. */
const pageExists = (path: string) => existsSync(join(dist, decodeURI(path), path.endsWith('/') ? 'index.html' : ''));

function csvRows(path: string): string[][] {
  const bytes = readFileSync(join(dist, path));
  expect([...bytes.subarray(0, 3)], `${path} starts with a UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
  expect(parsed.errors, path).toEqual([]);
  return parsed.data;
}

let tasks: TasksFile;
beforeAll(() => {
  dist = inject('distDir');
  tasks = tasksFileSchema.parse(readJson('/data/tasks.json'));
});

describe('/data/tasks.json', () => {
  it('holds every task of every document, in order, each url a built page', async () => {
    const documents = await ingestAll();
    expect(documents.length).toBeGreaterThan(0);
    const expected = documents.flatMap((d) => d.tasks.map((t) => t.id));
    expect(tasks.tasks.map((t) => t.id)).toEqual(expected);
    expect(tasks.count).toBe(expected.length);
    const missing = tasks.tasks.filter((t) => !t.url.startsWith('/') || !pageExists(t.url)).map((t) => t.url);
    expect(missing, 'task urls without a page').toEqual([]);
    const byId = new Map(documents.flatMap((d) => d.tasks.map((t) => [t.id, t] as const)));
    for (const t of tasks.tasks) expect(t.text).toBe(byId.get(t.id)!.text);
  });

  it('links every document and unit to a built page', () => {
    const urls = new Set(tasks.tasks.flatMap((t) => [t.document.url, ...t.units.map((u) => u.url)]));
    expect([...urls].filter((u) => !pageExists(u))).toEqual([]);
  });

  it('labels demo status data as such', () => {
    const demoStatuses = tasks.tasks.filter((t) => t.status?.demo);
    expect(tasks.demo).toBe(demoStatuses.length > 0 || tasks.tasks.some((t) => t.demo));
    if (tasks.demo) expect(tasks.notice?.startsWith(DEMO_LABEL)).toBe(true);
    else expect(tasks.notice).toBeNull();
  });
});

describe('CSV files', () => {
  it('tasks.csv: BOM, parses to one row per task, same ids and demo flags', () => {
    const rows = csvRows('/data/tasks.csv');
    expect(rows.length - 1).toBe(tasks.tasks.length);
    const head = rows[0];
    expect(rows.slice(1).map((r) => r[head.indexOf('任务编号')])).toEqual(tasks.tasks.map((t) => t.id));
    const demoCol = head.indexOf('示例数据');
    expect(demoCol).toBeGreaterThan(-1);
    rows.slice(1).forEach((r, i) => expect(r[demoCol]).toBe(tasks.tasks[i].demo || tasks.tasks[i].status?.demo === true ? '是' : '否'));
  });

  it('units.csv and reports.csv: one row per record of their JSON', () => {
    const units = unitsFileSchema.parse(readJson('/data/units.json'));
    expect(csvRows('/data/units.csv').length - 1).toBe(units.units.length);
    const reports = reportsFileSchema.parse(readJson('/data/reports.json'));
    expect(csvRows('/data/reports.csv').length - 1).toBe(reports.reports.length);
    if (reports.reports.some((r) => r.demo)) expect(reports.notice?.startsWith(DEMO_LABEL)).toBe(true);
  });
});

describe('documents.json, schemas and /data/', () => {
  it('documents.json lists every document with a built page', () => {
    const docs = documentsFileSchema.parse(readJson('/data/documents.json'));
    const slugs = [...new Set(tasks.tasks.map((t) => t.document.slug))];
    expect(docs.documents.map((d) => d.slug)).toEqual(expect.arrayContaining(slugs));
    for (const d of docs.documents) expect(pageExists(d.url), d.url).toBe(true);
    expect(docs.documents.map((d) => d.url)).toEqual(docs.documents.map((d) => documentUrl(d.slug)));
  });

  it('publishes each JSON Schema and documents every field on /data/', () => {
    const page = read('/data/index.html');
    for (const doc of DATA_FILE_DOCS) {
      const schema = readJson(doc.schema) as Record<string, unknown>;
      expect(schema.$id).toBe(tasks.site + doc.schema);
      for (const field of flattenSchema(fileJsonSchema(doc, tasks.site))) expect(page, `${doc.key}: ${field.path}`).toContain(field.path);
    }
  });
});

describe('feeds and sitemap', () => {
  it('has the portal feed, a feed per region of a document and per department', () => {
    expect(read(feedUrl())).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const docs = documentsFileSchema.parse(readJson('/data/documents.json'));
    for (const d of docs.documents) expect(existsSync(join(dist, regionFeedUrl(d.regionCode))), d.regionCode).toBe(true);
    const units = unitsFileSchema.parse(readJson('/data/units.json'));
    for (const dep of units.departments) expect(existsSync(join(dist, departmentFeedUrl(dep.id))), dep.id).toBe(true);
    for (const d of docs.documents) {
      const feed = read(documentFeedUrl(d.slug));
      expect(feed.split('\n').slice(1, 3), d.slug).toEqual([
        '<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>',
        '<?xml-stylesheet type="text/css" href="/feed.css"?>',
      ]);
    }
    // Opened in a browser, a feed is shown through the site's own stylesheet (feeds.test.ts looks).
    expect(read('/feed.xsl')).toContain('<xsl:stylesheet');
    expect(read('/feed.css')).toContain('feed::before');
  });

  it('lists every built page in the sitemap, and only built pages', () => {
    const xml = read('/sitemap.xml');
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    const chunks = xml.includes('<sitemapindex') ? locs.map((l) => l.slice(tasks.site.length)) : [];
    const urls = chunks.length ? chunks.flatMap((c) => [...read(c).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])) : locs;
    const paths = urls.map((u) => {
      expect(u.startsWith(tasks.site + '/'), u).toBe(true);
      return u.slice(tasks.site.length);
    });
    expect(
      paths.filter((p) => !pageExists(p)),
      'sitemap urls without a page',
    ).toEqual([]);
    const built: string[] = [];
    const walk = (dir: string, path: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name), `${path}${e.name}/`);
        else if (e.name === 'index.html') built.push(path);
      }
    };
    walk(dist, '/');
    const listed = new Set(paths.map((p) => decodeURI(p)));
    // Later pages of paged lists (…/page/2/) are continuations, deliberately not listed.
    const missing = built.filter((p) => !listed.has(p) && !/\/page\/\d+\/$/.test(p));
    expect(missing, 'built pages missing from the sitemap').toEqual([]);
    for (const t of tasks.tasks) expect(listed.has(t.url), t.url).toBe(true);
  });
});

describe.each([1280, 375])('/data/ at %i px', (width) => {
  it('is accessible, self-contained and says when status data is demo', async () => {
    const { page, external } = await openPage(openDataUrl(), { width });
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    if (tasks.demo) expect(await page.locator('main').innerText()).toContain(DEMO_LABEL);
    await screenshot(page, `data-${width}`, { fullPage: width === 375 ? false : true });
    expect(external).toEqual([]);
  });
});
