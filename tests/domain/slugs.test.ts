// Slugs (slugs.ts): which names can be a document's name in the portal's addresses, and the name to suggest.
import { describe, expect, it } from 'vitest';
import { isSlug, suggestSlug } from '../../src/domain/slugs';

describe('isSlug', () => {
  it('takes lower-case ASCII letters, digits and hyphens', () => {
    expect(['ali-2018-meili-xizang', 'a', '2019', 'x-'].map(isSlug)).toEqual([true, true, true, true]);
  });

  it('refuses what would break a link or leave the site folder', () => {
    expect(['x#y?z', '..', '', '-a', 'Ali-2018', 'a b', '阿里方案', 'a/b', 'a.b', 'a'.repeat(101)].map(isSlug)).toEqual(
      Array(10).fill(false),
    );
  });
});

describe('suggestSlug', () => {
  it('lower-cases, turns other characters into hyphens, collapses and trims them', () => {
    expect(suggestSlug('x#y?z')).toBe('x-y-z');
    expect(suggestSlug('Ali 2018 -- Meili (draft)')).toBe('ali-2018-meili-draft');
    expect(suggestSlug('Résumé２０１９')).toBe('resume2019');
    expect(suggestSlug('a'.repeat(150)).length).toBe(100);
  });

  it('a name with no usable letter gets document-N, N not taken', () => {
    expect(suggestSlug('..')).toBe('document-1');
    expect(suggestSlug('阿里方案', new Set(['document-1', 'document-2']))).toBe('document-3');
  });

  it('every suggestion is a slug', () => {
    for (const name of ['x#y?z', '..', 'Ali 2018', '阿里方案', '-a-', 'a'.repeat(150) + '-b']) expect(isSlug(suggestSlug(name))).toBe(true);
  });
});
