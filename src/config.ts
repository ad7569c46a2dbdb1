// Every environment setting of qingdan, read and checked in one place. A bad value fails the build
// before any stage runs, with the variable, its value and what it takes; nothing else reads
// process.env. Tests pass an environment of their own to readSettings().
import { isAbsolute, join, resolve } from 'node:path';

/** The public URL the portal is served from when QINGDAN_SITE_URL does not say. */
export const DEFAULT_SITE_URL = 'https://qingdan.example.cn';

/** The readers' calendar: a build on 3 December in China is dated 3 December, whatever the machine's zone. */
export const BUILD_TIME_ZONE = 'Asia/Shanghai';

export interface Settings {
  /** The content root (documents, registry, status): QINGDAN_CONTENT_DIR, else ./content; absolute. */
  contentDir: string;
  /** QINGDAN_CACHE_DIR as given (relative to the project root when relative), or null for <root>/.cache/qingdan. */
  cacheDir: string | null;
  /**
   * The build date, YYYY-MM-DD in China: QINGDAN_BUILD_DATE, else the day of SOURCE_DATE_EPOCH (reproducible
   * builds), else today. Pages, feeds, cards and PDF reports all say this one date.
   */
  buildDate: string;
  /** QINGDAN_PARSE_CACHE=off parses every source file again. */
  parseCache: boolean;
  /** QINGDAN_PAGE_CACHE=off renders every page again. */
  pageCache: boolean;
  /** QINGDAN_MEMORY_MB: the whole build's memory bound in MiB, when set. */
  memoryMb: number | undefined;
  /** QINGDAN_SEARCH_SHARD_RECORDS: records per search shard, when set. */
  searchShardRecords: number | undefined;
  /** QINGDAN_CARD_WORKERS / QINGDAN_PDF_WORKERS: worker counts, when set (still bounded by memory). */
  cardWorkers: number | undefined;
  pdfWorkers: number | undefined;
  /** QINGDAN_SITE_URL: the public URL (og:image, feeds and the sitemap need absolute URLs). */
  siteUrl: string;
  /**
   * QINGDAN_SHARD=I/N (`npm run build -- --shard I/N` sets it): this build makes the I-th of N slices of the
   * cards, PDFs and search shards (src/build/shard.ts), with a cache of its own (cacheDir gets a folder
   * shard-I-of-N); null for a whole build.
   */
  shard: ShardSetting | null;
  /**
   * QINGDAN_BUILD_PID (`npm run build` sets it for its steps): the process that runs the build's steps. Its
   * memory counts against the build's bound too, so the output stages leave it room (src/build/pool/memory.ts).
   */
  buildPid: number | undefined;
}

/** One slice of a build split across machines: `index` from 1 to `count`. */
export interface ShardSetting {
  index: number;
  count: number;
}

/** A setting with a value it cannot take. */
export class SettingError extends Error {
  constructor(variable: string, raw: string, expected: string) {
    super(`${variable}: expected ${expected}, got "${raw}"`);
    this.name = 'SettingError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const given = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
};

function positiveNumber(env: Env, name: string, expected: string, whole: boolean): number | undefined {
  const raw = given(env, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) throw new SettingError(name, raw, expected);
  return n;
}

function onOff(env: Env, name: string): boolean {
  const raw = given(env, name);
  if (raw === undefined) return true;
  const v = raw.toLowerCase();
  if (v === 'off' || v === '0' || v === 'false') return false;
  if (v === 'on' || v === '1' || v === 'true') return true;
  throw new SettingError(name, raw, '"on" or "off"');
}

/** YYYY-MM-DD of an instant in China. */
export function dateInChina(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BUILD_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function buildDate(env: Env, now: Date): string {
  const asked = given(env, 'QINGDAN_BUILD_DATE');
  if (asked !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asked);
    const real = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === asked;
    if (!real) throw new SettingError('QINGDAN_BUILD_DATE', asked, 'a real date YYYY-MM-DD');
    return asked;
  }
  const epoch = given(env, 'SOURCE_DATE_EPOCH');
  if (epoch !== undefined) {
    if (!/^\d+$/.test(epoch)) throw new SettingError('SOURCE_DATE_EPOCH', epoch, 'whole seconds since 1970-01-01 UTC');
    return dateInChina(new Date(Number(epoch) * 1000));
  }
  return dateInChina(now);
}

function siteUrl(env: Env): string {
  const raw = given(env, 'QINGDAN_SITE_URL');
  if (raw === undefined) return DEFAULT_SITE_URL;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password)
    throw new SettingError('QINGDAN_SITE_URL', raw, 'an http(s) URL such as https://qingdan.example.cn');
  return raw;
}

