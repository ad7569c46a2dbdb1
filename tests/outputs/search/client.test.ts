// The search page's script (client.ts): result excerpts keep Pagefind's <mark> and nothing else of markup.
import { afterAll, describe, expect, it, vi } from 'vitest';

// The script runs its main() on import: give it a page without a search form, so it returns at once.
vi.stubGlobal('document', { querySelector: () => null });
afterAll(() => vi.unstubAllGlobals());
const { safeExcerpt } = await import('../../../src/outputs/search/client');

/** What remains of an excerpt once its own <mark> and </mark> are taken out: text only, never a tag. */
const withoutMarks = (html: string) => html.replaceAll('<mark>', '').replaceAll('</mark>', '');

describe('safeExcerpt', () => {
  it('keeps Pagefind’s marks around the words found', () => {
    expect(safeExcerpt('加强<mark>草原</mark>生态保护，<mark>草原</mark>综合植被盖度')).toBe(
      '加强<mark>草原</mark>生态保护，<mark>草原</mark>综合植被盖度',
    );
  });

  it('escapes everything else: entities Pagefind wrote come back as text, escaped once', () => {
    expect(safeExcerpt('&lt;script&gt;alert(1)&lt;/script&gt; <mark>禁牧</mark>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>禁牧</mark>',
    );
    expect(safeExcerpt("已完成 &quot;验收&quot; &amp; '销号'")).toBe('已完成 &quot;验收&quot; &amp; &#39;销号&#39;');
    // Text that reads "&lt;" stays that text.
    expect(safeExcerpt('a &amp;lt; b')).toBe('a &amp;lt; b');
  });

  it('drops any other tag, a mark with attributes included', () => {
    expect(safeExcerpt('<img src=x onerror=alert(1)>文本<b>粗</b>')).toBe('文本粗');
    expect(safeExcerpt('<mark class="x">词</mark>')).toBe('词</mark>');
    expect(safeExcerpt('<MARK>词</MARK>')).toBe('词');
  });

  it('never emits a tag from the text, however it is written', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '&amp;lt;script&amp;gt;',
      '<scr<script>ipt>alert(1)</script>',
      '<a href="javascript:alert(1)">x</a>',
      '<svg onload=alert(1)',
      '<<mark>>x<</mark>>',
      '&lt;mark&gt;x&lt;/mark&gt;',
      '"><img src=x onerror=alert(1)>',
    ];
    for (const h of hostile) {
      const out = safeExcerpt(h);
      expect(withoutMarks(out), h).not.toMatch(/[<>]/);
      expect(out, h).not.toMatch(/<(?!\/?mark>)/);
    }
    // The escaped text of an excerpt is the text, not a mark: only Pagefind's own marks are kept.
    expect(safeExcerpt('&lt;mark&gt;x&lt;/mark&gt;')).toBe('&lt;mark&gt;x&lt;/mark&gt;');
  });
});
