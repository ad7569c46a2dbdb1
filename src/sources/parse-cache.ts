// A cache of parsed source files, so a rebuild after one status report parses one file, not thousands.
// An entry is keyed by a hash of the file's bytes, the file's path and the parser code's version; a
// value is the parser's result as JSON. Only successful parses are stored: a file with an error is
// parsed (and reported) again on every build. Validation against the rest of the content always runs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, settings, type Settings } from '../config';

export interface ParseCache {
  /** The key of one input: the kind of parse plus every byte it depends on. */
  key(kind: string, ...parts: Array<string | Uint8Array>): string;
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  /** Removes entries this build did not use; returns how many. */
  prune(): number;
  readonly hits: number;
  readonly misses: number;
}

/** No cache: every file is parsed (tests, and builds with QINGDAN_PARSE_CACHE=off). */
export const NO_PARSE_CACHE: ParseCache = {
  key: () => '',
  get: () => undefined,
  set: () => {},
  prune: () => 0,
  hits: 0,
  misses: 0,
};

/** Hash of every file under the given folders: a change to the parser's code empties its cache. */
export function codeVersion(dirs: string[]): string | null {
  const hash = createHash('sha256');
  const walk = (dir: string): boolean => {
    if (!existsSync(dir)) return false;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(`${name}\0`).update(readFileSync(p));
    }
    return true;
  };
  return dirs.map(walk).every(Boolean) ? hash.digest('hex').slice(0, 16) : null;
}

/** An entry being written: `<entry>.<pid>.tmp`, renamed into place once whole. */
const ASIDE_SUFFIX = '.tmp';
/** How long prune() leaves a file written aside: longer than any write, so only a stopped process's goes. */
const ASIDE_KEPT_MS = 10 * 60_000;

/** A cache in `dir`: one JSON file per entry, in folders by the key's first two characters. */
export function openParseCache(dir: string, version: string): ParseCache {
  const used = new Set<string>();
  const pathOf = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  const cache = {
    hits: 0,
    misses: 0,
    key(kind: string, ...parts: Array<string | Uint8Array>) {
      const hash = createHash('sha256').update(`${version}\0${kind}`);
      for (const p of parts) hash.update('\0').update(p);
      return hash.digest('hex').slice(0, 32);
    },
    get<T>(key: string): T | undefined {
      used.add(key);
      try {
        const value = JSON.parse(readFileSync(pathOf(key), 'utf8')) as T;
        cache.hits++;
        return value;
      } catch {
        cache.misses++;
        return undefined; // missing or damaged: parse again
      }
    },
    set(key: string, value: unknown) {
      used.add(key);
      const file = pathOf(key);
      mkdirSync(join(file, '..'), { recursive: true });
      // Written aside and renamed: the content check and the pages' ingest run at once and may read an
      // entry while the other writes it (src/build/steps.ts).
      const aside = `${file}.${process.pid}${ASIDE_SUFFIX}`;
      writeFileSync(aside, JSON.stringify(value));
      renameSync(aside, file);
    },
    prune() {
      if (!existsSync(dir)) return 0;
      let removed = 0;
      for (const sub of readdirSync(dir)) {
        const folder = join(dir, sub);
        if (!statSync(folder).isDirectory()) continue;
        for (const name of readdirSync(folder)) {
          const file = join(folder, name);
          // A file written aside is another process's entry on its way in, unless it was left long ago.
          const keep = name.endsWith(ASIDE_SUFFIX)
            ? (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > Date.now() - ASIDE_KEPT_MS
            : used.has(name.replace(/\.json$/, ''));
          if (!keep) {
            rmSync(file, { force: true });
            removed++;
          }
        }
      }
      return removed;
    },
  };
  return cache;
}

/**
 * The build's parse cache: <cache root>/parse, keyed by the code of src/sources and src/domain (what a
 * parse depends on), so editing a parser starts it afresh. QINGDAN_PARSE_CACHE=off parses everything.
 */
export function buildParseCache(
  projectRoot: string = process.cwd(),
  s: Pick<Settings, 'parseCache' | 'cacheDir'> = settings(),
): ParseCache {
  if (!s.parseCache) return NO_PARSE_CACHE;
  const src = join(projectRoot, 'src');
  const version = codeVersion([join(src, 'sources'), join(src, 'domain')]);
  if (!version) return NO_PARSE_CACHE; // not run from the project root: no way to know the parser's version
  return openParseCache(join(cacheRoot(projectRoot, s), 'parse'), version);
}
