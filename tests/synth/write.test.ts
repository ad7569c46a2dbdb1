// Writing a corpus (write.ts): never over a folder that is not a synthetic corpus.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeCorpus } from '../../src/synth/index';
import { writeCorpus } from '../../src/synth/write';

describe('a written corpus through the real loaders', () => {
  const corpus = synthesizeCorpus({ tasks: 400, seed: 11 });

  it('refuses to write over a folder that is not a synthetic corpus', () => {
    const other = mkdtempSync(join(tmpdir(), 'qingdan-notsynth-'));
    try {
      mkdirSync(join(other, 'documents'));
      writeFileSync(join(other, 'documents', 'real.txt'), 'x');
      expect(() => writeCorpus(corpus, other)).toThrow(/refusing/);
      expect(readFileSync(join(other, 'documents', 'real.txt'), 'utf8')).toBe('x');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
