// The site folder is kept between builds (cards, PDFs and reused pages are already in place), so every
// stage removes what it no longer publishes: a page, card or report of something deleted from the
// content must not stay online.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes `file` aside and renames it into place: a reader never sees half a file, a failed write leaves
 * the old one, and a file in place that is a hard link (into a cache or another site folder) is
 * replaced, not written through.
 */
export function replaceFile(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, data);
  renameSync(aside, file);
}

/**
 * replaceFile, unless the file in place already holds exactly `data`: then it is left as it is, its
 * modification time too, so publishing links it instead of copying it again (src/build/publish.ts).
 * Returns whether the file was written.
 */
export function writeIfChanged(file: string, data: string | Uint8Array): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let same = false;
  try {
    same = statSync(file).size === bytes.byteLength && readFileSync(file).equals(bytes);
  } catch {
    // not there yet
  }
  if (!same) replaceFile(file, bytes);
  return !same;
}

/** A folder's path relative to the walked one, ending in "/": true to leave it unvisited. */
type SkipFolder = (relativeFolder: string) => boolean;
const enterAll: SkipFolder = () => false;

/**
 * Every file under dir, as paths relative to dir with "/" separators. Folders `skipFolder` names
 * (relative, ending in "/") are not entered: a stage that prunes its own folder keeps the others
 * from walking tens of thousands of its files.
 */
export function listFiles(dir: string, skipFolder: SkipFolder = enterAll): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = prefix + entry.name;
      // A symbolic link is followed as what it points to, as stat() did.
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(join(d, entry.name)).isDirectory());
      if (!isDir) out.push(rel);
      else if (!skipFolder(`${rel}/`)) walk(join(d, entry.name), `${rel}/`);
    }
  };
  walk(dir, '');
  return out;
}

/**
 * Deletes the files under `dir` that `keep` (paths relative to dir) does not name, then any folder left
 * empty; returns how many files went. Folders `skipFolder` names are left as they are.
 */
export function pruneFolder(dir: string, keep: (relativePath: string) => boolean, skipFolder: SkipFolder = enterAll): number {
  let removed = 0;
  for (const file of listFiles(dir, skipFolder)) {
    if (keep(file)) continue;
    unlinkSync(join(dir, file));
    removed++;
  }
  if (removed) removeEmptyFolders(dir, skipFolder);
  return removed;
}

function removeEmptyFolders(dir: string, skipFolder: SkipFolder, prefix = ''): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    const rel = `${prefix}${entry.name}/`;
    if (entry.isDirectory() && !skipFolder(rel) && removeEmptyFolders(p, skipFolder, rel)) rmdirSync(p);
    else empty = false;
  }
  return empty;
}
