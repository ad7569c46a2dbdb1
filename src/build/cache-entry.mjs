// Verified cache entries: each entry (a card PNG, a PDF report) is written aside and renamed into place,
// never written through, and carries the SHA-256 of its bytes in a file beside it. Before an entry is
// reused its bytes are hashed again: a damaged entry (truncated, overwritten, its hash lost) is reported
// and made again, never published.
// Plain .mjs: the card worker threads load it without Vite.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

/** @param {string} entry */
export const hashFileOf = (entry) => `${entry}.sha256`;

/** @param {Uint8Array} data */
export const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** A name beside `file` no other process or thread writes. @param {string} file */
const aside = (file) => `${file}.${process.pid}-${threadId}.tmp`;

/**
 * Writes an entry and its hash, each aside and renamed into place: a reader sees the old entry or the
 * new one, whole. The hash goes last, so an entry without its hash (a write cut short) is never trusted.
 * @param {string} entry
 * @param {Uint8Array} data
 */
export function writeEntry(entry, data) {
  mkdirSync(dirname(entry), { recursive: true });
  rmSync(hashFileOf(entry), { force: true });
  const tmp = aside(entry);
  writeFileSync(tmp, data);
  renameSync(tmp, entry);
  const tmpHash = aside(hashFileOf(entry));
  writeFileSync(tmpHash, sha256(data));
  renameSync(tmpHash, hashFileOf(entry));
}

/** writeEntry without blocking the thread. @param {string} entry @param {Uint8Array} data */
export async function writeEntryAsync(entry, data) {
  await mkdir(dirname(entry), { recursive: true });
  rmSync(hashFileOf(entry), { force: true });
  const tmp = aside(entry);
  await writeFile(tmp, data);
  await rename(tmp, entry);
  const tmpHash = aside(hashFileOf(entry));
  await writeFile(tmpHash, sha256(data));
  await rename(tmpHash, hashFileOf(entry));
}

/**
 * The entry's bytes when they hash as recorded; 'missing' when there is no whole entry; 'damaged' when
 * the bytes are not what was written (the entry is then removed, so it is made again).
 * @param {string} entry
 * @returns {Buffer | 'missing' | 'damaged'}
 */
export function readEntry(entry) {
  let data;
  try {
    data = readFileSync(entry);
  } catch {
    return 'missing';
  }
  let recorded;
  try {
    recorded = readFileSync(hashFileOf(entry), 'utf8').trim();
  } catch {
    // No hash: a write cut short before its hash, or an entry from before hashes were kept. Made again quietly.
    rmSync(entry, { force: true });
    return 'missing';
  }
  if (recorded === sha256(data)) return data;
  rmSync(entry, { force: true });
  rmSync(hashFileOf(entry), { force: true });
  return 'damaged';
}
