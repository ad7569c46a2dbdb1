// Where a report comes from (src/components/ReportSource.astro) rendered to HTML: an official disclosure
// is a link only when its URL passes the link rule (src/domain/links.ts); otherwise its title is text.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ReportSource from '../../src/components/ReportSource.astro';
import type { StatusReport } from '../../src/domain/types';
import { DEMO_LABEL } from '../../src/portal/labels';
import { HOSTILE_URLS } from '../fixtures/hostile-links';

async function render(source: StatusReport['source']): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(ReportSource, { props: { report: { source } as StatusReport } });
}

describe('ReportSource', () => {
  it('links an official disclosure with an allowed URL', async () => {
    const html = await render({ title: '政务公开', url: 'https://www.gov.cn/a.html' });
    expect(html).toMatch(/<a href="https:\/\/www\.gov\.cn\/a\.html" rel="nofollow noopener"[^>]*>\s*政务公开\s*<\/a>/);
    expect(html).toContain('政务公开');
  });

  it.each(HOSTILE_URLS)('shows the title alone for a refused URL: %j', async (url) => {
    const html = await render({ title: '政务公开', url });
    expect(html).not.toMatch(/<a\b|href/i);
    expect(html).toContain('政务公开');
  });

  it('shows the demo label for demo data and the title alone without a URL', async () => {
    expect(await render('demo')).toContain(DEMO_LABEL);
    const html = await render({ title: '政务公开' });
    expect(html).not.toMatch(/<a\b/);
    expect(html).toContain('政务公开');
  });
});
