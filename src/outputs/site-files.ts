// The site folder is kept between builds (cards, PDFs and reused pages are already in place), so every
// stage removes what it no longer publishes: a page, card or report of something deleted from the
// content must not stay online.
import { readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under dir, as paths relative to dir with "/" separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * Deletes the files under `dir` that `keep` (paths relative to dir) does not name, then any folder left
 * empty; returns how many files went.
 */
export function pruneFolder(dir: string, keep: (relativePath: string) => boolean): number {
  let removed = 0;
  for (const file of listFiles(dir)) {
    if (keep(file)) continue;
    unlinkSync(join(dir, file));
    removed++;
  }
  if (removed) removeEmptyFolders(dir);
  return removed;
}

function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory() && removeEmptyFolders(p)) rmdirSync(p);
    else empty = false;
  }
  return empty;
}
