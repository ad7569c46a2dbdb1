// Publishing: the build writes into a work folder in the cache (kept between builds, so pages, cards,
// PDFs and search shards are reused), and the site folder readers are served (dist/) changes only when
// every stage has succeeded, all at once. A staging folder beside dist/ is filled, then swapped in by
// two renames; a failed build leaves the previous site as it was and nothing of its own. The site it
// replaced is kept beside it (dist.spare/) and becomes the next staging folder, brought up to date
// file by file: a rebuild then touches the files that changed, not every file of the site.
//
// Files are never shared with the caches: a file that changed since the last publish is copied from
// the work folder (keeping its modification time); an unchanged one is a hard link to the file already
// published, which nothing ever writes to (every stage replaces files by rename). So a damaged cache
// entry can never reach the published site, and a daily rebuild copies only what changed.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listFiles, pruneFolder } from './site-files';

export interface PublishResult {
  files: number;
  /** Files copied from the work folder: new or changed since the last publish. */
  copied: number;
  /** Files unchanged since the last publish, linked to the published copy. */
  kept: number;
  /** Whether the site folder was swapped whole (false: a folder that cannot be renamed, updated file by file). */
  swapped: boolean;
}

/** The folder in the cache a build writes into and keeps between builds, one per site folder. */
export const workFolder = (cache: string, publishDir: string): string =>
  join(cache, 'site', createHash('sha256').update(publishDir).digest('hex').slice(0, 12));

/** Files of the work folder that are not the site: markers and Astro's leftovers start with a dot. */
export const isPublished = (relativePath: string): boolean => {
  const first = relativePath.split('/')[0];
  return !first.startsWith('.') || first === '.well-known';
};

const staging = (publishDir: string) => `${publishDir}.staging-${process.pid}`;
/**
 * The site as it was before the last publish, kept beside the site folder to become the next staging
 * folder. Its unchanged files are hard links to the published ones and it is never served.
 */
export const spare = (publishDir: string) => `${publishDir}.spare`;
const previous = (publishDir: string) => `${publishDir}.previous-${process.pid}`;

/** Folders beside the site folder that a build left behind: `<dist>.staging-<pid>`, `<dist>.previous-<pid>`. */
function leftovers(publishDir: string, kind: 'staging' | 'previous'): string[] {
  const parent = dirname(publishDir);
  const prefix = `${basename(publishDir)}.${kind}-`;
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(parent, name));
}

/**
 * Puts right what a build killed while publishing left: a site folder renamed aside but not replaced is
 * moved back; staging folders and old sites are removed. Call it holding the build lock.
 */
export function recoverPublishing(publishDir: string, log: (line: string) => void = () => {}): void {
  const old = leftovers(publishDir, 'previous');
  if (!existsSync(publishDir) && old.length) {
    renameSync(old[0], publishDir);
    log(`restored ${publishDir} from ${old[0]}: a build was stopped while publishing`);
  }
  for (const dir of [...leftovers(publishDir, 'previous'), ...leftovers(publishDir, 'staging')])
    rmSync(dir, { recursive: true, force: true });
}

const sameFile = (a: { size: number; mtimeMs: number }, b: { size: number; mtimeMs: number }) =>
  a.size === b.size && Math.round(a.mtimeMs) === Math.round(b.mtimeMs);

/**
 * Fills `to` with the site in `workDir`: a file unchanged since the last publish is a hard link to its
 * published copy, the rest copied. `to` may hold an earlier site (the spare: see publishSite): what it
 * no longer publishes is removed first, what is already the published copy stays, and every other file
 * is replaced, never written through (it may be a link to a published file).
 */
function stage(workDir: string, publishDir: string, to: string): { files: number; copied: number; kept: number } {
  const made = new Set<string>();
  let copied = 0;
  let kept = 0;
  const files = listFiles(workDir).filter(isPublished);
  const earlier = existsSync(to);
  if (earlier) {
    const wanted = new Set(files);
    pruneFolder(to, (file) => wanted.has(file));
  }
  for (const file of files) {
    const from = join(workDir, file);
    const dest = join(to, file);
    const st = statSync(from);
    const published = join(publishDir, file);
    const prev = statSync(published, { throwIfNoEntry: false });
    const there = earlier ? statSync(dest, { throwIfNoEntry: false }) : undefined;
    if (prev && sameFile(prev, st)) {
      if (there && there.ino === prev.ino && there.dev === prev.dev) {
        kept++;
        continue;
      }
      if (there) unlinkSync(dest);
      else ensureFolder(dirname(dest), made);
      try {
        linkSync(published, dest);
        kept++;
        continue;
      } catch {
        // another file system, or links not allowed: copy
      }
    } else if (there) unlinkSync(dest);
    else ensureFolder(dirname(dest), made);
    copyFileSync(from, dest);
    utimesSync(dest, st.atime, st.mtime);
    copied++;
  }
  return { files: files.length, copied, kept };
}

function ensureFolder(dir: string, made: Set<string>): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

/** Replaces the site in `publishDir` with the one in `workDir`, at once. */
export function publishSite(workDir: string, publishDir: string, log: (line: string) => void = () => {}): PublishResult {
  // A site without a home page is a build gone wrong, never a site to publish.
  if (!existsSync(join(workDir, 'index.html'))) throw new Error(`${workDir} has no index.html: nothing published`);
  recoverPublishing(publishDir, log);
  const next = staging(publishDir);
  rmSync(next, { recursive: true, force: true });
  // The site before the published one, kept by the last publish: brought up to date rather than
  // filled from nothing (about 45,000 links at 10,000 tasks, and as many removed afterwards).
  // Anything else by that name is not a site: removed with the old one at the swap.
  if (statSync(spare(publishDir), { throwIfNoEntry: false })?.isDirectory()) renameSync(spare(publishDir), next);
  let counts;
  try {
    counts = stage(workDir, publishDir, next);
  } catch (e) {
    rmSync(next, { recursive: true, force: true });
    throw e;
  }
  if (!existsSync(publishDir)) {
    renameSync(next, publishDir);
    return { ...counts, swapped: true };
  }
  const old = previous(publishDir);
  try {
    renameSync(publishDir, old);
  } catch {
    // A folder that cannot be renamed (a mount point, a server's working folder): file by file instead.
    updateInPlace(next, publishDir);
    rmSync(next, { recursive: true, force: true });
    log(`${publishDir} could not be renamed: updated file by file (each file at once, not the whole site)`);
    return { ...counts, swapped: false };
  }
  renameSync(next, publishDir);
  rmSync(spare(publishDir), { recursive: true, force: true });
  renameSync(old, spare(publishDir));
  return { ...counts, swapped: true };
}

/** Every file of `from` renamed into `to`; files of `to` that `from` lacks removed. */
function updateInPlace(from: string, to: string): void {
  const wanted = new Set(listFiles(from));
  for (const file of wanted) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    renameSync(join(from, file), join(to, file));
  }
  for (const file of listFiles(to)) if (!wanted.has(file)) rmSync(join(to, file), { force: true });
}
