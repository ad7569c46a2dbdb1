import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startStep, StepFailed } from '../../src/build/steps';

/** A writable stream that keeps what is written to it. */
function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { stream, text: () => text };
}

/** `node -e code` as a step whose stdout and stderr are kept in `out` and `err`. */
function run(name: string, code: string, holdOutput = false) {
  const out = sink();
  const err = sink();
  const step = startStep(name, ['-e', code], { cwd: process.cwd(), env: process.env, holdOutput, stdout: out.stream, stderr: err.stream });
  return { step, out, err };
}

describe('startStep', () => {
  it('passes output straight through, and resolves when the process exits 0', async () => {
    const { step, out, err } = run('echo', 'console.log("one"); console.error("two")');
    await step.done;
    expect(out.text()).toBe('one\n');
    expect(err.text()).toBe('two\n');
  });

  it('holds output back until showOutput(), then writes it in order and passes the rest through', async () => {
    const { step, out, err } = run('held', 'console.log("a"); console.error("b"); setTimeout(() => console.log("c"), 300)', true);
    await new Promise((r) => setTimeout(r, 150));
    expect(out.text() + err.text()).toBe('');
    step.showOutput();
    await step.done;
    expect(out.text()).toBe('a\nc\n');
    expect(err.text()).toBe('b\n');
  });

  it('stop() ends the process and drops what it held; done then rejects with a StepFailed', async () => {
    const { step, out } = run('long', 'console.log("never shown"); setTimeout(() => {}, 60_000)', true);
    await new Promise((r) => setTimeout(r, 150));
    const started = Date.now();
    await step.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    step.showOutput();
    expect(out.text()).toBe('');
    await expect(step.done).rejects.toBeInstanceOf(StepFailed);
    await expect(step.done).rejects.toThrow('long failed (SIGTERM)');
  });

  it('a step that fails while nobody awaits it rejects later with its exit code, not as an unhandled rejection', async () => {
    const { step } = run('failing', 'process.exit(3)', true);
    await new Promise((r) => setTimeout(r, 500)); // it has ended by now, with no handler of ours attached
    await expect(step.done).rejects.toThrow('failing failed (exit 3)');
  });
});
