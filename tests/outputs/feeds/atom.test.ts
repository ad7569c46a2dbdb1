// Atom entries (atom.ts): a progress note reaches a feed as its text, from the same tree the page renders
// (src/portal/markdown.ts): no Markdown marks, no URL of a link the link rule refuses.
import { describe, expect, it } from 'vitest';
import { entrySummary } from '../../../src/outputs/feeds/atom';
import { changesOf } from '../../../src/outputs/feeds/changes';
import { allFeed } from '../../../src/outputs/feeds/portal-feeds';
import { hostileLinksPortal, LINK_LEAK } from '../../fixtures/hostile-links';

describe('entrySummary', () => {
  it('carries a note as text: no Markdown marks and no URL of a refused link', () => {
    const portal = hostileLinksPortal();
    const change = changesOf(portal, portal.tasks).find((c) => c.at.period.id === '2020')!;
    const summary = entrySummary(change);
    expect(summary).toContain('进展情况：已完成 公示 与 通知');
    expect(summary).not.toMatch(LINK_LEAK);
    expect(summary).not.toContain('**');
    expect(allFeed(portal, 'https://qingdan.example.cn')).not.toMatch(LINK_LEAK);
  });
});
