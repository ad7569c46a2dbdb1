// Every internal link, asset and fragment in the built site resolves (scripts/check-links.ts).
import { expect, inject, it } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';

it('the built site has no broken internal links', () => {
  const { broken, pages } = checkLinks(inject('distDir'));
  expect(pages).toBeGreaterThan(0);
  const report = broken.map((b) => `${b.from} → ${b.href} (${b.reason === 'missing' ? 'no such file' : 'no such id'})`).join('\n');
  expect(broken, `${broken.length} broken links in ${pages} pages:\n${report}`).toEqual([]);
});
