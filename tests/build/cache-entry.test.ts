// Verified cache entries: written whole with their hash; damaged or hashless entries are never reused.
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFileOf, readEntry, sha256, writeEntry, writeEntryAsync } from '../../src/build/cache-entry.mjs';

const entry = () => join(mkdtempSync(join(tmpdir(), 'qingdan-entry-')), 'ab', 'key.png');

describe('cache entries', () => {
  it('reads back what was written, with its hash beside it', async () => {
    const e = entry();
    writeEntry(e, Buffer.from('picture'));
    expect(readEntry(e)).toEqual(Buffer.from('picture'));
    expect(readFileSync(hashFileOf(e), 'utf8')).toBe(sha256(Buffer.from('picture')));
    await writeEntryAsync(e, Buffer.from('other picture'));
    expect(readEntry(e)).toEqual(Buffer.from('other picture'));
  });

  it.each([
    ['truncated', (e: string) => truncateSync(e, 3)],
    ['emptied', (e: string) => truncateSync(e, 0)],
    ['overwritten with the same length', (e: string) => writeFileSync(e, 'pictura')],
    ['its hash changed', (e: string) => writeFileSync(hashFileOf(e), '0'.repeat(64))],
  ])('a damaged entry (%s) is reported and removed', (_, damage) => {
    const e = entry();
    writeEntry(e, Buffer.from('picture'));
    damage(e);
    expect(readEntry(e)).toBe('damaged');
    expect([existsSync(e), existsSync(hashFileOf(e))]).toEqual([false, false]);
  });

  it('an entry without its hash (a write cut short) is missing, and removed', () => {
    const e = entry();
    writeEntry(e, Buffer.from('picture'));
    rmSync(hashFileOf(e));
    expect(readEntry(e)).toBe('missing');
    expect(existsSync(e)).toBe(false);
    expect(readEntry(entry())).toBe('missing');
  });

  it('replaces an entry by rename: a hard link to the old entry keeps the old bytes', async () => {
    const { linkSync } = await import('node:fs');
    const e = entry();
    writeEntry(e, Buffer.from('old'));
    const published = `${e}.published`;
    linkSync(e, published);
    writeEntry(e, Buffer.from('new'));
    expect(readFileSync(published, 'utf8')).toBe('old');
  });
});
