// Puts a cached output file (a card, a PDF) at its place in the site folder: as a hard link to the cache
// entry, so no bytes are copied, and a rebuild that keeps the site folder finds it already in place; as a
// copy where a link is impossible (cache on another file system). A file already at `to` is unlinked,
// never written through: it may be a link to another cache entry, which writing would corrupt.
// Plain .mjs: the card worker threads load it without Vite.
import { copyFileSync, linkSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @param {string} from the cache entry
 * @param {string} to the path in the site folder
 * @param {Set<string>} [made] folders known to exist (saves a mkdir per file)
 * @returns {'kept' | 'linked' | 'copied'}
 */
export function placeFile(from, to, made = new Set()) {
  let existing = null;
  try {
    existing = statSync(to);
  } catch {
    // not there yet
  }
  if (existing) {
    const source = statSync(from);
    if (source.ino === existing.ino && source.dev === existing.dev) return 'kept';
    unlinkSync(to);
  } else {
    const dir = dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
  }
  try {
    linkSync(from, to);
    return 'linked';
  } catch {
    copyFileSync(from, to);
    return 'copied';
  }
}
