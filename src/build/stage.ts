// What the output stages (cards, PDFs, search) share. They run after the Astro build, in a process of
// their own (src/cli/outputs.ts): the Astro build process ends first and gives its memory back, so the
// stages' workers have the build's memory bound to themselves. The Astro build leaves a handoff file
// saying where it wrote the site (src/build/site-dir/integration.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheRoot } from '../config';
import type { WorkSlice } from './shard';

export interface StageLogger {
  info: (line: string) => void;
  warn: (line: string) => void;
}

export interface StageContext {
  /** The site folder (dist/). */
  outDir: string;
  /** The project root. */
  root: string;
  /** The public URL (Astro's `site`), or null. */
  site: string | null;
  logger: (tag: string) => StageLogger;
  /** In a build split across machines (`--shard I/N`), which cards, PDFs and search shards this one makes (shard.ts). */
  slice?: WorkSlice;
}

/** What the Astro build tells the output stages. */
export interface Handoff {
  outDir: string;
  root: string;
  site: string | null;
  /** Where the site-dir record goes once every stage is done. */
  siteRecordFile: string;
}

export const handoffFile = (root: string) => join(cacheRoot(root), 'build.json');

export function writeHandoff(handoff: Handoff): void {
  const file = handoffFile(handoff.root);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(handoff));
}

export function readHandoff(root: string): Handoff {
  const file = handoffFile(root);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Handoff;
  } catch {
    throw new Error(`no ${file}: run \`astro build\` first (npm run build runs both)`);
  }
}

/** Lines like Astro's own: "12:00:01 [tag] message". */
export function consoleLogger(tag: string): StageLogger {
  const time = () => new Date().toTimeString().slice(0, 8);
  return {
    info: (line) => console.log(`${time()} [${tag}] ${line}`),
    warn: (line) => console.warn(`${time()} [${tag}] warning: ${line}`),
  };
}
