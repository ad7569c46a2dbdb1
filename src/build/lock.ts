// One build at a time. Two builds sharing a cache or a site folder would delete each other's
// half-written files, so a build holds a lock file in each (created exclusively, holding who took it).
// A second build fails at once, saying which build holds the lock; a lock left by a build that was
// killed (its process is gone) is taken over with a warning.
import { hostname } from 'node:os';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the build started. */
  since: string;
  /** What the build writes, for the message a second build prints. */
  what: string;
}

/** A build that holds the lock. */
export class BuildLocked extends Error {
  constructor(
    readonly file: string,
    readonly owner: LockOwner,
  ) {
    super(
      `another build holds ${file} (process ${owner.pid} on ${owner.host}, since ${owner.since}, writing ${owner.what}): ` +
        'wait for it to finish, or stop it; a lock left by a killed build is taken over by the next build',
    );
    this.name = 'BuildLocked';
  }
}

/** A killed build that its parent has not reaped yet is a zombie: signal 0 reaches it, but it holds nothing. */
function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (command) state …"; the command may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // no /proc (macOS) or the process is gone: signal 0 decides
  }
}

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

export interface HeldLock {
  file: string;
  release(): void;
}

/**
 * Takes the lock file `file`. Throws BuildLocked while another live build holds it; a lock whose
 * process is gone (same machine), or that cannot be read, is stale and taken over (`onStale` says so).
 */
export function takeLock(file: string, what: string, onStale: (message: string) => void = () => {}): HeldLock {
  mkdirSync(dirname(file), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), what };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          // Only our own lock: a build that took over a lock it thought stale must keep it.
          if (readOwner(file)?.pid === me.pid && readOwner(file)?.host === me.host) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readOwner(file);
    // Another machine's build (a shared folder) cannot be checked: it holds the lock until removed by hand.
    if (owner && (owner.host !== me.host || alive(owner.pid))) throw new BuildLocked(file, owner);
    onStale(
      owner
        ? `${file} was left by a build that is gone (process ${owner.pid}, since ${owner.since}): taken over`
        : `${file} could not be read (a build killed while taking it): taken over`,
    );
    rmSync(file, { force: true });
  }
  throw new Error(`could not take ${file}`);
}

/** Takes every lock or none: the ones taken are released when a later one is held by another build. */
export function takeLocks(files: readonly string[], what: string, onStale?: (message: string) => void): HeldLock {
  const held: HeldLock[] = [];
  try {
    for (const file of files) held.push(takeLock(file, what, onStale));
  } catch (e) {
    for (const h of held) h.release();
    throw e;
  }
  return { file: files.join(', '), release: () => held.reverse().forEach((h) => h.release()) };
}
