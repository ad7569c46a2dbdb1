// One build at a time: the lock is exclusive, says who holds it, and a dead build's lock is taken over.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alive, BuildLocked, takeLock, takeLocks } from '../../src/build/lock';

const dir = () => mkdtempSync(join(tmpdir(), 'qingdan-lock-'));

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('takeLock', () => {
  it('is exclusive while held, says who holds it, and is free again once released', () => {
    const file = join(dir(), 'build.lock');
    const held = takeLock(file, '/srv/dist');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), what: '/srv/dist' });
    let error: unknown;
    try {
      takeLock(file, '/srv/other');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BuildLocked);
    expect((error as Error).message).toMatch(
      new RegExp(`another build holds .*build\\.lock \\(process ${process.pid} on .*writing /srv/dist\\)`),
    );
    held.release();
    expect(existsSync(file)).toBe(false);
    takeLock(file, '/srv/other').release();
  });

  it('takes over the lock of a build that is gone, and says so', () => {
    const file = join(dir(), 'build.lock');
    writeFileSync(file, JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00Z', what: 'dist' }));
    const said: string[] = [];
    const held = takeLock(file, 'dist', (m) => said.push(m));
    expect(said).toEqual([expect.stringMatching(/left by a build that is gone \(process \d+, since 2026-01-01T00:00:00Z\): taken over/)]);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    held.release();
  });

  it('takes over an unreadable lock (a build killed while writing it)', () => {
    const file = join(dir(), 'build.lock');
    writeFileSync(file, '');
    const said: string[] = [];
    takeLock(file, 'dist', (m) => said.push(m)).release();
    expect(said).toEqual([expect.stringMatching(/could not be read/)]);
  });

  it('never takes the lock of a build on another machine', () => {
    const file = join(dir(), 'build.lock');
    writeFileSync(file, JSON.stringify({ pid: deadPid(), host: `${hostname()}-other`, since: '2026-01-01T00:00:00Z', what: 'dist' }));
    expect(() => takeLock(file, 'dist')).toThrow(BuildLocked);
  });

  it('release leaves a lock another build has taken since', () => {
    const file = join(dir(), 'build.lock');
    const held = takeLock(file, 'dist');
    writeFileSync(file, JSON.stringify({ pid: process.pid + 1, host: hostname(), since: 'x', what: 'dist' }));
    held.release();
    expect(existsSync(file)).toBe(true);
  });
});

describe('takeLocks', () => {
  it('takes all or none', () => {
    const d = dir();
    const other = takeLock(join(d, 'b.lock'), 'another build');
    expect(() => takeLocks([join(d, 'a.lock'), join(d, 'b.lock')], 'dist')).toThrow(BuildLocked);
    expect(existsSync(join(d, 'a.lock'))).toBe(false);
    other.release();
    const both = takeLocks([join(d, 'a.lock'), join(d, 'b.lock')], 'dist');
    expect([existsSync(join(d, 'a.lock')), existsSync(join(d, 'b.lock'))]).toEqual([true, true]);
    both.release();
    expect([existsSync(join(d, 'a.lock')), existsSync(join(d, 'b.lock'))]).toEqual([false, false]);
  });
});

describe('alive', () => {
  it('is true for a running process and false for a killed one not yet reaped (a zombie)', () => {
    expect(alive(process.pid)).toBe(true);
    if (!existsSync('/proc/self/stat')) return; // zombies are read from /proc (Linux)
    const child = spawn('sh', ['-c', 'exit 0']);
    const pid = child.pid!;
    // The event loop is not run while this waits, so Node cannot reap the child: it stays a zombie.
    const until = Date.now() + 5000;
    let state = '';
    while (Date.now() < until) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z') break;
    }
    expect(state).toBe('Z');
    expect(alive(pid)).toBe(false);
  });
});
