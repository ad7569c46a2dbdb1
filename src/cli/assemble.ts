// `npm run assemble -- DIR... [--out DIR]`: the site of a build split across machines, put together from
// the folders `npm run build -- --shard I/N` wrote (one per slice, e.g. CI artifacts). Refuses, naming
// every problem, slices of different content versions or splits, a slice missing or given twice, a work
// item made by no slice or by two, files the slices disagree on or that changed since they were built;
// otherwise publishes the site into dist/ (or --out DIR) all at once, as `npm run build` does
// (src/build/assemble.ts, src/build/publish.ts). The published site is byte for byte the one a single
// machine builds from the same content.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { cacheRoot, readSettings } from '../config';
import { AssembleRefused, assembleSlices } from '../build/assemble';
import { BuildLocked, takeLocks, type HeldLock } from '../build/lock';
import { recoverPublishing } from '../build/publish';
import { consoleLogger } from '../build/stage';
import { readArgs } from './args';

const ROOT = process.cwd();
const log = consoleLogger('qingdan-assemble');

const USAGE = 'usage: npm run assemble -- DIR... --out dist';

function parseOptions(argv: string[]): { dirs: string[]; out: string } {
  const { values, positionals } = readArgs(argv, { out: { type: 'string' } }, USAGE);
  if (!positionals.length) throw new Error(`name the slice folders\n${USAGE}`);
  return { dirs: positionals.map((d) => resolve(ROOT, d)), out: resolve(ROOT, values.out ?? 'dist') };
}

function main(argv: string[]): number {
  const { dirs, out } = parseOptions(argv);
  const settings = readSettings();
  // Assembled in a folder of the cache of its own (never a build's work folder), then published.
  const work = join(cacheRoot(ROOT, settings), 'assemble', createHash('sha256').update(out).digest('hex').slice(0, 12));
  let lock: HeldLock;
  try {
    lock = takeLocks([`${work}.lock`, `${out}.lock`], out, log.warn);
  } catch (e) {
    if (e instanceof BuildLocked) {
      console.error(`error: ${e.message}`);
      return 75;
    }
    throw e;
  }
  const stop = (signal: NodeJS.Signals) => {
    recoverPublishing(out);
    lock.release();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const started = performance.now();
  try {
    const result = assembleSlices(dirs, work, out, log.warn);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`[qingdan:phase] assemble ${seconds}s`);
    log.info(
      `${result.slices} slice(s), ${result.items} work items: published ${result.files} files into ${out} in ${seconds} s ` +
        `(${result.copied} new or changed, ${result.kept} unchanged)${result.swapped ? '' : ', file by file'}`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AssembleRefused)) throw e;
    for (const problem of e.problems) console.error(`error: ${problem}`);
    console.error(`error: nothing assembled; ${out} is unchanged`);
    return 1;
  } finally {
    lock.release();
  }
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (e) {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
