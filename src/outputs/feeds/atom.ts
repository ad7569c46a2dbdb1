// Atom (RFC 4287) feeds of status changes and of 本期变化 (one entry per pair of periods compared). Pure: portal data and the site URL in, XML text out.
// Ids are absolute URLs that depend only on the site, the task id and the period, so they stay
// stable across rebuilds and readers do not see old changes as new.
import { STATUS } from '../../domain/status-catalogue';
import { DEMO_LABEL } from '../../portal/labels';
import { feedCssUrl, feedStylesheetUrl, taskUrl } from '../../domain/urls';
import type { StatusChange } from './changes';
import { escapeXml } from '../../portal/escape';
import { markdownToText } from '../../portal/markdown';
import { changeKindInfo, comparisonLabel, stateLabel, type Comparison, type TaskChange } from '../../portal/changes';
import { documentTitle } from '../../portal/titles';

export const FEED_AUTHOR = '清单 qingdan';
/** Readers poll often; older changes stay on the task pages and in /data/reports.json. */
export const DEFAULT_MAX_ENTRIES = 200;

export interface FeedSpec {
  /** Site URL without trailing slash. */
  site: string;
  /** Path of the feed itself: /feeds/all.xml. */
  path: string;
  /** Path of the HTML page the feed follows: / or /regions/542500/. */
  alternatePath: string;
  title: string;
  subtitle?: string;
  /**
   * YYYY-MM-DD: the feed's <updated> when it has no entries. Not the build date: a feed with nothing
   * new keeps its bytes from one day's build to the next (see quietFeedDate).
   */
  quietSince: string;
  /** Newest first (see changesOf). */
  changes: readonly StatusChange[];
  /** 本期变化: one entry per pair of periods compared, linking to the changes page (see changeDigests). */
  digests?: readonly ChangeDigest[];
  maxEntries?: number;
}

/** The changes of one comparison (2026年 与 2025年相比) of a feed's tasks, as one entry. */
export interface ChangeDigest {
  comparison: Comparison;
  /** In the order of the changes page: by kind, then as listed there. */
  changes: readonly TaskChange[];
  /** Path of the changes page: /regions/632100/changes/. */
  pagePath: string;
}

/** Lines per kind in a digest's summary; the rest are on the changes page. */
export const DIGEST_LINES_PER_KIND = 50;

/** RFC 3339 timestamp for a calendar date in China Standard Time. */
export const atomDate = (day: string) => `${day}T00:00:00+08:00`;

/** Entry id: the task page plus the period, e.g. https://x.cn/tasks/ali/t1/#status-2020 */
export const entryId = (site: string, c: StatusChange) => `${site}${taskUrl(c.view.task.id)}#status-${c.at.period.id}`;

const stateText = (status: string, overdue: boolean) => (overdue && status !== STATUS.overdue ? `${status}（已逾期）` : status);

export function entryTitle(c: StatusChange): string {
  const { task } = c.view;
  const demo = c.demo ? `【${DEMO_LABEL}】` : '';
  return `${demo}${c.at.period.label} · ${stateText(c.at.status, c.at.overdue)}：任务${task.number} ${task.title}`;
}

export function entrySummary(c: StatusChange): string {
  const { task, document } = c.view;
  const lines = [
    c.demo ? `${DEMO_LABEL}：此状态为演示用示例数据，不是官方进展。` : null,
    `文件：${document.title ?? document.slug}${document.docNumber ? `（${document.docNumber}）` : ''}`,
    `任务${task.number}：${task.title}`,
    c.previous
      ? `状态由“${stateText(c.previous.status, c.previous.overdue)}”（${c.previous.periodLabel}）变为“${stateText(c.at.status, c.at.overdue)}”（${c.at.period.label}）。`
      : `首次报告状态：“${stateText(c.at.status, c.at.overdue)}”（${c.at.period.label}）。`,
    c.at.report ? `报告单位：${c.at.report.reportingUnit}；报告日期：${c.at.report.reportedOn}。` : `${c.at.period.label}未报告。`,
    // The note's text from the same tree the page renders (src/portal/markdown.ts): no Markdown marks, no URLs of refused links.
    c.at.report?.progress.trim() ? `进展情况：${markdownToText(c.at.report.progress)}` : null,
  ];
  return lines.filter(Boolean).join('\n');
}

/** Digest entry id: the changes page plus the two periods, e.g. https://x.cn/regions/632100/changes/#2026-vs-2025 */
export const digestId = (site: string, d: ChangeDigest) =>
  `${site}${d.pagePath}#${d.comparison.period.id}-vs-${d.comparison.previousPeriod.id}`;

/** YYYY-MM-DD: the latest day one of the digest's changes took effect. */
export const digestUpdated = (d: ChangeDigest) => d.changes.reduce((max, c) => (c.since > max ? c.since : max), d.comparison.period.start);

const kindCounts = (d: ChangeDigest) => {
  const counts = new Map<string, number>();
  for (const c of d.changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => ({ info: changeKindInfo(kind as TaskChange['kind']), n }));
};

export function digestTitle(d: ChangeDigest): string {
  const demo = d.changes.some((c) => c.demo) ? `【${DEMO_LABEL}】` : '';
  return `${demo}本期变化：${comparisonLabel(d.comparison)}，${kindCounts(d)
    .map(({ info, n }) => `${info.label} ${n} 项`)
    .join('、')}`;
}

