// Rendered PDFs keyed by a hash of exactly what they show (the spec and the palette, from which the
// typst source is made) plus the versions of the template code, font and engine, in a folder that
// survives builds. A rebuild renders only reports whose content changed, and makes the typst source
// only for those. The render date is deliberately not in the key: a cached PDF keeps the date it was
// really generated on, which stays true because its content is unchanged.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, settings, type Settings } from '../../config';
import { entrySize, hashFileOf, readEntry, writeEntry } from '../../build/cache-entry.mjs';
import { hashFilesBeside } from '../../build/code-hash';

/** `$QINGDAN_CACHE_DIR/pdf`, default `<root>/.cache/qingdan/pdf`. */
export function pdfCacheDir(root: string = process.cwd(), s: Pick<Settings, 'cacheDir'> = settings()): string {
  return join(cacheRoot(root, s), 'pdf');
}

export interface KeyParts {
  /** What the report shows: JSON of its spec and the palette (reportContent). */
  content: string;
  templateVersion: string;
  fontVersion: string;
  engineVersion: string;
}

export function reportKey(parts: KeyParts): string {
  const h = createHash('sha256');
  // Length-prefixed, so that no two different part lists hash the same bytes.
  for (const v of [parts.templateVersion, parts.fontVersion, parts.engineVersion, parts.content])
    h.update(`${Buffer.byteLength(v)}:`).update(v);
  return h.digest('hex').slice(0, 32);
}

/**
 * The content part of a report's key. Plain JSON, not canonical: specs come from one piece of code, so
 * equal specs list their fields in the same order; code that reorders them costs renders, never a
 * stale PDF (and sorting every object's keys took half the time of the key).
 */
export function reportContent(spec: unknown, palette: unknown): string {
  return JSON.stringify({ spec, palette });
}

/**
 * The template's version: TEMPLATE_VERSION and the code that turns a spec into typst source and a PDF,
 * so that a change to the template renders every report again without anyone bumping a number.
 */
const templateHashes = new Map<string, string>();
export function pdfTemplateVersion(revision: string): string {
  let version = templateHashes.get(revision);
  if (version) return version;
  const hash = hashFilesBeside(createHash('sha256').update(`revision ${revision}\n`), import.meta.url, TEMPLATE_FILES);
  templateHashes.set(revision, (version = hash.digest('hex').slice(0, 16)));
  return version;
}
/** The code that makes a report from its spec, beside this module. */
export const TEMPLATE_FILES = ['typst-source.ts', 'escape.ts', 'render-core.mjs'];

export class PdfCache {
  constructor(readonly dir: string) {}

  /** Where the entry of `key` is (it may not exist). */
  path(key: string): string {
    return this.file(key);
  }

  /**
   * The size of the cached PDF, or null when there is none. It is checked against the hash and stamp
   * written with it (src/build/cache-entry.mjs): a damaged entry is removed, reported through
   * `onDamaged`, and rendered again. A hit refreshes its last use so that pruning keeps what builds
   * still use.
   */
  has(key: string, onDamaged: (key: string) => void = () => {}): number | null {
    return this.hit(key, entrySize, onDamaged);
  }

  private file(key: string): string {
    if (!/^[0-9a-f]{16,64}$/.test(key)) throw new Error(`not a cache key: "${key}"`);
    return join(this.dir, `${key}.pdf`);
  }

  /** The cached PDF when its bytes hash as written, or null. A hit refreshes its last use so that pruning keeps it. */
  get(key: string, onDamaged: (key: string) => void = () => {}): Buffer | null {
    return this.hit(key, readEntry, onDamaged);
  }

  /** What `check` says of the entry of `key`, or null when there is none whole; a hit is touched. */
  private hit<T>(key: string, check: (f: string) => T | 'missing' | 'damaged', onDamaged: (key: string) => void): T | null {
    const f = this.file(key);
    const found = check(f);
    if (found === 'damaged') onDamaged(key);
    if (found === 'missing' || found === 'damaged') return null;
    this.touch(f);
    return found;
  }

  /**
   * The hash file's time says when the entry was last used, not the PDF's: the PDF is published by its
   * modification time (src/build/publish.ts), which must not change while its bytes do not.
   */
  private touch(f: string): void {
    const now = new Date();
    utimesSync(hashFileOf(f), now, now);
  }

  /** Writes the PDF and its hash, each aside and renamed into place: never half a PDF, never written through. */
  put(key: string, pdf: Buffer): void {
    writeEntry(this.file(key), pdf);
  }

  /** Removes entries not used for `maxAgeDays`; returns how many. */
  prune(maxAgeDays = 30, now = Date.now()): number {
    let removed = 0;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    const lastUsed = (f: string) => {
      try {
        return statSync(hashFileOf(f)).mtimeMs;
      } catch {
        return statSync(f).mtimeMs;
      }
    };
    for (const name of names) {
      if (!/\.(pdf|tmp)$/.test(name)) continue;
      const f = join(this.dir, name);
      try {
        if (now - lastUsed(f) > maxAgeDays * 86_400_000) {
          unlinkSync(f);
          rmSync(hashFileOf(f), { force: true });
          removed++;
        }
      } catch {
        // raced with another build: fine
      }
    }
    return removed;
  }
}
