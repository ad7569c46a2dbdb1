// Runs one benchmark step as a child process and measures it: wall time, and peak RSS of the whole
// process tree (the child and every descendant: Astro's workers, Pagefind's native binary…),
// sampled from /proc every 150 ms. Each output line is kept with the time it arrived, so phases
// can be cut from the log afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LogLine {
  /** Seconds since the step started. */
  t: number;
  text: string;
}

export interface StepResult {
  ok: boolean;
  exitCode: number | null;
  wallSeconds: number;
  /** Peak of the summed RSS of the process tree, MB (10^6 bytes); null where /proc is missing. */
  peakRssMb: number | null;
  /** Every sample: seconds since start, summed tree RSS in MB; for peaks per phase. */
  rss: Array<{ t: number; mb: number }>;
  lines: LogLine[];
  /** Why the step failed: exit code and the last error-looking lines. */
  reason?: string;
}

const PAGE_SIZE = 4096; // Linux on x86-64 and arm64 (the machines this project runs on)

/** Parent pid of every process: field 4 of /proc/<pid>/stat, read after the command name's closing ')'. */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(rest[1]));
    } catch {
      // the process ended between listing and reading
    }
  }
  return parents;
}

/** The pid and all its descendants, from one snapshot of /proc. */
export function processTree(root: number, parents: Map<number, number> = parentMap()): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(pid);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    if (out.includes(pid)) continue;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident bytes of a process (statm's second field, in pages); 0 once it has gone. */
function rssBytes(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

export function treeRssBytes(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Full output goes here as it arrives. */
  logFile: string;
  /** Echo a line to the console when it matches (progress without the noise). */
  echo?: RegExp;
  intervalMs?: number;
}

export async function runMeasured(command: string, args: string[], options: RunOptions): Promise<StepResult> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  log.write(`$ ${command} ${args.join(' ')}\n`);
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const lines: LogLine[] = [];
  const procAvailable = (() => {
    try {
      readdirSync('/proc/self');
      return true;
    } catch {
      return false;
    }
  })();

  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak = 0;
  const rss: StepResult['rss'] = [];
  const sample = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const bytes = treeRssBytes(child.pid);
    peak = Math.max(peak, bytes);
    rss.push({ t: Math.round(seconds() * 100) / 100, mb: Math.round(bytes / 1e5) / 10 });
  };
  const timer = setInterval(sample, options.intervalMs ?? 150);
  sample();

  const onData = (stream: 'out' | 'err') => {
    let partial = '';
    return (chunk: Buffer) => {
      const t = seconds();
      log.write(chunk);
      const parts = (partial + chunk.toString('utf8')).split(/\r?\n/);
      partial = parts.pop() ?? '';
      for (const text of parts) {
        lines.push({ t, text });
        if (options.echo?.test(text)) console.log(`    ${stream === 'err' ? '!' : '·'} ${text.trim().slice(0, 160)}`);
      }
    };
  };
  child.stdout.on('data', onData('out'));
  child.stderr.on('data', onData('err'));

  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('error', (e) => {
      lines.push({ t: seconds(), text: `spawn error: ${e.message}` });
      resolve(null);
    });
    child.on('close', (code) => resolve(code));
  });
  clearInterval(timer);
  const wallSeconds = seconds();
  await new Promise<void>((resolve) => log.end(resolve));

  const ok = exitCode === 0;
  let reason: string | undefined;
  if (!ok) {
    const errorish = lines.filter((l) => /error|failed|cannot|not found|✗/i.test(l.text)).map((l) => l.text.trim());
    const tail = (errorish.length ? errorish : lines.map((l) => l.text.trim())).filter(Boolean).slice(-3);
    reason = `exit ${exitCode ?? 'spawn failed'}: ${tail.join(' | ').slice(0, 400)}`;
  }
  return { ok, exitCode, wallSeconds, peakRssMb: procAvailable ? Math.round(peak / 1e5) / 10 : null, rss, lines, reason };
}
