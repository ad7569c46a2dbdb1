// `npm run build [-- --out DIR] [--config FILE] [--shard I/N]`: the whole site into dist/ (or DIR), one
// build at a time, published all at once or not at all. With --shard I/N, the pages and the I-th of N
// slices of the cards, PDFs and search shards, with a cache of its own, into dist-shard-I-of-N/ (or DIR),
// with a manifest `npm run assemble` checks (src/build/shard.ts, src/cli/assemble.ts):
//   1. lock the cache and the site folder (src/build/lock.ts): a second build fails saying who holds them;
//   2. check all content the way the build reads it, every error at once, before anything is published;
//   3. `astro build` into the work folder in the cache (pages, feeds, data schemas), beside the check,
//      its output shown once the check has passed (src/build/steps.ts);
//   4. the output stages in a process of their own (src/cli/outputs.ts: data files, cards, PDFs, search);
//   5. publish: the site folder is replaced by the work folder's site at once (src/build/publish.ts).
// A failed or stopped build leaves the published site as it was.
import { join, resolve } from 'node:path';
import { cacheRoot, childEnvironment, parseShard, readSettings, type ShardSetting } from '../config';
import { BuildLocked, takeLocks, type HeldLock } from '../build/lock';
import { publishSite, recoverPublishing, workFolder } from '../build/publish';
import { consoleLogger } from '../build/stage';
import { startStep, stopAllSteps, StepFailed } from '../build/steps';
import { blockingWrites } from '../build/whole-log/whole-log';

const ROOT = process.cwd();
const log = consoleLogger('qingdan-build');

interface Options {
  out: string;
  config: string | null;
  shard: ShardSetting | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { out: '', config: null, shard: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--out') o.out = resolve(ROOT, value());
    else if (a === '--config') o.config = value();
    else if (a === '--shard') o.shard = parseShard(value(), '--shard');
    else throw new Error(`unknown argument "${a}" (use --out DIR, --config FILE, --shard I/N)`);
  }
  o.out ||= resolve(ROOT, o.shard ? `dist-shard-${o.shard.index}-of-${o.shard.count}` : 'dist');
  return o;
}

async function main(argv: string[]): Promise<number> {
  blockingWrites();
  const options = parseArgs(argv);
  // Every step of a slice reads its shard (and its own cache) from QINGDAN_SHARD.
  // Every step also learns this process's id: its memory counts against the build's bound (src/build/pool/memory.ts).
  const base = { ...childEnvironment(), QINGDAN_BUILD_PID: String(process.pid) };
  const env = options.shard ? { ...base, QINGDAN_SHARD: `${options.shard.index}/${options.shard.count}` } : base;
  const settings = readSettings(env); // a bad setting fails before anything is locked or written
  const cache = cacheRoot(ROOT, settings);
  const work = workFolder(cache, options.out);
  let lock: HeldLock;
  try {
    lock = takeLocks([join(cache, 'build.lock'), `${options.out}.lock`], options.out, log.warn);
  } catch (e) {
    if (e instanceof BuildLocked) {
      console.error(`error: ${e.message}`);
      return 75; // EX_TEMPFAIL: try again later
    }
    throw e;
  }
  const stop = (signal: NodeJS.Signals) => {
    stopAllSteps(signal);
    recoverPublishing(options.out);
    lock.release();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // TypeScript steps load tsx into their own Node process: tsx's command line would run each in a second
  // process under a first one that stays beside it (about 50 MB) only to pass signals on.
  const tsx = ['--import', 'tsx'];
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  try {
    recoverPublishing(options.out, log.warn);
    // The pages are built beside the content check, their output held back until it has passed
    // (src/build/steps.ts): when it fails, its errors are all the log says, and nothing is published.
    const check = startStep('the content check', [...tsx, join(ROOT, 'src/cli/validate.ts'), '--errors-only'], { cwd: ROOT, env });
    const astroArgs = [astro, 'build', ...(options.config ? ['--config', options.config] : []), '--outDir', work];
    const pages = startStep('astro build', astroArgs, { cwd: ROOT, env, holdOutput: true });
    try {
      await check.done;
    } catch (e) {
      await pages.stop();
      throw e;
    }
    pages.showOutput();
    await pages.done;
    await startStep('the output stages', [...tsx, join(ROOT, 'src/cli/outputs.ts')], { cwd: ROOT, env }).done;
    const started = performance.now();
    const result = publishSite(work, options.out, log.warn);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`[qingdan:phase] publish ${seconds}s`);
    log.info(
      `published ${result.files} files into ${options.out} in ${seconds} s (${result.copied} new or changed, ${result.kept} unchanged)` +
        (result.swapped ? '' : ', file by file'),
    );
    return 0;
  } catch (e) {
    if (!(e instanceof StepFailed)) throw e;
    // The step printed its errors; the published site is as it was.
    console.error(`error: ${e.message}; ${options.out} is unchanged`);
    return 1;
  } finally {
    lock.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
