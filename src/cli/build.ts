// `npm run build [-- --out DIR] [--config FILE] [--shard I/N]`: the whole site into dist/ (or DIR), one
// build at a time, published all at once or not at all. With --shard I/N, the pages and the I-th of N
// slices of the cards, PDFs and search shards, with a cache of its own, into dist-shard-I-of-N/ (or DIR),
// with a manifest `npm run assemble` checks (src/build/shard.ts, src/cli/assemble.ts):
//   1. lock the cache and the site folder (src/build/lock.ts): a second build fails saying who holds them;
//   2. check all content the way the build reads it, every error at once, before anything is written;
//   3. `astro build` into the work folder in the cache (pages, feeds, data schemas);
//   4. the output stages in a process of their own (src/cli/outputs.ts: data files, cards, PDFs, search);
//   5. publish: the site folder is replaced by the work folder's site at once (src/build/publish.ts).
// A failed or stopped build leaves the published site as it was.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cacheRoot, childEnvironment, parseShard, readSettings, type ShardSetting } from '../config';
import { BuildLocked, takeLocks, type HeldLock } from '../build/lock';
import { publishSite, recoverPublishing, workFolder } from '../build/publish';
import { consoleLogger } from '../build/stage';
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

let child: ChildProcess | null = null;

/** Runs a step in a process of its own, its output passed through; rejects when it fails. */
function step(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      child = null;
      if (code === 0) ok();
      else fail(new StepFailed(name, signal ?? `exit ${code}`));
    });
  });
}

class StepFailed extends Error {
  constructor(
    readonly step: string,
    readonly how: string,
  ) {
    super(`${step} failed (${how})`);
  }
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
    child?.kill(signal);
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
    await step('the content check', [...tsx, join(ROOT, 'src/cli/validate.ts'), '--errors-only'], env);
    await step('astro build', [astro, 'build', ...(options.config ? ['--config', options.config] : []), '--outDir', work], env);
    await step('the output stages', [...tsx, join(ROOT, 'src/cli/outputs.ts')], env);
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
