import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const LINES = 200_000; // about 8 MB, far more than a pipe holds (64 KB on Linux)
const dir = mkdtempSync(join(tmpdir(), 'qingdan-whole-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines a reader that starts late gets from a process that writes a burst and then calls process.exit(). */
function linesThroughPipe(blocking: boolean): number {
  const script = join(dir, `burst-${blocking}.mjs`);
  const module = pathToFileURL(resolve('src/build/whole-log/whole-log.ts')).href;
  writeFileSync(
    script,
    `import { blockingWrites } from ${JSON.stringify(module)};\n` +
      (blocking ? 'blockingWrites();\n' : '') +
      `for (let i = 0; i < ${LINES}; i++) process.stdout.write('route ' + i + ' (cached)\\n');\nprocess.exit(0);\n`,
  );
  const cmd = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(script)} | (sleep 1; wc -l)`;
  return Number(execFileSync('/bin/sh', ['-c', cmd], { encoding: 'utf8' }).trim());
}

describe('blockingWrites', () => {
  it('without it, a burst written to a slow pipe is cut short by process.exit() (the failure it prevents)', () => {
    expect(linesThroughPipe(false)).toBeLessThan(LINES);
  });

  it('with it, every line reaches the reader', () => {
    expect(linesThroughPipe(true)).toBe(LINES);
  });
});