/** "I/N" with 1 ≤ I ≤ N: the I-th of N slices. */
export function parseShard(raw: string, variable = 'QINGDAN_SHARD'): ShardSetting {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 1000)
    throw new SettingError(variable, raw, 'I/N with 1 ≤ I ≤ N ≤ 1000, such as 2/4');
  return { index, count };
}

/** The folder of a slice's own cache under the cache root: shard-2-of-4. */
export const shardCacheFolder = (shard: ShardSetting): string => `shard-${shard.index}-of-${shard.count}`;

/** Every setting from an environment, checked; throws SettingError on the first bad one. */
export function readSettings(env: Env = process.env, now: Date = new Date()): Settings {
  const rawShard = given(env, 'QINGDAN_SHARD');
  const shard = rawShard === undefined ? null : parseShard(rawShard);
  const cacheDir = given(env, 'QINGDAN_CACHE_DIR') ?? null;
  return {
    contentDir: resolve(given(env, 'QINGDAN_CONTENT_DIR') ?? 'content'),
    // A slice keeps a cache of its own: slices built one after another on one machine must not prune each other's.
    cacheDir: shard ? join(cacheDir ?? join('.cache', 'qingdan'), shardCacheFolder(shard)) : cacheDir,
    buildDate: buildDate(env, now),
    parseCache: onOff(env, 'QINGDAN_PARSE_CACHE'),
    pageCache: onOff(env, 'QINGDAN_PAGE_CACHE'),
    memoryMb: positiveNumber(env, 'QINGDAN_MEMORY_MB', 'a number of MiB greater than 0', false),
    searchShardRecords: positiveNumber(env, 'QINGDAN_SEARCH_SHARD_RECORDS', 'a whole number of records of 1 or more', true),
    cardWorkers: positiveNumber(env, 'QINGDAN_CARD_WORKERS', 'a whole number of workers of 1 or more', true),
    pdfWorkers: positiveNumber(env, 'QINGDAN_PDF_WORKERS', 'a whole number of workers of 1 or more', true),
    siteUrl: siteUrl(env),
    shard,
    buildPid: positiveNumber(env, 'QINGDAN_BUILD_PID', 'the id of a process, a whole number of 1 or more', true),
  };
}

// On globalThis: the Astro build loads this module twice (Vite's bundle of the pages, the config's own import).
const SETTINGS = Symbol.for('qingdan.settings');
const slot = globalThis as Record<symbol, Settings | undefined>;

/** This process's settings, read once. */
export function settings(): Settings {
  return (slot[SETTINGS] ??= readSettings());
}

/**
 * Where every build cache lives (parsed sources, cards, PDFs, the search shards, the site-folder record, the
 * handoff to the output stages): QINGDAN_CACHE_DIR, else <root>/.cache/qingdan. One place, so every stage
 * agrees on it.
 */
export function cacheRoot(root: string = process.cwd(), s: Pick<Settings, 'cacheDir'> = settings()): string {
  if (s.cacheDir) return isAbsolute(s.cacheDir) ? s.cacheDir : resolve(root, s.cacheDir);
  return join(root, '.cache', 'qingdan');
}

/**
 * The environment a build step's child process inherits (src/cli/build.ts): this process's, with the
 * allocator setting the build runs with (fewer malloc arenas: about 200 MB less at 10,000 tasks) and
 * Astro's telemetry off (nothing may call another host).
 */
export function childEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', ASTRO_TELEMETRY_DISABLED: '1' };
}
