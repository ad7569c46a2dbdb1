// Verified cache entries: written whole with their hash; damaged or hashless entries are never reused.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKDATE_MS, entrySize, hashFileOf, readEntry, sha256, writeEntry, writeEntryAsync } from '../../src/build/cache-entry.mjs';

const entry = () => join(mkdtempSync(join(tmpdir(), 'qingdan-entry-')), 'ab', 'key.png');

describe('cache entries', () => {
  it('reads back what was written, with its hash beside it', async () => {
    const e = entry();
    writeEntry(e, Buffer.from('picture'));
    expect(readEntry(e)).toEqual(Buffer.from('picture'));
    expect(readFileSync(hashFileOf(e), 'utf8').split('\n')[0]).toBe(sha256(Buffer.from('picture')));
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

  it('writes an entry with its time set back, so a write after it always moves the time', async () => {
    const e = entry();
    const before = Date.now();
    writeEntry(e, Buffer.from('picture'));
    expect(statSync(e).mtimeMs).toBeLessThanOrEqual(before - BACKDATE_MS + 1000);
    const a = entry();
    await writeEntryAsync(a, Buffer.from('picture'));
    expect(statSync(a).mtimeMs).toBeLessThanOrEqual(Date.now() - BACKDATE_MS + 1000);
  });

  it('trusts a matching stamp without reading the bytes, and hashes them when the stamp moved', () => {
    const e = entry();
    writeEntry(e, Buffer.from('picture'));
    expect(entrySize(e)).toBe(7);
    // A wrong hash under a matching stamp goes unread: the stamp is what vouches.
    const [, stamp] = readFileSync(hashFileOf(e), 'utf8').split('\n');
    writeFileSync(hashFileOf(e), `${'0'.repeat(64)}\n${stamp}\n`);
    expect(entrySize(e)).toBe(7);
    // Touched (the same bytes, a new time): hashed, and found wrong against that hash.
    const now = new Date();
    utimesSync(e, now, now);
    expect(entrySize(e)).toBe('damaged');
    expect(existsSync(e)).toBe(false);
  });

  it('stamps an entry from before stamps once its bytes hash as recorded, if its time is old enough', () => {
    const e = entry();
    writeEntry(e, Buffer.from('picture'));
    writeFileSync(hashFileOf(e), sha256(Buffer.from('picture')));
    const old = new Date(Date.now() - 2 * BACKDATE_MS);
    utimesSync(e, old, old);
    expect(readEntry(e)).toEqual(Buffer.from('picture'));
    const [hash, stamp] = readFileSync(hashFileOf(e), 'utf8').split('\n');
    expect([hash, stamp!.split(' ')[0]]).toEqual([sha256(Buffer.from('picture')), '7']);
    // A copy that kept its time but is a new file (another inode) is hashed again, and kept unstamped while new.
    const fresh = entry();
    writeEntry(fresh, Buffer.from('picture'));
    writeFileSync(hashFileOf(fresh), sha256(Buffer.from('picture')));
    const now = new Date();
    utimesSync(fresh, now, now);
    expect(entrySize(fresh)).toBe(7);
    expect(readFileSync(hashFileOf(fresh), 'utf8')).toBe(sha256(Buffer.from('picture')));
  });
});
