// 报送模板 on the document page (src/components/ReportingTemplate.astro): the current period's label and
// links to the three files the templates stage writes; nothing before the plan has begun.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ReportingTemplate from '../../src/components/ReportingTemplate.astro';
import { reportingPeriodOn } from '../../src/domain/periods';
import type { Document } from '../../src/domain/types';
import { templateUrl } from '../../src/domain/urls';

const doc = {
  slug: 'plan-a',
  meta: { reporting: 'quarterly', span: { start: '2019-01-01', end: '2020-12-31' } },
} as unknown as Document;

/** As the document page renders it on the build date asOf (Portal.reportingPeriodOf). */
async function render(asOf: string) {
  const container = await AstroContainer.create();
  return container.renderToString(ReportingTemplate, { props: { doc, period: reportingPeriodOn(doc.meta, asOf) } });
}

describe('ReportingTemplate', () => {
  it('links the XLSX, UTF-8 and GB18030 templates of the period holding the build date', async () => {
    const html = await render('2019-11-20');
    expect(html).toContain('报送模板');
    expect(html).toContain('2019年第四季度');
    for (const f of ['xlsx', 'csv', 'gb18030.csv'] as const) expect(html).toContain(`href="${templateUrl('plan-a', f)}"`);
  });

  it('once the plan has ended: its last period; before it begins: nothing', async () => {
    expect(await render('2026-12-03')).toContain('2020年第四季度');
    expect(await render('2018-06-01')).not.toContain('报送模板');
  });
});
