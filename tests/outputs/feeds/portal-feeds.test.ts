// The portal's Atom feeds (portal-feeds.ts, written by atom.ts): well-formed, stable, escaped, demo-labelled, scoped.
import { describe, expect, it } from 'vitest';
import { atomDate, buildAtomFeed } from '../../../src/outputs/feeds/atom';
import { changesOf } from '../../../src/outputs/feeds/changes';
import { allFeed, departmentFeed, regionFeed } from '../../../src/outputs/feeds/portal-feeds';
import { largePortal, smallPortal } from '../../fixtures/portal-data';
import { DEMO_LABEL } from '../../../src/portal/labels';
import { taskUrl } from '../../../src/domain/urls';
import { child, children, parseXml, processingInstructions } from './xml';
import { documentFeed } from '../../../src/outputs/feeds/portal-feeds';
import { makePortal } from '../../fixtures/portal-data';
import { CHANGES_FIXTURE } from '../../fixtures/changes';
import { CHANGE_KINDS } from '../../../src/portal/changes';

const SITE = 'https://qingdan.example.cn';

describe('Atom feeds', () => {
  const portal = smallPortal();
  const xml = allFeed(portal, SITE);
  const feed = parseXml(xml);
  const entries = children(feed, 'entry');

  it('is well-formed Atom with absolute, stable ids and links', () => {
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'id')?.text).toBe(`${SITE}/feeds/all.xml`);
    expect(children(feed, 'link').map((l) => [l.attrs.rel, l.attrs.href])).toEqual([
      ['self', `${SITE}/feeds/all.xml`],
      ['alternate', `${SITE}/`],
    ]);
    expect(entries.length).toBe(changesOf(portal, portal.tasks).length);
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated', 'author', 'summary']) expect(child(e, name), name).toBeDefined();
      expect(child(e, 'link')?.attrs.href.startsWith(`${SITE}/tasks/`)).toBe(true);
      expect(child(e, 'updated')?.text).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    }
    expect(new Set(entries.map((e) => child(e, 'id')?.text)).size).toBe(entries.length);
    expect(allFeed(portal, SITE)).toBe(xml);
  });

  it('dates the feed by its newest entry', () => {
    expect(child(feed, 'updated')?.text).toBe(child(entries[0], 'updated')?.text);
    const empty = parseXml(
      buildAtomFeed({ site: SITE, path: '/feeds/x.xml', alternatePath: '/', title: 't', quietSince: '2021-01-15', changes: [] }),
    );
    expect(child(empty, 'updated')?.text).toBe(atomDate('2021-01-15'));
    expect(children(empty, 'entry')).toEqual([]);
  });

  it('dates a feed with nothing to say by its plan, not the build date, so it keeps its bytes day to day', () => {
    // One task due in 2030 and never reported: no entry on either day.
    const quiet = (day: string) =>
      documentFeed(
        makePortal([{ slug: 'quiet', regionCode: '542500', tasks: [{ deadline: { text: '2030年底前', date: '2030-12-31' } }] }], day),
        SITE,
        'quiet',
      )!;
    const first = quiet('2021-03-02');
    expect(children(parseXml(first), 'entry')).toEqual([]);
    expect(child(parseXml(first), 'updated')?.text).toBe(atomDate('2018-12-20')); // the plan's 发布日期
    expect(quiet('2021-03-03')).toBe(first);
  });

  it('keeps hostile text intact through escaping', () => {
    const t1 = portal.taskById.get('ali-demo/t1')!;
    const e = entries.find((x) => child(x, 'id')?.text === `${SITE}${taskUrl('ali-demo/t1')}#status-2020`)!;
    expect(child(e, 'title')?.text).toContain(t1.task.title);
    expect(child(e, 'summary')?.text).toContain('已完成 <b>验收</b> & "销号"');
  });

  it('labels demo entries and the feed, and not official ones', () => {
    expect(child(feed, 'subtitle')?.text.startsWith(DEMO_LABEL)).toBe(true);
    for (const e of entries) {
      const official = child(e, 'link')!.attrs.href.includes('pulan-official');
      expect(child(e, 'title')!.text.includes(DEMO_LABEL)).toBe(!official);
      expect(children(e, 'category').some((c) => c.attrs.term === 'demo')).toBe(!official);
    }
  });

  it('scopes region feeds to the region and its descendants, department feeds to their tasks', () => {
    const taskOf = (x: string) =>
      children(parseXml(x), 'entry')
        .map((e) => child(e, 'link')!.attrs.href.replace(SITE, ''))
        .filter((href) => href.startsWith('/tasks/'));
    const province = taskOf(regionFeed(portal, SITE, '540000')!);
    const county = taskOf(regionFeed(portal, SITE, '542521')!);
    expect(province.length).toBe(entries.length);
    expect(new Set(county)).toEqual(new Set([taskUrl('pulan-official/p1')]));
    const nmj = new Set(taskOf(departmentFeed(portal, SITE, '542500-nmj')!));
    expect(nmj).toEqual(new Set([taskUrl('ali-demo/t1'), taskUrl('pulan-official/p1')]));
    expect(taskOf(departmentFeed(portal, SITE, '542500-hbj')!)).toEqual([]);
    expect(regionFeed(portal, SITE, '000000')).toBeNull();
    expect(departmentFeed(portal, SITE, 'nope')).toBeNull();
    const official = parseXml(regionFeed(portal, SITE, '542521')!);
    expect(child(official, 'subtitle')?.text.includes(DEMO_LABEL)).toBe(false);
  });

  it('caps the number of entries', () => {
    const big = largePortal(600);
    const parsed = parseXml(allFeed(big, SITE));
    expect(children(parsed, 'entry').length).toBe(200);
  });
});