export function digestSummary(d: ChangeDigest): string {
  const lines: string[] = [];
  if (d.changes.some((c) => c.demo)) lines.push(`${DEMO_LABEL}：以下状态含演示用示例数据，不是官方进展。`);
  lines.push(`${comparisonLabel(d.comparison)}，${d.comparison.tasks} 项任务中 ${d.comparison.changed} 项有变化。`);
  for (const { info, n } of kindCounts(d)) {
    lines.push('', `${info.label}（${n} 项）：`);
    const own = d.changes.filter((c) => c.kind === info.kind);
    for (const c of own.slice(0, DIGEST_LINES_PER_KIND)) {
      const { task, document } = c.view;
      lines.push(`· 任务${task.number} ${task.title}（${documentTitle(document)}）：${stateLabel(c.from)} → ${stateLabel(c.to)}`);
    }
    if (own.length > DIGEST_LINES_PER_KIND) lines.push(`……另有 ${own.length - DIGEST_LINES_PER_KIND} 项，见本期变化页面。`);
  }
  return lines.join('\n');
}

function digestXml(site: string, d: ChangeDigest): string {
  const demo = d.changes.some((c) => c.demo);
  return [
    '<entry>',
    `<id>${escapeXml(digestId(site, d))}</id>`,
    `<title type="text">${escapeXml(digestTitle(d))}</title>`,
    `<updated>${atomDate(digestUpdated(d))}</updated>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(site + d.pagePath)}"/>`,
    `<author><name>${escapeXml(FEED_AUTHOR)}</name></author>`,
    `<category term="changes" label="本期变化"/>`,
    ...kindCounts(d).map(({ info }) => `<category term="changes-${info.kind}" label="${escapeXml(info.label)}"/>`),
    demo ? `<category term="demo" label="${escapeXml(DEMO_LABEL)}"/>` : '',
    `<summary type="text">${escapeXml(digestSummary(d))}</summary>`,
    '</entry>',
  ]
    .filter(Boolean)
    .join('\n');
}

function entryXml(site: string, c: StatusChange): string {
  const href = site + taskUrl(c.view.task.id);
  const author = c.at.report?.reportingUnit || c.view.document.issuer || FEED_AUTHOR;
  return [
    '<entry>',
    `<id>${escapeXml(entryId(site, c))}</id>`,
    `<title type="text">${escapeXml(entryTitle(c))}</title>`,
    `<updated>${atomDate(c.updated)}</updated>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
    `<author><name>${escapeXml(author)}</name></author>`,
    `<category term="${escapeXml(c.at.status)}" label="${escapeXml(c.at.status)}"/>`,
    c.demo ? `<category term="demo" label="${escapeXml(DEMO_LABEL)}"/>` : '',
    `<summary type="text">${escapeXml(entrySummary(c))}</summary>`,
    '</entry>',
  ]
    .filter(Boolean)
    .join('\n');
}

interface FeedEntry {
  updated: string;
  demo: boolean;
  xml: () => string;
}

/**
 * The entries newest first: digests and task changes merged by date; on the same day a digest comes
 * before task changes, and each list keeps its own order, so the bytes never depend on anything else.
 */
function feedEntries(spec: FeedSpec): FeedEntry[] {
  const { site } = spec;
  const digests = (spec.digests ?? []).filter((d) => d.changes.length > 0);
  const all = [
    ...digests.map((d) => ({ updated: digestUpdated(d), demo: d.changes.some((c) => c.demo), xml: () => digestXml(site, d), rank: 0 })),
    ...spec.changes.map((c) => ({ updated: c.updated, demo: c.demo, xml: () => entryXml(site, c), rank: 1 })),
  ];
  return all
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => (a.updated !== b.updated ? (a.updated < b.updated ? 1 : -1) : a.rank - b.rank || a.i - b.i))
    .slice(0, spec.maxEntries ?? DEFAULT_MAX_ENTRIES);
}

export function buildAtomFeed(spec: FeedSpec): string {
  const { site } = spec;
  const entries = feedEntries(spec);
  const hasDemo = entries.some((c) => c.demo);
  const subtitle = [hasDemo ? `${DEMO_LABEL}：本订阅含演示用示例数据，并非官方进展。` : null, spec.subtitle ?? null]
    .filter(Boolean)
    .join(' ');
  // Entries come newest first, so the first one dates the feed.
  const updated = atomDate(entries[0]?.updated ?? spec.quietSince);
  const self = site + spec.path;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    // Opened in a browser, the feed shows as a page (public/feed.xsl); feed readers ignore this line.
    `<?xml-stylesheet type="text/xsl" href="${escapeXml(feedStylesheetUrl())}"?>`,
    // …and where the browser has dropped XSLT, plain styles (public/feed.css) instead of an XML tree.
    `<?xml-stylesheet type="text/css" href="${escapeXml(feedCssUrl())}"?>`,
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${escapeXml(self)}</id>`,
    `<title type="text">${escapeXml(spec.title)}</title>`,
    subtitle ? `<subtitle type="text">${escapeXml(subtitle)}</subtitle>` : '',
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(site + spec.alternatePath)}"/>`,
    `<author><name>${escapeXml(FEED_AUTHOR)}</name></author>`,
    '<generator>qingdan</generator>',
    ...entries.map((e) => e.xml()),
    '</feed>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}
