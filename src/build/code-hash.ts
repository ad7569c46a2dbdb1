// Output caches key on the code that draws an output, so an edited template never reuses stale files.
import type { Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Adds the name and bytes of each file beside the module at `moduleUrl`. A file that cannot be read
 * (a bundle without sources) adds a marker instead: its revision constant then has to be bumped by hand.
 */
export function hashFilesBeside(hash: Hash, moduleUrl: string, files: readonly string[]): Hash {
  for (const file of files) {
    try {
      hash.update(file).update(readFileSync(new URL(`./${file}`, moduleUrl)));
    } catch {
      hash.update(`${file}: unavailable`);
    }
  }
  return hash;
}
