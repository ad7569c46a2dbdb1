// The steps of `npm run build` (src/cli/build.ts), each a Node process of its own. A step may start
// before the one it depends on has passed, its output held back meanwhile: `astro build` runs beside the
// content check (two processes on two cores, about 6 s of every rebuild at 10,000 tasks), and what it
// printed is shown only once the check has passed. When the check fails, the pages step is stopped and
// its output dropped, so the log holds the check's errors alone, as when the steps ran one after another.
import { spawn, type ChildProcess } from 'node:child_process';

export class StepFailed extends Error {
  constructor(
    readonly step: string,
    readonly how: string,
  ) {
    super(`${step} failed (${how})`);
  }
}

export interface Step {
  /** Settles when the process has ended: resolved on exit 0, else rejected with a StepFailed. */
  readonly done: Promise<void>;
  /** Writes what the step printed so far, and from now on passes its output straight through. */
  showOutput(): void;
  /** Ends the process (SIGTERM) and drops its held output; resolves once it has ended. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StepOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Hold the step's output back until showOutput() (default: pass it through as it comes). */
  holdOutput?: boolean;
  /** Where the output goes (default: this process's stdout and stderr). */
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/** The steps running now, for a build that is stopped by a signal. */
const running = new Set<Step>();

/** Stops every running step with `signal`. */
export function stopAllSteps(signal: NodeJS.Signals): void {
  for (const step of running) void step.stop(signal);
}

/** Starts `node args…` as a step. */
export function startStep(name: string, args: string[], options: StepOptions): Step {
  const out = options.stdout ?? process.stdout;
  const err = options.stderr ?? process.stderr;
  const hold = options.holdOutput === true;
  // A held step writes into pipes: tell it to keep its colours when the build writes to a terminal.
  const env = hold && process.stdout.isTTY && !('FORCE_COLOR' in options.env) ? { ...options.env, FORCE_COLOR: '1' } : options.env;
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.cwd,
    env,
    stdio: hold || options.stdout || options.stderr ? ['inherit', 'pipe', 'pipe'] : 'inherit',
  });
  // What becomes of the output: written, kept until showOutput(), or dropped once the step is stopped.
  let mode: 'pass' | 'hold' | 'drop' = hold ? 'hold' : 'pass';
  const held: { to: NodeJS.WritableStream; chunk: Buffer }[] = [];
  const pass = (to: NodeJS.WritableStream) => (chunk: Buffer) => {
    if (mode === 'pass') to.write(chunk);
    else if (mode === 'hold') held.push({ to, chunk });
  };
  child.stdout?.on('data', pass(out));
  child.stderr?.on('data', pass(err));
  let ended = false;
  const done = new Promise<void>((ok, fail) => {
    const end = (failure: string | null) => {
      ended = true;
      running.delete(step);
      if (failure === null) ok();
      else fail(new StepFailed(name, failure));
    };
    child.on('error', (e) => end(e.message));
    // 'close', not 'exit': the pipes are read to their end before the step counts as done.
    child.on('close', (code, signal) => end(code === 0 ? null : (signal ?? `exit ${code}`)));
  });
  // Awaited later, maybe after another step: a failure meanwhile must not count as unhandled.
  done.catch(() => {});
  const step: Step = {
    done,
    showOutput() {
      if (mode !== 'hold') return;
      for (const { to, chunk } of held.splice(0)) to.write(chunk);
      mode = 'pass';
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      mode = 'drop';
      held.length = 0;
      if (!ended) child.kill(signal);
      await done.catch(() => {});
    },
  };
  running.add(step);
  return step;
}
