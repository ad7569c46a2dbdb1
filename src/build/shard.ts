// Builds split across machines, the way test runners split tests (`--shard I/N`): every slice renders
// all the pages (cheap beside cards and PDFs), and the I-th of N slices of the work items — the cards,
// the PDF reports and the search shards — into a folder of its own, with a manifest that says what it
// made. `npm run assemble` (assemble.ts) checks the slices against each other and puts the site together.
//
// Which slice makes an item depends on the item alone, never on file system order or the machine:
//   - a card or a PDF report: a hash of its site path, modulo N. An item stays in its slice while the
//     content around it changes, so a CI cache kept per slice index keeps serving it;
//   - a search shard (a few, each heavy): its number modulo N, so N shards go to N different slices.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Settings, ShardSetting } from '../config';
import { isPublished } from './publish';
import { listFiles } from './site-files';

export type WorkKind = 'card' | 'pdf' | 'search';

/** "2/4". */
export const shardLabel = (shard: ShardSetting): string => `${shard.index}/${shard.count}`;

/** A work item's key, the same on every machine: "card:/cards/tasks/x/t1.png", "pdf:/reports/…", "search:0". */
export const itemKey = (kind: WorkKind, id: string): string => `${kind}:${id}`;

/** The slice (1 to count) that makes a work item. */
export function sliceOf(kind: WorkKind, id: string, count: number): number {
  if (count === 1) return 1;
  if (kind === 'search') {
    const n = Number(id);
    if (!Number.isInteger(n) || n < 0) throw new Error(`a search shard's id is its number, got "${id}"`);
    return (n % count) + 1;
  }
  return (createHash('sha256').update(itemKey(kind, id)).digest().readUInt32BE(0) % count) + 1;
}

/**
 * What a build makes of the work items its stages list: every item in a whole build (shard null), the
 * slice's own in a sharded one. Records both, for the slice's manifest.
 */
export class WorkSlice {
  private readonly every = new Set<string>();
  private readonly own = new Set<string>();

  constructor(readonly shard: ShardSetting | null) {}

  /** The items of `items` this build makes, in their order; `idOf` gives an item's id within its kind. */
  take<T>(kind: WorkKind, items: readonly T[], idOf: (item: T) => string): T[] {
    return items.filter((item) => {
      const id = idOf(item);
      const key = itemKey(kind, id);
      this.every.add(key);
      const mine = !this.shard || sliceOf(kind, id, this.shard.count) === this.shard.index;
      if (mine) this.own.add(key);
      return mine;
    });
  }

  /** Every work item listed, sorted. */
  get items(): string[] {
    return [...this.every].sort();
  }

  /** The items this build makes, sorted. */
  get made(): string[] {
    return [...this.own].sort();
  }
}

/** The manifest a slice writes at the top of its folder (never part of the assembled site). */
export const SLICE_MANIFEST = 'qingdan-slice.json';
export const SLICE_FORMAT = 'qingdan-slice 1';

export interface SliceManifest {
  format: typeof SLICE_FORMAT;
  /** The content version (contentVersion): slices of one build share it. */
  version: string;
  buildDate: string;
  shard: ShardSetting;
  /** Every work item of the build, sorted: the same list in every slice. */
  items: string[];
  /** The items this slice made, sorted. */
  made: string[];
  /** Every file of the slice's site but this manifest: path (with "/") → SHA-256 of its bytes. */
  files: Record<string, string>;
}

/** Project files that make the site from the content: the code, its dependencies' lock, the static files. */
const CODE_FILES = ['package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json'];
const CODE_FOLDERS = ['src', 'public'];

function hashFolder(hash: ReturnType<typeof createHash>, label: string, dir: string): void {
  for (const file of listFiles(dir).sort()) {
    const bytes = readFileSync(join(dir, file));
    hash.update(`${label}/${file}\0${bytes.length}\0`).update(bytes);
  }
}

/**
 * The content version: a hash of the content, the code that builds it, the build date and the settings
 * that change what is built (`extra`, e.g. the records per search shard). Slices built from different
 * commits, content or dates have different versions and are never assembled together.
 */
export function contentVersion(
  root: string,
  s: Pick<Settings, 'contentDir' | 'buildDate' | 'siteUrl'>,
  extra: Record<string, string | number> = {},
): string {
  const hash = createHash('sha256').update(`${SLICE_FORMAT}\nbuild date ${s.buildDate}\nsite ${s.siteUrl}\n`);
  for (const [k, v] of Object.entries(extra).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${k} ${v}\n`);
  hashFolder(hash, 'content', s.contentDir);
  for (const file of CODE_FILES) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, file));
    } catch {
      continue;
    }
    hash.update(`code/${file}\0${bytes.length}\0`).update(bytes);
  }
  for (const folder of CODE_FOLDERS) hashFolder(hash, `code/${folder}`, join(root, folder));
  return hash.digest('hex').slice(0, 32);
}

const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The files a site folder publishes (dot folders and the manifest left out), each with its SHA-256. */
export function siteFileHashes(dir: string): Record<string, string> {
  const files = listFiles(dir)
    .filter((f) => isPublished(f) && f !== SLICE_MANIFEST)
    .sort();
  return Object.fromEntries(files.map((f) => [f, sha256File(join(dir, f))]));
}

/** Writes the slice's manifest into its site folder (the work folder, before it is published). */
export function writeSliceManifest(siteDir: string, slice: Omit<SliceManifest, 'format' | 'files'>): SliceManifest {
  const manifest: SliceManifest = { format: SLICE_FORMAT, ...slice, files: siteFileHashes(siteDir) };
  writeFileSync(join(siteDir, SLICE_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A slice folder's manifest, checked for shape; throws naming the folder when it is not one. */
export function readSliceManifest(dir: string, cwd = process.cwd()): SliceManifest {
  const file = join(dir, SLICE_MANIFEST);
  const name = relative(cwd, file) || file;
  let m: Partial<SliceManifest>;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as Partial<SliceManifest>;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `${name} is missing: ${dir} is not the output of \`npm run build -- --shard I/N\``
        : `${name} cannot be read: ${(e as Error).message}`,
    );
  }
  if (m.format !== SLICE_FORMAT) throw new Error(`${name}: format "${String(m.format)}", expected "${SLICE_FORMAT}"`);
  const shard = m.shard;
  const okShard =
    !!shard && Number.isInteger(shard.index) && Number.isInteger(shard.count) && shard.index >= 1 && shard.index <= shard.count;
  if (
    typeof m.version !== 'string' ||
    typeof m.buildDate !== 'string' ||
    !okShard ||
    !isStringList(m.items) ||
    !isStringList(m.made) ||
    !m.files ||
    typeof m.files !== 'object'
  )
    throw new Error(`${name} is not a whole slice manifest`);
  return m as SliceManifest;
}
