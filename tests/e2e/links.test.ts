// Every internal link, asset and fragment in the built site resolves (scripts/check-links.ts).
import { expect, inject, it } from 'vitest';
import { checkLinks, type BrokenLink } from '../../scripts/check-links.ts';

/** One line per broken target, with how many pages point at it: a bad nav link is one line, not thousands. */
function report(broken: BrokenLink[]): string {
  const byTarget = new Map<string, string[]>();
  for (const b of broken) {
    const key = `${b.href} (${b.reason === 'missing' ? 'no such file' : 'no such id'})`;
    const from = byTarget.get(key) ?? [];
    if (!from.includes(b.from)) from.push(b.from);
    byTarget.set(key, from);
  }
  const lines = [...byTarget]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([target, from]) => `  ${target} ← ${from.length} page(s): ${from.slice(0, 3).join(', ')}${from.length > 3 ? ', …' : ''}`);
  const shown = 60;
  if (lines.length > shown)
    lines.splice(
      shown,
      lines.length - shown,
      `  … and ${lines.length - shown} more targets (npx tsx scripts/check-links.ts dist lists all)`,
    );
  return lines.join('\n');
}

it('the built site has no broken internal links', () => {
  const { broken, pages } = checkLinks(inject('distDir'));
  expect(pages).toBeGreaterThan(0);
  expect(broken.length, `${broken.length} broken links in ${pages} pages:\n${report(broken)}`).toBe(0);
});
