// Shared by the format-reader tests: fixture paths and text comparisons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = 'tests/fixtures/formats';
export const DOCUMENTS = ['aletai', 'hunan', 'haidong'] as const;
export type FixtureDocument = (typeof DOCUMENTS)[number];

export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);
export const fixtureBytes = (...parts: string[]) => new Uint8Array(readFileSync(fixture(...parts)));

/** The text an office file of the document holds: body.txt where the seed has site chrome, else source.txt. */
export function bodyText(name: FixtureDocument): string {
  return readFileSync(fixture(name, name === 'haidong' ? 'body.txt' : 'source.txt'), 'utf8');
}

/** Non-blank lines, trimmed (spaces, U+00A0, U+3000). */
export function contentLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, ''))
    .filter((l) => l !== '');
}

/** All characters but white space, in order. */
export function compact(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}
