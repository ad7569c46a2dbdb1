// The repository's own folders, for tests wherever they sit in tests/.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside the repository: repoPath('content', 'status'). */
export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);
