import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/portal/contrast';
import { HC_PAGE_BG, HC_PAGE_FG, PAGE_BG, PAGE_FG, STATUS_SLUGS, highContrastPalette, palette, statusCss } from '../../src/portal/palette';
import { ALL_STATUSES } from '../../src/domain/status-catalogue';

describe.each([
  ['ordinary', palette, PAGE_BG, PAGE_FG],
  ['high contrast', highContrastPalette, HC_PAGE_BG, HC_PAGE_FG],
] as const)('%s palette', (_name, p, pageBg, pageFg) => {
  it('covers every status, reported and derived', () => {
    expect(Object.keys(p).sort()).toEqual([...ALL_STATUSES].sort());
  });
  it.each(ALL_STATUSES)('%s: text on its fill is AA (≥ 4.5:1)', (s) => {
    expect(contrastRatio(p[s].fg, p[s].bg)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(ALL_STATUSES)('%s: its edge stands out from the page (≥ 3:1)', (s) => {
    expect(contrastRatio(p[s].border ?? p[s].bg, pageBg)).toBeGreaterThanOrEqual(3);
  });
  it('page text itself is AAA', () => {
    expect(contrastRatio(pageFg, pageBg)).toBeGreaterThanOrEqual(7);
  });
  it('no two statuses share a fill and an edge', () => {
    const looks = ALL_STATUSES.map((s) => `${p[s].bg}/${p[s].border ?? ''}`);
    expect(new Set(looks).size).toBe(looks.length);
  });
});

describe('statusCss', () => {
  const css = statusCss();
  it('defines custom properties and classes for every status in both modes', () => {
    for (const s of ALL_STATUSES) {
      const slug = STATUS_SLUGS[s];
      expect(css).toContain(`--st-${slug}-bg:${palette[s].bg}`);
      expect(css).toContain(`--st-${slug}-bg:${highContrastPalette[s].bg}`);
      expect(css).toContain(`.badge.st-${slug}{`);
      expect(css).toContain(`.seg.st-${slug}{`);
    }
    expect(css).toMatch(/html\.hc\{/);
  });
  it('uses ASCII-only, distinct slugs', () => {
    const slugs = Object.values(STATUS_SLUGS);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z-]+$/);
  });
});
