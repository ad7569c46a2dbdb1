// `npm run dev` (astro dev with src/build/dev/integration.ts and getPortal's content stamp): an edited status
// file shows on the next request, a status file that no longer validates gives the errors, not stale content.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS } from '../../../src/domain/status-catalogue';
import { repoPath } from '../../helpers/repo';

const work = mkdtempSync(join(tmpdir(), 'qingdan-dev-'));
const content = join(work, 'content');
const PORT = 4300 + Math.floor(Math.random() * 500);
const PAGE = `http://127.0.0.1:${PORT}/tasks/haidong-2019-yaodian/t1/`;
const FILE = join(content, 'status', 'haidong-2019-yaodian', '2019-Q4.yaml');
let server: ChildProcess;

beforeAll(async () => {
  cpSync(repoPath('content'), content, { recursive: true });
  server = spawn(repoPath('node_modules/.bin/astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: repoPath(),
    // A clean environment: vitest's own (MODE, BASE_URL, DEV …, NODE_ENV=test) would change what Vite serves.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, QINGDAN_CONTENT_DIR: content, QINGDAN_BUILD_DATE: '2026-12-03' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout!.on('data', (b) => (log += b));
  server.stderr!.on('data', (b) => (log += b));
  for (let i = 0; i < 180; i++) {
    try {
      const r = await fetch(PAGE);
      if (r.status === 200) return;
      log += `\n[test] ${r.status}: ${(await r.text()).slice(0, 300)}`;
    } catch (e) {
      log += `\n[test] ${String(e)}`; // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`astro dev did not answer:\n${log.slice(-3000)}`);
}, 300_000);

afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** The t1 report of 2019-Q4 given another status word. */
function setStatus(word: string) {
  const text = readFileSync(FILE, 'utf8');
  const at = text.indexOf('  - task: t1\n');
  writeFileSync(FILE, text.slice(0, at) + text.slice(at).replace(/status: \S+/, `status: ${word}`));
}

describe('npm run dev', () => {
  it('shows an edited status file on the next request', async () => {
    const before = await (await fetch(PAGE)).text();
    expect(before).not.toContain(STATUS.closed);
    setStatus(STATUS.closed);
    await new Promise((r) => setTimeout(r, 1000));
    const after = await (await fetch(PAGE)).text();
    expect(after).toContain(STATUS.closed);
  }, 120_000);

  it('a status file that no longer validates gives its errors instead of stale content', async () => {
    setStatus('搞定');
    await new Promise((r) => setTimeout(r, 1000));
    const r = await fetch(PAGE);
    expect(r.status).toBe(500);
    expect(await r.text()).toContain('ContentError');
  }, 120_000);
});
