// Verified cache entries: each entry (a card PNG, a PDF report, a workbook) is written aside and renamed
// into place, never written through, and carries the SHA-256 of its bytes in a file beside it, with the
// entry's size, modification time and inode as written (its stamp). Before an entry is reused it is
// checked: a damaged entry (truncated, overwritten, its hash lost) is reported and made again, never
// published.
//
// The check hashes the bytes again only when the stamp no longer matches. Anything that writes to the
// entry sets its modification time to now, and the entry's own time is set a few seconds back when it
// is written, so no later write can leave the stamp as it was, even within one tick of a coarse file
// system clock (git's "racily clean" problem). Hashing every entry on every rebuild read and hashed
// about 1.6 GB at 10,000 tasks (7.7 s); a stamp is a stat.
// Plain .mjs: the card worker threads load it without Vite.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
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
 * How far back an entry's modification time is set when it is written, ms: more than any file system's
 * timestamp granularity (FAT's is 2 s), so a write after ours always moves it.
 */
export const BACKDATE_MS = 5_000;

/** What a stamp records of a file. @param {import('node:fs').BigIntStats} s */
const stampOf = (s) => `${s.size} ${s.mtimeNs} ${s.ino}`;

/** The time a new entry's file is given. */
const backdated = () => new Date(Date.now() - BACKDATE_MS);

/**
 * Sets a newly written file's time back (BACKDATE_MS) and returns its stamp, to be kept beside its
 * hash: every entry written here, and the files of a search shard (src/outputs/search/stage.ts).
 * @param {string} file
 */
export function settleFile(file) {
  const t = backdated();
  utimesSync(file, t, t);
  return fileStamp(file);
}

/**
 * A file's stamp as it is, for a file whose time is already further back than BACKDATE_MS.
 * @param {string} file
 */
export const fileStamp = (file) => stampOf(statSync(file, { bigint: true }));

/**
 * Whether a file is as recorded: its stamp is `stamp`, or else its bytes hash to `hash`.
 * @param {string} file @param {string} hash @param {string} stamp
 */
export function fileIsAsRecorded(file, hash, stamp) {
  try {
    if (stamp && stampOf(statSync(file, { bigint: true })) === stamp) return true;
    return sha256(readFileSync(file)) === hash;
  } catch {
    return false;
  }
}

/** The hash file's text: the hash, then the stamp. @param {string} hash @param {string} stamp */
const record = (hash, stamp) => `${hash}\n${stamp}\n`;

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
  const stamp = settleFile(tmp);
  renameSync(tmp, entry);
  const tmpHash = aside(hashFileOf(entry));
  writeFileSync(tmpHash, record(sha256(data), stamp));
  renameSync(tmpHash, hashFileOf(entry));
}

/** writeEntry without blocking the thread. @param {string} entry @param {Uint8Array} data */
export async function writeEntryAsync(entry, data) {
  await mkdir(dirname(entry), { recursive: true });
  rmSync(hashFileOf(entry), { force: true });
  const tmp = aside(entry);
  await writeFile(tmp, data);
  const stamp = settleFile(tmp); // two system calls on a small file: not worth a round trip to the thread pool
  await rename(tmp, entry);
  const tmpHash = aside(hashFileOf(entry));
  await writeFile(tmpHash, record(sha256(data), stamp));
  await rename(tmpHash, hashFileOf(entry));
}

/**
 * The hash and stamp recorded for an entry; null when there is no hash file. Hash files written before
 * stamps were kept hold the hash alone (stamp '').
 * @param {string} entry
 */
function recorded(entry) {
  let text;
  try {
    text = readFileSync(hashFileOf(entry), 'utf8');
  } catch {
    return null;
  }
  const [hash = '', stamp = ''] = text.split('\n').map((l) => l.trim());
  return { hash, stamp };
}

/** Removes an entry and its hash: it is made again. @param {string} entry */
const drop = (entry) => {
  rmSync(entry, { force: true });
  rmSync(hashFileOf(entry), { force: true });
};

/**
 * Checks an entry, reading its bytes only when its stamp does not vouch for them (`bytes` reads them
 * anyway, for a caller that needs them). Bytes that hash as recorded but whose stamp no longer matches
 * (an entry from before stamps, a copy that kept its time) get a fresh stamp once their time is old
 * enough that no write can hide behind it.
 * @param {string} entry
 * @param {boolean} bytes
 * @returns {{ size: number, data: Buffer | null } | 'missing' | 'damaged'}
 */
function check(entry, bytes) {
  let st;
  try {
    st = statSync(entry, { bigint: true });
  } catch {
    return 'missing';
  }
  const rec = recorded(entry);
  if (!rec) {
    // No hash: a write cut short before its hash. Made again quietly.
    rmSync(entry, { force: true });
    return 'missing';
  }
  const size = Number(st.size);
  if (rec.stamp === stampOf(st)) return { size, data: bytes ? readFileSync(entry) : null };
  const data = readFileSync(entry);
  if (rec.hash !== sha256(data)) {
    drop(entry);
    return 'damaged';
  }
  if (Number(st.mtimeNs / 1_000_000n) < Date.now() - BACKDATE_MS) {
    const tmpHash = aside(hashFileOf(entry));
    writeFileSync(tmpHash, record(rec.hash, stampOf(st)));
    renameSync(tmpHash, hashFileOf(entry));
  }
  return { size, data };
}

/**
 * The entry's bytes when they are as written; 'missing' when there is no whole entry; 'damaged' when
 * the bytes are not what was written (the entry is then removed, so it is made again).
 * @param {string} entry
 * @returns {Buffer | 'missing' | 'damaged'}
 */
export function readEntry(entry) {
  const c = check(entry, true);
  return typeof c === 'string' ? c : /** @type {Buffer} */ (c.data);
}

/**
 * readEntry without reading the bytes where the stamp vouches for them: the entry's size, or 'missing'
 * or 'damaged' as readEntry says.
 * @param {string} entry
 * @returns {number | 'missing' | 'damaged'}
 */
export function entrySize(entry) {
  const c = check(entry, false);
  return typeof c === 'string' ? c : c.size;
}
