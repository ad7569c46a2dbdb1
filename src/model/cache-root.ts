// Where every build cache lives (parsed sources, cards, PDFs, the site-folder record, the handoff to the
// output stages): $QINGDAN_CACHE_DIR (relative to the project root when relative), else
// <root>/.cache/qingdan. One place, so every stage agrees on it.
import { isAbsolute, join, resolve } from 'node:path';

export function cacheRoot(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const base = env.QINGDAN_CACHE_DIR?.trim();
  if (base) return isAbsolute(base) ? base : resolve(root, base);
  return join(root, '.cache', 'qingdan');
}
