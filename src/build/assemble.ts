// Assembling a site built in slices (`npm run build -- --shard I/N` on N machines, shard.ts): the slices
// must be of one content version and one N, all N of them there once each, and together make every work
// item exactly once; every file they share (the pages, which every slice renders) must be the same bytes
// in each, and every file must still be what its slice's manifest says. Only then is the site put
// together in a work folder (hard links to the slices' files) and published all at once, as a build is
// (publish.ts): a refused or failed assembly leaves the published site as it was.
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isPublished, publishSite, type PublishResult } from './publish';
import { listFiles } from './site-files';
import { readSliceManifest, shardLabel, SLICE_MANIFEST, sliceOf, type SliceManifest, type WorkKind } from './shard';

export interface Slice {
  dir: string;
  manifest: SliceManifest;
}

/** Slices that cannot be assembled: every problem found, each a line. */
export class AssembleRefused extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the slices cannot be assembled:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AssembleRefused';
  }
}

/** At most `n` items named, then how many more. */
function some(items: readonly string[], n = 10): string {
  return items.length <= n ? items.join(', ') : `${items.slice(0, n).join(', ')} and ${items.length - n} more`;
}

const label = (slice: Slice) => `${slice.dir} (slice ${shardLabel(slice.manifest.shard)})`;

/** Every reason the slices cannot be assembled; empty when they can. Checks the manifests only. */
export function checkSlices(slices: readonly Slice[]): string[] {
  if (!slices.length) return ['no slice folders given'];
  const problems: string[] = [];
  const [first] = slices;
  const versions = new Set(slices.map((s) => s.manifest.version));
  if (versions.size > 1)
    problems.push(
      `the slices are of different content versions (content, code, build date or settings differ): ${slices
        .map((s) => `${label(s)}: ${s.manifest.version} of ${s.manifest.buildDate}`)
        .join('; ')}`,
    );
  const counts = new Set(slices.map((s) => s.manifest.shard.count));
  if (counts.size > 1) problems.push(`the slices split the build differently: ${slices.map(label).join(', ')}`);
  if (problems.length) return problems; // nothing below means anything across versions or splits

  const count = first.manifest.shard.count;
  const byIndex = new Map<number, Slice[]>();
  for (const s of slices) byIndex.set(s.manifest.shard.index, [...(byIndex.get(s.manifest.shard.index) ?? []), s]);
  for (const [index, given] of [...byIndex].sort(([a], [b]) => a - b))
    if (given.length > 1) problems.push(`slice ${index}/${count} is given ${given.length} times: ${given.map((s) => s.dir).join(', ')}`);

  const items = first.manifest.items;
  const listed = new Set(items);
  for (const s of slices.slice(1))
    if (s.manifest.items.length !== items.length || s.manifest.items.some((item, i) => item !== items[i]))
      problems.push(`${label(s)} lists other work items than ${label(first)}, though of the same content version`);

  // Who made what: every item exactly once.
  const madeBy = new Map<string, string[]>();
  for (const s of slices)
    for (const item of s.manifest.made) {
      if (!listed.has(item)) problems.push(`${label(s)} made ${item}, which is not a work item of this build`);
      madeBy.set(item, [...(madeBy.get(item) ?? []), shardLabel(s.manifest.shard)]);
    }
  const unmade = items.filter((item) => !madeBy.has(item));
  const expected = (item: string) => {
    const at = item.indexOf(':');
    try {
      return sliceOf(item.slice(0, at) as WorkKind, item.slice(at + 1), count);
    } catch {
      return 0; // not an item any slice makes: reported below
    }
  };
  for (let index = 1; index <= count; index++) {
    const its = unmade.filter((item) => expected(item) === index);
    if (!byIndex.has(index))
      problems.push(
        `slice ${index}/${count} is missing (no folder given for it): its ${its.length} work item(s) are not made: ${some(its)}`,
      );
    else if (its.length) problems.push(`slice ${index}/${count} did not make ${its.length} of its work item(s): ${some(its)}`);
  }
  const stray = unmade.filter((item) => expected(item) === 0);
  if (stray.length) problems.push(`${stray.length} work item(s) no slice makes: ${some(stray)}`);
  const twice = [...madeBy].filter(([, by]) => by.length > 1);
  if (twice.length)
    problems.push(
      `${twice.length} work item(s) made by more than one slice: ${some(twice.map(([item, by]) => `${item} (slices ${by.join(', ')})`))}`,
    );

  // Files the slices share must be the same bytes in each.
  const seen = new Map<string, { hash: string; slice: Slice }>();
  const differ: string[] = [];
  for (const s of slices)
    for (const [file, hash] of Object.entries(s.manifest.files)) {
      const other = seen.get(file);
      if (!other) seen.set(file, { hash, slice: s });
      else if (other.hash !== hash) differ.push(`${file} (${other.slice.dir} and ${s.dir})`);
    }
  if (differ.length) problems.push(`${differ.length} file(s) differ between slices: ${some(differ)}`);
  return problems;
}

