// Real builds for the fault suite: `npm run build` (src/cli/build.ts) on a copy of the suite's content,
// with caches of its own (QINGDAN_CACHE_DIR and Astro's cacheDir, through a config wrapper as in
// tests/e2e/incremental.test.ts) and its own site folder, all under one temporary folder per run.
// A build runs in a process group of its own, so a test can watch its output and kill the whole
// group (the build, `astro build`, the outputs process, PDF workers, Pagefind) at once.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { inject } from 'vitest';
import { REPO_ROOT } from '../../helpers/repo';

/** The suite's content: one trimmed plan, a minimal registry, demonstration reports. */
export const FIXTURE = join(REPO_ROOT, 'tests/fixtures/faults/content');
/** After every report of the fixture; before 2099. */
export const BUILD_DATE = '2026-06-30';

/** The run's temporary folder (tests/faults/global-setup.ts makes it; a file run alone makes its own). */
export function suiteDir(): string {
  let dir: string | undefined;
  try {
    dir = inject('faultsDir');
  } catch {
    dir = undefined;
  }
  dir ??= process.env.QINGDAN_FAULTS_DIR ?? join(tmpdir(), `qingdan-faults-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface Workspace {
  dir: string;
  /** QINGDAN_CONTENT_DIR: a copy of the fixture, changed by the test. */
  content: string;
  /** QINGDAN_CACHE_DIR. */
  cache: string;
  /** The Astro config wrapper with this workspace's own Astro cache. */
  config: string;
}

/**
 * A workspace under the run's folder: content copied from `from` (the fixture unless said), caches of its
 * own. `name` must be unique in the run.
 */
export function workspace(name: string, from: string = FIXTURE): Workspace {
  const dir = join(suiteDir(), name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const content = join(dir, 'content');
  cpSync(from, content, { recursive: true });
  const config = join(dir, 'astro.faults.config.mjs');
  const astroCache = join(dir, 'astro-cache');
  writeFileSync(
    config,
    `import config from ${JSON.stringify(join(REPO_ROOT, 'astro.config.mjs'))};\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(astroCache)}, vite: { ...(config.vite ?? {}), cacheDir: ${JSON.stringify(join(astroCache, 'vite'))} } };\n`,
  );
  return { dir, content, cache: join(dir, 'cache'), config };
}

/** Fresh caches for a workspace (its content and site folders stay): the next build is a clean one. */
export function dropCaches(ws: Workspace): void {
  rmSync(ws.cache, { recursive: true, force: true });
  rmSync(join(ws.dir, 'astro-cache'), { recursive: true, force: true });
}

export interface BuildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr as they came. */
  log: string;
  seconds: number;
}

export interface RunningBuild {
  pid: number;
  /** Output so far. */
  log(): string;
  /** Whether the build has ended (all its output read). */
  ended(): boolean;
  done: Promise<BuildResult>;
  /** SIGKILL to the build's whole process group; resolves when no process of the group is left. */
  killGroup(): Promise<void>;
}

export interface BuildOptions {
  /** The site folder (--out). */
  out: string;
  env?: Record<string, string>;
}

export function buildEnv(ws: Workspace, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: [join(REPO_ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    MALLOC_ARENA_MAX: '2',
    QINGDAN_CONTENT_DIR: ws.content,
    QINGDAN_CACHE_DIR: ws.cache,
    QINGDAN_BUILD_DATE: BUILD_DATE,
    SOURCE_DATE_EPOCH: String(Date.parse(`${BUILD_DATE}T00:00:00Z`) / 1000),
    QINGDAN_SITE_URL: 'https://qingdan.example.gov.cn/',
    ...extra,
  };
}

/** Starts `npm run build` (as its script does: node --import tsx src/cli/build.ts) in a process group of its own. */
export function startBuild(ws: Workspace, options: BuildOptions): RunningBuild {
  const args = ['--import', 'tsx', join(REPO_ROOT, 'src/cli/build.ts'), '--config', relative(REPO_ROOT, ws.config), '--out', options.out];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: buildEnv(ws, options.env),
    detached: true, // a process group of its own: killGroup() reaches every process the build started
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const pid = child.pid!;
  const done = new Promise<BuildResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, log: out, seconds: (performance.now() - started) / 1000 }));
  });
  let ended = false;
  void done.then(
    () => (ended = true),
    () => (ended = true),
  );
  return {
    pid,
    log: () => out,
    ended: () => ended,
    done,
    async killGroup() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
      // Zombies too: a killed process whose parent died is reaped by init a moment later, and until then
      // it still counts as alive (kill(pid, 0)), so the lock it held is not yet stale.
      await until(() => groupProcesses(pid, true).length === 0, 20_000, `processes of build ${pid} still there after SIGKILL`);
      await done;
    },
  };
}

/** Runs a build to its end. */
export function build(ws: Workspace, options: BuildOptions): Promise<BuildResult> {
  return startBuild(ws, options).done;
}

/** Runs a build that must succeed; throws with the end of its log otherwise. */
export async function buildOk(ws: Workspace, options: BuildOptions): Promise<BuildResult> {
  const result = await build(ws, options);
  if (result.code !== 0)
    throw new Error(`build into ${options.out} failed (exit ${result.code ?? result.signal}):\n${result.log.slice(-6000)}`);
  return result;
}

/** Processes of a process group (Linux /proc): pid and command line; zombies only when asked. */
export function groupProcesses(pgid: number, zombies = false): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid || (fields[0] === 'Z' && !zombies)) continue;
      found.push({ pid: Number(name), cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

export async function until(condition: () => boolean, timeoutMs: number, what: string, everyMs = 10): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every file under `dir` (relative paths, sorted) with the SHA-256 of its bytes. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** How two snapshots differ: files only in one, files whose bytes differ. Empty when byte-identical. */
export function differences(actual: Map<string, string>, expected: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [f, h] of expected) {
    if (!actual.has(f)) out.push(`missing ${f}`);
    else if (actual.get(f) !== h) out.push(`differs ${f}`);
  }
  for (const f of actual.keys()) if (!expected.has(f)) out.push(`extra ${f}`);
  return out;
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  return [...snapshot(dir).keys()];
}

/** Whether a folder holds a published site (its home page). */
export const isSite = (dir: string): boolean => existsSync(join(dir, 'index.html')) && statSync(dir).isDirectory();

/**
 * A clean build of `content` shared by the files of the run: made once (fresh caches, own site folder)
 * under the run's folder and reused by name, so cases that only read outputs share it.
 */
export async function sharedCleanBuild(name: string, makeContent: (content: string) => void): Promise<{ out: string; log: string }> {
  const dir = join(suiteDir(), `shared-${name}`);
  const out = join(dir, 'site');
  const logFile = join(dir, 'build.log');
  if (existsSync(join(dir, 'done'))) return { out, log: readFileSync(logFile, 'utf8') };
  const ws = workspace(`shared-${name}`);
  makeContent(ws.content);
  const result = await buildOk(ws, { out });
  writeFileSync(logFile, result.log);
  writeFileSync(join(dir, 'done'), '');
  return { out, log: result.log };
}

/** Lines of a log that look like a JavaScript stack frame. */
export const stackLines = (log: string): string[] => log.split('\n').filter((l) => /^\s+at .+(:\d+:\d+\)?|\(native\))$/.test(l));
