import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, pruneFolder, replaceFile, writeIfChanged } from '../../src/build/site-files';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tree(files: string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-site-files-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), f);
  }
  return dir;
}

describe('listFiles', () => {
  it('lists every file under the folder with "/" paths, folders of any depth included', () => {
    const d = tree(['index.html', 'tasks/a/index.html', 'tasks/b/c/index.html', 'cards/x.png']);
    expect(listFiles(d).sort()).toEqual(['cards/x.png', 'index.html', 'tasks/a/index.html', 'tasks/b/c/index.html']);
  });

  it('does not enter the folders it is told to skip, at any depth', () => {
    const d = tree(['index.html', 'cards/x.png', 'cards/deep/y.png', 'tasks/cards/index.html', 'tasks/skip/z.html']);
    const asked: string[] = [];
    const files = listFiles(d, (folder) => {
      asked.push(folder);
      return folder === 'cards/' || folder === 'tasks/skip/';
    });
    expect(files.sort()).toEqual(['index.html', 'tasks/cards/index.html']);
    expect(asked).not.toContain('cards/deep/');
  });

  it('follows a symbolic link to a folder as the folder it points to', () => {
    const d = tree(['real/a.html']);
    symlinkSync(join(d, 'real'), join(d, 'linked'));
    expect(listFiles(d).sort()).toEqual(['linked/a.html', 'real/a.html']);
  });

  it('is empty for a folder that does not exist', () => {
    dir = mkdtempSync(join(tmpdir(), 'qingdan-site-files-'));
    expect(listFiles(join(dir, 'missing'))).toEqual([]);
  });
});

describe('pruneFolder', () => {
  it('deletes what keep does not name and the folders left empty, and leaves skipped folders alone', () => {
    const d = tree(['index.html', 'old/gone/index.html', 'tasks/a/index.html', 'tasks/b/index.html', 'cards/old.png']);
    mkdirSync(join(d, 'reports/empty'), { recursive: true });
    const removed = pruneFolder(
      d,
      (f) => f === 'index.html' || f === 'tasks/a/index.html',
      (folder) => folder === 'cards/' || folder === 'reports/',
    );
    expect(removed).toBe(2);
    expect(listFiles(d).sort()).toEqual(['cards/old.png', 'index.html', 'tasks/a/index.html']);
    expect(existsSync(join(d, 'old'))).toBe(false);
    expect(existsSync(join(d, 'tasks/b'))).toBe(false);
    // A skipped folder is another stage's: even an empty one stays.
    expect(existsSync(join(d, 'reports/empty'))).toBe(true);
  });

  it('removes nothing, and no folder, when keep names every file', () => {
    const d = tree(['a/b.html']);
    mkdirSync(join(d, 'empty'));
    expect(pruneFolder(d, () => true)).toBe(0);
    expect(existsSync(join(d, 'empty'))).toBe(true);
  });
});

describe('replaceFile', () => {
  it('writes the file, folders included, and leaves nothing aside', () => {
    dir = mkdtempSync(join(tmpdir(), 'qingdan-site-files-'));
    replaceFile(join(dir, 'data/a/tasks.json'), '{"a":1}');
    expect(readFileSync(join(dir, 'data/a/tasks.json'), 'utf8')).toBe('{"a":1}');
    expect(readdirSync(join(dir, 'data/a'))).toEqual(['tasks.json']);
  });

  it('replaces a hard-linked file instead of writing through the link into the other copy', () => {
    const d = tree(['cache/manifest.json']);
    mkdirSync(join(d, 'site'));
    linkSync(join(d, 'cache/manifest.json'), join(d, 'site/manifest.json'));
    replaceFile(join(d, 'site/manifest.json'), 'new');
    expect(readFileSync(join(d, 'site/manifest.json'), 'utf8')).toBe('new');
    expect(readFileSync(join(d, 'cache/manifest.json'), 'utf8')).toBe('cache/manifest.json');
  });
});

describe('writeIfChanged', () => {
  it('leaves a file holding the same bytes as it is, its time too, and replaces one that differs', () => {
    const d = tree(['data/tasks.csv']);
    const file = join(d, 'data/tasks.csv');
    const old = new Date('2026-01-02T03:04:05Z');
    utimesSync(file, old, old);
    expect(writeIfChanged(file, 'data/tasks.csv')).toBe(false);
    expect(statSync(file).mtimeMs).toBe(old.getTime());
    expect(writeIfChanged(file, Buffer.from('data/tasks.csX'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('data/tasks.csX');
    expect(statSync(file).mtimeMs).not.toBe(old.getTime());
    expect(writeIfChanged(join(d, 'data/new.csv'), 'new')).toBe(true);
    expect(readdirSync(join(d, 'data')).sort()).toEqual(['new.csv', 'tasks.csv']);
  });

  it('replaces a changed hard-linked file instead of writing through the link', () => {
    const d = tree(['cache/a.csv']);
    mkdirSync(join(d, 'site'));
    linkSync(join(d, 'cache/a.csv'), join(d, 'site/a.csv'));
    writeIfChanged(join(d, 'site/a.csv'), 'other');
    expect(readFileSync(join(d, 'cache/a.csv'), 'utf8')).toBe('cache/a.csv');
  });
});
