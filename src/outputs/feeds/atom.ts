// Atom (RFC 4287) feeds of status changes. Pure: portal data and the site URL in, XML text out.
// Ids are absolute URLs that depend only on the site, the task id and the period, so they stay
// stable across rebuilds and readers do not see old changes as new.
import { STATUS } from '../../domain/status-catalogue';
import { DEMO_LABEL } from '../../portal/labels';
import { taskUrl } from '../../domain/urls';
import type { StatusChange } from './changes';
import { escapeXml } from '../../portal/escape';
import { markdownToText } from '../../portal/markdown';

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
  /** YYYY-MM-DD: the feed's <updated> when it has no entries. */
  generatedOn: string;
  /** Newest first (see changesOf). */
  changes: readonly StatusChange[];
  maxEntries?: number;
}

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

export function buildAtomFeed(spec: FeedSpec): string {
  const { site } = spec;
  const entries = spec.changes.slice(0, spec.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const hasDemo = entries.some((c) => c.demo);
  const subtitle = [hasDemo ? `${DEMO_LABEL}：本订阅含演示用示例数据，并非官方进展。` : null, spec.subtitle ?? null]
    .filter(Boolean)
    .join(' ');
  // Entries come newest first, so the first one dates the feed.
  const updated = atomDate(entries[0]?.updated ?? spec.generatedOn);
  const self = site + spec.path;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${escapeXml(self)}</id>`,
    `<title type="text">${escapeXml(spec.title)}</title>`,
    subtitle ? `<subtitle type="text">${escapeXml(subtitle)}</subtitle>` : '',
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(site + spec.alternatePath)}"/>`,
    `<author><name>${escapeXml(FEED_AUTHOR)}</name></author>`,
    '<generator>qingdan</generator>',
    ...entries.map((c) => entryXml(site, c)),
    '</feed>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}
