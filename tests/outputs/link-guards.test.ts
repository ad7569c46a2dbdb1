// Every output checks the link rule (src/domain/links.ts) again before it writes a URL, so that a URL that
// got past input validation (a fixture, a future source, a bug) still never becomes a link: data files
// (JSON and CSV) leave it out, PDF reports show its text, feeds carry a note's text, not its Markdown.
import { describe, expect, it } from 'vitest';
import type { Portal } from '../../src/portal/types';
import type { StatusReport } from '../../src/domain/types';
import { documentsFile, reportRecords, reportsFile } from '../../src/outputs/data/records';
import { reportsCsv } from '../../src/outputs/data/tables';
import { reportsForPortal } from '../../src/outputs/pdf/report-model';
import { reportSource } from '../../src/outputs/pdf/typst-source';
import { palette } from '../../src/outputs/pdf/palette';
import { allFeed } from '../../src/outputs/feeds/portal-feeds';
import { makePortal as makePdfPortal, SMALL_DOCUMENTS } from '../fixtures/portal-pdf';
import { makePortal } from '../fixtures/portal-data';

const SITE = 'https://qingdan.example.cn';
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(2)',
  'data:text/html,<script>alert(3)</script>',
  'vbscript:msgbox(4)',
  '//evil.example/5',
  'http://user:pw@evil.example/6',
  ' javascript:alert(7)',
  'java\tscript:alert(8)',
];
/** What must appear nowhere in an output: any of the hostile URLs' telling parts. */
const LEAK = /javascript|vbscript|data:text|evil\.example|user:pw/i;

/** A portal whose document source, report source and evidence all carry hostile URLs (beside good ones). */
function hostilePortal(): Portal {
  const portal = makePortal([
    {
      slug: 'bad-links',
      regionCode: '542500',
      sourceUrl: 'javascript:alert(0)',
      tasks: [
        {
          localId: 't1',
          text: '加强草原保护。',
          units: [{ name: '地区农牧局', role: 'lead' }],
          reports: {
            '2019': { status: '达到序时进度', demo: false, source: { title: '坏来源', url: 'javascript:alert(9)' } },
            '2020': { status: '已完成', progress: '**已完成** [公示](javascript:alert(10)) 与 [通知](https://www.gov.cn/ok)' },
          },
        },
      ],
    },
  ]);
  const view = portal.taskById.get('bad-links/t1')!;
  (view.reports[0] as { evidence: StatusReport['evidence'] }).evidence = [
    ...HOSTILE_URLS.map((url, i) => ({ title: `坏链接${i}`, url })),
    { title: '好链接', url: 'https://www.gov.cn/evidence' },
  ];
  return portal;
}

describe('data files', () => {
  const portal = hostilePortal();

  it('reports.json keeps allowed evidence and sources, and leaves refused URLs out', () => {
    const file = reportsFile(portal, SITE);
    const r2019 = file.reports.find((r) => r.taskId === 'bad-links/t1' && r.periodId === '2019')!;
    expect(r2019.evidence).toEqual([{ title: '好链接', url: 'https://www.gov.cn/evidence' }]);
    expect(r2019.sourceUrl).toBeNull();
    expect(r2019.sourceTitle).toBe('坏来源');
    // The progress field is the note's Markdown source as written (documented so): only it may hold the text.
    expect(JSON.stringify(file.reports.map((r) => ({ ...r, progress: '' })))).not.toMatch(LEAK);
  });

  it('reports.csv, made from the same records, holds none of them', () => {
    const csv = reportsCsv(
      reportRecords(portal).map((r) => ({ ...r, progress: '' })),
      SITE,
    );
    expect(csv).not.toMatch(LEAK);
    expect(csv).toContain('好链接 https://www.gov.cn/evidence');
  });

  it('documents.json gives null for a refused source URL', () => {
    const file = documentsFile(portal, SITE);
    expect(file.documents.find((d) => d.slug === 'bad-links')!.sourceUrl).toBeNull();
    expect(JSON.stringify(file)).not.toMatch(LEAK);
  });
});

describe('PDF reports', () => {
  it('link only allowed URLs and show the others as text', () => {
    const docs = SMALL_DOCUMENTS.map((d, i) =>
      i === 0
        ? {
            ...d,
            sourceUrl: 'javascript:alert(1)',
            tasks: d.tasks.map((t, j) =>
              j === 0
                ? {
                    ...t,
                    reports: {
                      '2019': {
                        status: '达到序时进度' as const,
                        demo: false,
                        source: { title: '坏来源', url: 'http://user:pw@evil.example/' },
                      },
                    },
                  }
                : t,
            ),
          }
        : d,
    );
    const specs = reportsForPortal(makePdfPortal(docs), { siteUrl: SITE });
    const spec = specs.find((s) => s.documents.some((d) => d.sourceUrl === 'javascript:alert(1)'))!;
    expect(spec).toBeDefined();
    const source = reportSource(spec, palette);
    const links = [...source.matchAll(/#link\("((?:[^"\\]|\\.)*)"\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href, href).toMatch(/^https:\/\/(qingdan\.example\.cn|www\.example\.gov\.cn)\//);
    // The refused URL is there as escaped text, not as a link.
    expect(source).toContain('原文：javascript\\:alert(1)');
    expect(source).not.toMatch(/#link\("[^"]*(javascript|evil)/);
    expect(source).toContain('坏来源');
  });
});

describe('Atom feeds', () => {
  it('carry a note as text: no Markdown marks and no URL of a refused link', () => {
    const feed = allFeed(hostilePortal(), SITE);
    expect(feed).toContain('进展情况：已完成 公示 与 通知');
    expect(feed).not.toMatch(LEAK);
    expect(feed).not.toContain('**');
  });
});
