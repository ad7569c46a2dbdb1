// A link to another site (src/components/ExternalLink.astro) rendered to HTML: a link only when its URL
// passes the link rule (src/domain/links.ts), else its content as text; used for documents' sources,
// reports' sources and evidence.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ExternalLink from '../../src/components/ExternalLink.astro';
import { HOSTILE_URLS } from '../fixtures/hostile-links';

async function render(url: string | null | undefined): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(ExternalLink, { props: { url }, slots: { default: '佐证材料' } });
}

describe('ExternalLink', () => {
  it('links an allowed URL with rel="nofollow noopener" and nothing else', async () => {
    expect(await render('https://www.gov.cn/a.html?x=1&y=2')).toMatch(
      /^\s*<a href="https:\/\/www\.gov\.cn\/a\.html\?x=1&amp;y=2" rel="nofollow noopener"[^>]*>\s*佐证材料\s*<\/a>\s*$/,
    );
  });

  it.each([...HOSTILE_URLS, null, undefined, ''])('shows its content alone for %j', async (url) => {
    const html = await render(url);
    expect(html).not.toMatch(/<a\b|href/i);
    expect(html.trim()).toBe('佐证材料');
  });
});
