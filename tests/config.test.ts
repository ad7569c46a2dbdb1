// Every environment setting, read and checked in one place (config.ts): defaults, a message naming the
// variable and its value for each bad one, and the build date in China.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheRoot, dateInChina, DEFAULT_SITE_URL, readSettings, SettingError } from '../src/config';

/** 2026-12-02T16:30Z: still 2 December in London, already 3 December in China. */
const NOW = new Date('2026-12-02T16:30:00Z');

/** The message readSettings throws for an environment, or null when it accepts it. */
function errorOf(env: Record<string, string>): string | null {
  try {
    readSettings(env, NOW);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(SettingError);
    return (e as Error).message;
  }
}

describe('readSettings: defaults', () => {
  it('reads an empty environment as the defaults', () => {
    expect(readSettings({}, NOW)).toEqual({
      contentDir: resolve('content'),
      cacheDir: null,
      buildDate: '2026-12-03',
      parseCache: true,
      pageCache: true,
      memoryMb: undefined,
      searchShardRecords: undefined,
      cardWorkers: undefined,
      pdfWorkers: undefined,
      siteUrl: DEFAULT_SITE_URL,
      shard: null,
      buildPid: undefined,
    });
  });

  it('takes a blank value as unset, and trims the others', () => {
    const blank = { QINGDAN_MEMORY_MB: '  ', QINGDAN_SITE_URL: '', QINGDAN_PAGE_CACHE: ' ', QINGDAN_CACHE_DIR: '' };
    expect(readSettings(blank, NOW)).toEqual(readSettings({}, NOW));
    expect(readSettings({ QINGDAN_PDF_WORKERS: ' 3 ', QINGDAN_CACHE_DIR: ' /c ' }, NOW)).toMatchObject({ pdfWorkers: 3, cacheDir: '/c' });
  });

  it('reads every variable it knows', () => {
    const s = readSettings(
      {
        QINGDAN_CONTENT_DIR: 'bench/corpus',
        QINGDAN_CACHE_DIR: '/var/cache/qingdan',
        QINGDAN_PARSE_CACHE: 'off',
        QINGDAN_PAGE_CACHE: 'FALSE',
        QINGDAN_MEMORY_MB: '1536.5',
        QINGDAN_SEARCH_SHARD_RECORDS: '250',
        QINGDAN_CARD_WORKERS: '2',
        QINGDAN_PDF_WORKERS: '1',
        QINGDAN_SITE_URL: 'http://localhost:4321/qingdan/',
        QINGDAN_BUILD_PID: '4242',
      },
      NOW,
    );
    expect(s).toEqual({
      contentDir: resolve('bench/corpus'),
      cacheDir: '/var/cache/qingdan',
      buildDate: '2026-12-03',
      parseCache: false,
      pageCache: false,
      memoryMb: 1536.5,
      searchShardRecords: 250,
      cardWorkers: 2,
      pdfWorkers: 1,
      siteUrl: 'http://localhost:4321/qingdan/',
      shard: null,
      buildPid: 4242,
    });
  });

  it('reads QINGDAN_SHARD as a slice with a cache folder of its own', () => {
    expect(readSettings({ QINGDAN_SHARD: '2/3' }, NOW)).toMatchObject({
      shard: { index: 2, count: 3 },
      cacheDir: join('.cache', 'qingdan', 'shard-2-of-3'),
    });
    expect(readSettings({ QINGDAN_SHARD: '1/1', QINGDAN_CACHE_DIR: '/c' }, NOW)).toMatchObject({
      shard: { index: 1, count: 1 },
      cacheDir: '/c/shard-1-of-1',
    });
    for (const bad of ['0/2', '3/2', '2', 'a/b', '1/0', '-1/2'])
      expect(() => readSettings({ QINGDAN_SHARD: bad }, NOW)).toThrow(/QINGDAN_SHARD: expected I\/N/);
  });

  it('reads on and off in the usual spellings', () => {
    for (const off of ['off', 'OFF', '0', 'false']) expect(readSettings({ QINGDAN_PARSE_CACHE: off }, NOW).parseCache, off).toBe(false);
    for (const on of ['on', 'On', '1', 'true']) expect(readSettings({ QINGDAN_PARSE_CACHE: on }, NOW).parseCache, on).toBe(true);
  });
});

