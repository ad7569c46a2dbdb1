// Slugs: a document's name in every address of the portal (/documents/<slug>/, /tasks/<slug>/t1/) and
// the name of its status folder. Only lower-case ASCII letters, digits and hyphens: anything else would
// publish links that break (`x#y?z`) or leave the site folder (`..`).
import { LIMITS } from './limits';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** What a slug is, for messages. */
export const SLUG_RULE = `lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most ${LIMITS.slugChars} characters`;

export const isSlug = (name: string): boolean => name.length <= LIMITS.slugChars && SLUG_PATTERN.test(name);

/**
 * A slug for a name that is not one: accents dropped, full-width forms made ASCII, lower-case, every other character a hyphen, runs of hyphens
 * collapsed, hyphens trimmed, cut to the length limit. A name with no usable letter or digit
 * (`..`, `阿里方案`) gets `document-N`, the first N not in `taken`.
 */
export function suggestSlug(name: string, taken: ReadonlySet<string> = new Set()): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slugChars)
    .replace(/-+$/, '');
  if (slug !== '') return slug;
  let n = 1;
  while (taken.has(`document-${n}`)) n++;
  return `document-${n}`;
}
