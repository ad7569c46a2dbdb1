// hashFilesBeside (src/build/code-hash.ts): the template versions of cards and PDFs rest on it.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashFilesBeside } from '../../src/build/code-hash';

describe('hashFilesBeside', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-code-hash-'));
  const moduleUrl = pathToFileURL(join(dir, 'module.ts')).href;
  const digest = (files: string[]) => hashFilesBeside(createHash('sha256'), moduleUrl, files).digest('hex');

  it('changes with a file’s bytes, and reads the files beside the module', () => {
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;');
    const before = digest(['a.ts']);
    expect(digest(['a.ts'])).toBe(before);
    writeFileSync(join(dir, 'a.ts'), 'export const a = 2;');
    expect(digest(['a.ts'])).not.toBe(before);
  });

  it('marks a file it cannot read instead of failing, and the marker differs from any content', () => {
    writeFileSync(join(dir, 'b.ts'), '');
    expect(() => digest(['missing.ts'])).not.toThrow();
    expect(digest(['missing.ts'])).toBe(digest(['missing.ts']));
    expect(digest(['b.ts'])).not.toBe(digest(['missing.ts']));
    expect(digest(['missing.ts'])).not.toBe(digest([]));
  });
});
