// The CLI contract: `npm run --silent extract -- FILE` prints one JSON object.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (file: string) => spawnSync('npm', ['run', '--silent', 'extract', '--', file], { encoding: 'utf8' });

describe('npm run --silent extract', () => {
  it('prints the contract shape for a real document', () => {
    const out = execFileSync('npm', ['run', '--silent', 'extract', '--', 'content/documents/huangyuan-2021-gaodi.txt'], {
      encoding: 'utf8',
    });
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['title', 'docNumber', 'issuer', 'date', 'tasks']);
    expect(json.tasks).toHaveLength(19);
    const t = json.tasks[6];
    expect(t).toMatchObject({ id: expect.any(String), number: '7', text: expect.stringContaining('森林覆盖率达到38.5%') });
    expect(t.units[0]).toEqual({ name: '县林草局', role: 'lead' });
    expect(t.deadlines[0]).toEqual({ text: expect.any(String), date: '2025-12-31' });
    expect(t.targets).toContainEqual({ text: '全县森林覆盖率达到38.5%' });
    expect(json.date).toBe('2021-09-27');
  }, 60_000);

  it('any text file works, GB18030 included; bad input gives one line on stderr and a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingdan-cli-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = run(empty);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(empty);
    const missing = run(join(dir, 'nope.txt'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('nope.txt');
  }, 60_000);
});