const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Problems with a slice folder's files against its manifest: a file changed, missing or added since it was built. */
export function checkSliceFiles(slice: Slice): string[] {
  const problems: string[] = [];
  const recorded = slice.manifest.files;
  const present = new Set(listFiles(slice.dir).filter((f) => isPublished(f) && f !== SLICE_MANIFEST));
  const missing = Object.keys(recorded).filter((f) => !present.has(f));
  const added = [...present].filter((f) => !(f in recorded));
  const changed = [...present].filter((f) => f in recorded && sha256File(join(slice.dir, f)) !== recorded[f]);
  if (missing.length) problems.push(`${slice.dir}: ${missing.length} file(s) of its manifest are missing: ${some(missing.sort())}`);
  if (added.length) problems.push(`${slice.dir}: ${added.length} file(s) not in its manifest: ${some(added.sort())}`);
  if (changed.length) problems.push(`${slice.dir}: ${changed.length} file(s) changed since the slice was built: ${some(changed.sort())}`);
  return problems;
}

/** The slice folders' manifests; throws AssembleRefused naming every folder that is not a slice. */
export function readSlices(dirs: readonly string[]): Slice[] {
  const problems: string[] = [];
  const slices: Slice[] = [];
  for (const dir of dirs) {
    try {
      slices.push({ dir, manifest: readSliceManifest(dir) });
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length) throw new AssembleRefused(problems);
  return slices;
}

export interface AssembleResult extends PublishResult {
  slices: number;
  items: number;
}

/**
 * Checks the slices in `dirs` and publishes the site they make into `publishDir`, through `workDir`
 * (emptied and filled with links to the slices' files). Throws AssembleRefused with every problem found.
 */
export function assembleSlices(
  dirs: readonly string[],
  workDir: string,
  publishDir: string,
  log: (line: string) => void = () => {},
): AssembleResult {
  const slices = readSlices(dirs);
  const problems = checkSlices(slices);
  if (problems.length) throw new AssembleRefused(problems);
  const fileProblems = slices.flatMap(checkSliceFiles);
  if (fileProblems.length) throw new AssembleRefused(fileProblems);

  rmSync(workDir, { recursive: true, force: true });
  const made = new Set<string>();
  const placed = new Set<string>();
  for (const slice of slices)
    for (const file of Object.keys(slice.manifest.files)) {
      if (placed.has(file)) continue; // the same bytes in another slice (checked above)
      placed.add(file);
      const to = join(workDir, file);
      const dir = dirname(to);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      try {
        linkSync(join(slice.dir, file), to);
      } catch {
        copyFileSync(join(slice.dir, file), to); // another file system
      }
    }
  const result = publishSite(workDir, publishDir, log);
  rmSync(workDir, { recursive: true, force: true });
  return { ...result, slices: slices.length, items: slices[0]!.manifest.items.length };
}