describe('readSettings: a bad value fails with the variable, the value and what it takes', () => {
  it.each([
    ['QINGDAN_PARSE_CACHE', 'sometimes', '"on" or "off"'],
    ['QINGDAN_PAGE_CACHE', 'no', '"on" or "off"'],
    ['QINGDAN_MEMORY_MB', '2G', 'a number of MiB greater than 0'],
    ['QINGDAN_MEMORY_MB', '0', 'a number of MiB greater than 0'],
    ['QINGDAN_MEMORY_MB', 'Infinity', 'a number of MiB greater than 0'],
    ['QINGDAN_SEARCH_SHARD_RECORDS', '2.5', 'a whole number of records of 1 or more'],
    ['QINGDAN_CARD_WORKERS', '0', 'a whole number of workers of 1 or more'],
    ['QINGDAN_PDF_WORKERS', '-2', 'a whole number of workers of 1 or more'],
    ['QINGDAN_SITE_URL', 'qingdan.example.cn', 'an http(s) URL such as https://qingdan.example.cn'],
    ['QINGDAN_SITE_URL', 'ftp://qingdan.example.cn/', 'an http(s) URL such as https://qingdan.example.cn'],
    ['QINGDAN_SITE_URL', 'https://user:secret@qingdan.example.cn/', 'an http(s) URL such as https://qingdan.example.cn'],
    ['QINGDAN_BUILD_DATE', '2026-02-30', 'a real date YYYY-MM-DD'],
    ['QINGDAN_BUILD_DATE', '2026-12-3', 'a real date YYYY-MM-DD'],
    ['QINGDAN_BUILD_DATE', '03.12.2026', 'a real date YYYY-MM-DD'],
    ['SOURCE_DATE_EPOCH', '1.7e9', 'whole seconds since 1970-01-01 UTC'],
    ['SOURCE_DATE_EPOCH', '-1', 'whole seconds since 1970-01-01 UTC'],
  ])('%s=%s', (variable, value, expected) => {
    expect(errorOf({ [variable]: value })).toBe(`${variable}: expected ${expected}, got "${value}"`);
  });
});

describe('readSettings: the build date', () => {
  it('is the day in China, whatever the machine’s time zone', () => {
    expect(readSettings({}, NOW).buildDate).toBe('2026-12-03');
    expect(readSettings({}, new Date('2026-12-02T15:59:59Z')).buildDate).toBe('2026-12-02');
    expect(dateInChina(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('follows SOURCE_DATE_EPOCH, in China: 1796227200 (2026-12-02T16:00Z) is 3 December', () => {
    expect(readSettings({ SOURCE_DATE_EPOCH: '1796227200' }, new Date('2030-01-01T00:00:00Z')).buildDate).toBe('2026-12-03');
    expect(readSettings({ SOURCE_DATE_EPOCH: '1796227199' }, NOW).buildDate).toBe('2026-12-02');
    expect(readSettings({ SOURCE_DATE_EPOCH: '0' }, NOW).buildDate).toBe('1970-01-01');
  });

  it('takes QINGDAN_BUILD_DATE as given, before SOURCE_DATE_EPOCH', () => {
    expect(readSettings({ QINGDAN_BUILD_DATE: '2024-02-29' }, NOW).buildDate).toBe('2024-02-29');
    expect(readSettings({ QINGDAN_BUILD_DATE: '2024-02-29', SOURCE_DATE_EPOCH: '1796227200' }, NOW).buildDate).toBe('2024-02-29');
  });
});

describe('cacheRoot', () => {
  it('is QINGDAN_CACHE_DIR, relative to the project root when relative, else .cache/qingdan', () => {
    expect(cacheRoot('/r', { cacheDir: null })).toBe(join('/r', '.cache', 'qingdan'));
    expect(cacheRoot('/r', { cacheDir: '/c' })).toBe('/c');
    expect(cacheRoot('/r', { cacheDir: 'tmp/cache' })).toBe('/r/tmp/cache');
    expect(cacheRoot('/r', readSettings({ QINGDAN_CACHE_DIR: '../shared' }, NOW))).toBe('/shared');
  });
});
