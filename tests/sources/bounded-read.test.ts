// Reading an input no larger than its limit (bounded-read.ts): the size is checked before a byte is read.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SourceError } from '../../src/domain/source-error';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, readFileSync: (...args: Parameters<typeof fs.readFileSync>) => (reads.count++, fs.readFileSync(...args)) };
});
const { readBounded, sizeError } = await import('../../src/sources/bounded-read');

const dir = mkdtempSync(join(tmpdir(), 'qingdan-bounded-'));

describe('readBounded', () => {
  it('reads a file within the limit', () => {
    const file = join(dir, 'small.yaml');
    writeFileSync(file, 'a: 1\n');
    expect(readBounded(file, 'status/x/2019.yaml', 10, 'a status file').toString()).toBe('a: 1\n');
  });

  it('refuses a larger one without reading it, naming the file as the user gave it', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, '');
    truncateSync(file, 11 * 2 ** 20); // sparse: 11 MB on paper, nothing on disk
    const before = reads.count;
    let error: unknown;
    try {
      readBounded(file, 'status/x/2019.yaml', 10 * 2 ** 20, 'a status file');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toBe(
      'status/x/2019.yaml: the file is 11 MB, too large; expected a status file of at most 10 MB',
    );
    expect(reads.count).toBe(before);
  });

  it('throws the file system’s own error for a missing file', () => {
    expect(() => readBounded(join(dir, 'nope.yaml'), 'nope.yaml', 10, 'a file')).toThrow(/ENOENT/);
  });
});

describe('sizeError', () => {
  it('is null within the limit', () => {
    expect(sizeError('a', 10, 10, 'x')).toBeNull();
    expect(sizeError('a', 11, 10, 'x')?.expected).toBe('x of at most 10 bytes');
  });
});
