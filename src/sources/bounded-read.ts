// Reading an input file no larger than its limit (src/domain/limits.ts): the size is checked before
// the bytes are read, so a 5 GB file put in the content folder by mistake fails with its name, not
// with the build running out of memory.
import { readFileSync, statSync } from 'node:fs';
import { formatBytes } from '../domain/limits';
import { SourceError } from '../domain/source-error';

/** The problem with a file of `size` bytes where `maxBytes` is the limit, or null. */
export function sizeError(file: string, size: number, maxBytes: number, what: string): SourceError | null {
  if (size <= maxBytes) return null;
  return new SourceError({ file }, `the file is ${formatBytes(size)}, too large`, `${what} of at most ${formatBytes(maxBytes)}`);
}

/**
 * The bytes of `path`, refused with a SourceError naming `file` (the path as the user gave it) when the
 * file is larger than `maxBytes`. Errors of the file system (a missing file) are thrown as they are.
 */
export function readBounded(path: string, file: string, maxBytes: number, what: string): Buffer {
  const error = sizeError(file, statSync(path).size, maxBytes, what);
  if (error) throw error;
  return readFileSync(path);
}
