// `npm run validate` (validate.ts): every problem of the content, one per line on stderr, exit 1, and no
// stack trace; clean content gives its summary and exit 0.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/repo';

const work = mkdtempSync(join(tmpdir(), 'qingdan-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const validate = (content: string, env: Record<string, string> = {}) =>
  spawnSync(repoPath('node_modules/.bin/tsx'), [repoPath('src/cli/validate.ts')], {
    cwd: repoPath(),
    encoding: 'utf8',
    env: { ...process.env, QINGDAN_CONTENT_DIR: content, QINGDAN_BUILD_DATE: '2026-12-03', ...env },
  });

describe('npm run validate', () => {
  it('lists every error of the content, one per line, without a stack trace', () => {
    const content = join(work, 'bad');
    cpSync(repoPath('content'), content, { recursive: true });
    writeFileSync(join(content, 'documents', 'x#y.txt'), '1.加强保护。(地区农牧局)\n');
    writeFileSync(
      join(content, 'documents', 'x#y.yaml'),
      'region: "542500"\nkind: 分工方案\nreporting: annual\nspan: { start: 2018-12-20, end: 2030-12-31 }\n',
    );
    writeFileSync(join(content, 'documents', 'xizang-2018-ducha-zhenggai.fixes.yaml'), '- task: p999\n  lead: [区厅]\n  reason: 测试\n');
    writeFileSync(
      join(content, 'status', 'haidong-2019-yaodian', '2019-Q4.yaml'),
      'document: haidong-2019-yaodian\nperiod: 2019-Q4\nsource: demo\nreportedOn: 2099-01-01\nreports: []\n',
    );
    const r = validate(content);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^error: .*documents\/x#y\.txt: "x#y" cannot be a document's name .* such as x-y\.txt/),
      expect.stringMatching(/^error: .*xizang-2018-ducha-zhenggai\.fixes\.yaml, line 1, field "0\.task": no task "p999"/),
      expect.stringMatching(
        /^error: .*haidong-2019-yaodian\/2019-Q4\.yaml, line 4, field "reportedOn": report date 2099-01-01 is after the build date 2026-12-03/,
      ),
      '3 error(s)',
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('the real content validates, its documents listed by their path in the content folder', () => {
    const r = validate(repoPath('content'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^documents: 5, tasks: \d+/);
    expect(r.stdout).toMatch(/\(documents\/[a-z0-9-]+\.txt:\d+\)/);
    expect(r.stdout).not.toContain(repoPath());
  }, 60_000);

  it("reads through the build's parse cache: the build's own check leaves its pages nothing to parse, and says the same from the cache", () => {
    const cache = join(work, 'cache');
    const first = validate(repoPath('content'), { QINGDAN_CACHE_DIR: cache });
    expect(first.status).toBe(0);
    const entries = readdirSync(join(cache, 'parse'), { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(entries.length).toBeGreaterThanOrEqual(5); // the five documents at least, and their status files
    const again = validate(repoPath('content'), { QINGDAN_CACHE_DIR: cache });
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe('');
  }, 60_000);

  it('a bad setting is one line too', () => {
    const r = validate(repoPath('content'), { QINGDAN_BUILD_DATE: '2026-02-30' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('error: QINGDAN_BUILD_DATE: expected a real date YYYY-MM-DD, got "2026-02-30"');
  }, 60_000);
});
