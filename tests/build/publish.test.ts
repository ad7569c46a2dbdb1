// Publishing: the site folder is replaced at once, unchanged files are linked to the published copy and
// never to the work folder or a cache, and a build stopped while publishing is put right.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPublished, publishSite, recoverPublishing, spare, workFolder } from '../../src/build/publish';
import { listFiles } from '../../src/build/site-files';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-work-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const site = () => join(mkdtempSync(join(tmpdir(), 'qingdan-site-')), 'dist');
const read = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('publishSite', () => {
  it('publishes the site of the work folder, without its markers and leftovers', () => {
    const work = folder({ 'index.html': 'home', 'tasks/a/index.html': 'a', '.qingdan-site': 'marker', '.prerender/x.mjs': 'x' });
    const dist = site();
    const r = publishSite(work, dist);
    expect(read(dist)).toEqual({ 'index.html': 'home', 'tasks/a/index.html': 'a' });
    expect(r).toEqual({ files: 2, copied: 2, kept: 0, swapped: true });
  });

  it('replaces the previous site whole: removed files go, changed ones change, unchanged ones are linked to the published copy', () => {
    const work = folder({ 'index.html': 'home', 'a.html': 'a', 'gone.html': 'gone' });
    const dist = site();
    publishSite(work, dist);
    const before = statSync(join(dist, 'a.html')).ino;
    writeFileSync(join(work, 'index.html'), 'home 2');
    utimesSync(join(work, 'index.html'), new Date(), new Date(Date.now() + 5000));
    renameSync(join(work, 'gone.html'), join(work, 'b.html'));
    const r = publishSite(work, dist);
    expect(read(dist)).toEqual({ 'index.html': 'home 2', 'a.html': 'a', 'b.html': 'gone' });
    expect(r).toMatchObject({ files: 3, kept: 1 });
    expect(statSync(join(dist, 'a.html')).ino).toBe(before);
    // Never a link into the work folder (whose files the next build writes, or a cache links).
    for (const f of listFiles(dist)) expect(statSync(join(dist, f)).ino).not.toBe(statSync(join(work, f)).ino);
    expect(existsSync(`${dist}.staging-${process.pid}`) || existsSync(`${dist}.previous-${process.pid}`)).toBe(false);
  });

  it('a failure while staging leaves the published site as it was, and no staging folder', () => {
    const work = folder({ 'index.html': 'home' });
    const dist = site();
    publishSite(work, dist);
    writeFileSync(join(work, 'index.html'), 'home 2');
    symlinkSync(join(work, 'nowhere'), join(work, 'broken.html')); // unreadable: staging fails
    expect(() => publishSite(work, dist)).toThrow(/ENOENT/);
    expect(read(dist)).toEqual({ 'index.html': 'home' });
    expect(existsSync(`${dist}.staging-${process.pid}`)).toBe(false);
  });

  it('keeps the site it replaced as the spare, and brings the spare up to date into the next site', () => {
    const work = folder({ 'index.html': 'home 1', 'a.html': 'a', 'old/gone.html': 'gone' });
    const dist = site();
    const edit = (file: string, text: string, secondsLater: number) => {
      writeFileSync(join(work, file), text);
      utimesSync(join(work, file), new Date(), new Date(Date.now() + secondsLater * 1000));
    };
    publishSite(work, dist);
    expect(existsSync(spare(dist))).toBe(false); // nothing was replaced
    edit('index.html', 'home 2', 5);
    publishSite(work, dist);
    expect(read(spare(dist))).toEqual({ 'index.html': 'home 1', 'a.html': 'a', 'old/gone.html': 'gone' });
    // The third site is the spare brought up to date: a file gone, a folder where a file was, a changed file.
    edit('index.html', 'home 3', 10);
    rmSync(join(work, 'old'), { recursive: true });
    writeFileSync(join(work, 'old'), 'a file where a folder was');
    mkdirSync(join(work, 'a.html.d'));
    writeFileSync(join(work, 'a.html.d/x.html'), 'x');
    const r = publishSite(work, dist);
    expect(read(dist)).toEqual({ 'index.html': 'home 3', 'a.html': 'a', old: 'a file where a folder was', 'a.html.d/x.html': 'x' });
    expect(r).toEqual({ files: 4, copied: 3, kept: 1, swapped: true });
    // Nothing written through a link: the site replaced (now the spare) is the second one, whole.
    expect(read(spare(dist))).toEqual({ 'index.html': 'home 2', 'a.html': 'a', 'old/gone.html': 'gone' });
    expect(statSync(join(dist, 'a.html')).ino).toBe(statSync(join(spare(dist), 'a.html')).ino);
    for (const f of listFiles(dist)) expect(statSync(join(dist, f)).ino).not.toBe(statSync(join(work, f)).ino);
  });

  it('makes the right site from a spare someone changed', () => {
    const work = folder({ 'index.html': 'home', 'a.html': 'a' });
    const dist = site();
    publishSite(work, dist);
    publishSite(work, dist);
    writeFileSync(join(spare(dist), 'stray.html'), 'stray');
    rmSync(join(spare(dist), 'a.html'));
    mkdirSync(join(spare(dist), 'index.html.d'));
    publishSite(work, dist);
    expect(read(dist)).toEqual({ 'index.html': 'home', 'a.html': 'a' });
    // A file where the spare folder goes is no site: the publish goes on without it, and replaces it.
    rmSync(spare(dist), { recursive: true });
    writeFileSync(spare(dist), 'not a folder');
    expect(publishSite(work, dist)).toMatchObject({ files: 2, swapped: true });
    expect(read(dist)).toEqual({ 'index.html': 'home', 'a.html': 'a' });
    expect(statSync(spare(dist)).isDirectory()).toBe(true);
  });

  it('refuses a work folder without a home page', () => {
    const dist = site();
    expect(() => publishSite(folder({ 'a.html': 'a' }), dist)).toThrow(/no index\.html: nothing published/);
    expect(existsSync(dist)).toBe(false);
  });
});

describe('recoverPublishing', () => {
  it('moves back a site renamed aside by a build stopped between its two renames, and clears leftovers', () => {
    const dist = site();
    mkdirSync(`${dist}.previous-123`, { recursive: true });
    writeFileSync(join(`${dist}.previous-123`, 'index.html'), 'old site');
    mkdirSync(`${dist}.staging-123`, { recursive: true });
    const said: string[] = [];
    recoverPublishing(dist, (l) => said.push(l));
    expect(read(dist)).toEqual({ 'index.html': 'old site' });
    expect([existsSync(`${dist}.previous-123`), existsSync(`${dist}.staging-123`)]).toEqual([false, false]);
    expect(said).toEqual([expect.stringMatching(/restored .* a build was stopped while publishing/)]);
  });
});

describe('helpers', () => {
  it('isPublished leaves out dot folders and files at the top, but not .well-known', () => {
    expect(['index.html', '.qingdan-site', '.prerender/a.mjs', '.well-known/security.txt', 'a/.b'].map(isPublished)).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
  });

  it('workFolder: one per site folder, in the cache', () => {
    expect(workFolder('/c', '/srv/dist')).toMatch(/^\/c\/site\/[0-9a-f]{12}$/);
    expect(workFolder('/c', '/srv/dist')).not.toBe(workFolder('/c', '/srv/dist2'));
  });
});