describe('本期变化 in the feeds', () => {
  const portal = makePortal([CHANGES_FIXTURE], '2020-12-31');
  const xml = regionFeed(portal, SITE, '542500')!;
  const feed = parseXml(xml);
  const digests = children(feed, 'entry').filter((e) => child(e, 'link')!.attrs.href.endsWith('/changes/'));

  it('shows in a browser through the site stylesheet', () => {
    const stylesheets = [
      ['xml-stylesheet', 'type="text/xsl" href="/feed.xsl"'],
      ['xml-stylesheet', 'type="text/css" href="/feed.css"'],
    ];
    expect(processingInstructions(xml)).toEqual(stylesheets);
    expect(processingInstructions(allFeed(portal, SITE))).toEqual(stylesheets);
  });

  it('carries the changes of the region as one entry per comparison, every kind named, newest first', () => {
    expect(digests).toHaveLength(1);
    const [d] = digests;
    expect(child(d, 'id')!.text).toBe(`${SITE}/regions/542500/changes/#2020-vs-2019`);
    expect(child(d, 'link')!.attrs.href).toBe(`${SITE}/regions/542500/changes/`);
    expect(child(d, 'title')!.text).toContain('本期变化：2020年 与 2019年相比');
    const summary = child(d, 'summary')!.text;
    for (const k of CHANGE_KINDS) {
      expect(child(d, 'title')!.text).toContain(k.label);
      expect(summary).toContain(`${k.label}（`);
      expect(children(d, 'category').some((c) => c.attrs.term === `changes-${k.kind}`)).toBe(true);
    }
    expect(summary).toContain('达到序时进度 → 未达到序时进度');
    expect(summary.startsWith(DEMO_LABEL)).toBe(true);
    expect(child(d, 'updated')!.text).toBe(child(feed, 'updated')!.text);
  });

  it('has a feed per document with its changes, none for an unknown one, the same bytes every time', () => {
    const doc = documentFeed(portal, SITE, 'ali-changes')!;
    const parsed = parseXml(doc);
    expect(child(parsed, 'id')!.text).toBe(`${SITE}/feeds/documents/ali-changes.xml`);
    expect(children(parsed, 'entry').some((e) => child(e, 'id')!.text === `${SITE}/documents/ali-changes/changes/#2020-vs-2019`)).toBe(
      true,
    );
    expect(documentFeed(portal, SITE, 'nope')).toBeNull();
    expect(documentFeed(makePortal([CHANGES_FIXTURE], '2020-12-31'), SITE, 'ali-changes')).toBe(doc);
    expect(regionFeed(makePortal([CHANGES_FIXTURE], '2020-12-31'), SITE, '542500')).toBe(xml);
  });

  it('leaves the changes out of a feed whose tasks did not change', () => {
    const calm = makePortal([
      {
        slug: 'calm',
        regionCode: '542500',
        tasks: [{ reports: { '2019': { status: '达到序时进度' }, '2020': { status: '达到序时进度' } } }],
      },
    ]);
    const entries = children(parseXml(regionFeed(calm, SITE, '542500')!), 'entry');
    expect(entries.some((e) => child(e, 'link')!.attrs.href.includes('/changes/'))).toBe(false);
  });
});
