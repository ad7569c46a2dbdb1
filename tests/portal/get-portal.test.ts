// The portal the build loads (get-portal.ts): on bad content, the error the Astro build prints is the full
// list of problems, one per line, with no stack trace into the readers' code (checked by hand with
// `astro build` on bad content: the list is printed whole, without a trace or a hint).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/domain/source-error';
import { getPortal } from '../../src/portal/get-portal';
import { NO_PARSE_CACHE } from '../../src/sources/parse-cache';
import { repoPath } from '../helpers/repo';

describe('getPortal', () => {
  it('fails with every problem of the content in its message, not the first one and a stack trace', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'qingdan-portal-')), 'content');
    cpSync(repoPath('content'), root, { recursive: true });
    try {
      const docs = join(root, 'documents');
      writeFileSync(
        join(docs, 'ali-2018-meili-xizang.yaml'),
        'region: "542500"\nkind: 分工方案\nsourceUrl: "javascript:alert(1)"\nreporting: annual\nspan: { start: 2018-12-20, end: 2030-12-31 }\n',
      );
      writeFileSync(join(docs, 'haidong-2019-yaodian.fixes.yaml'), '- task: t999\n  lead: [市林草局]\n  reason: 测试\n');
      writeFileSync(
        join(root, 'status', 'huangyuan-2021-gaodi', '2099.yaml'),
        'document: huangyuan-2021-gaodi\nperiod: 2099\nsource: demo\nreportedOn: 2099-12-01\nreports: []\n',
      );
      const error = await getPortal(root, () => NO_PARSE_CACHE).then(
        () => null,
        (e: unknown) => e,
      );
      // Not a SourceErrors: Astro shows only the first of an error's `errors` (see source-error.ts).
      expect(error).toBeInstanceOf(ContentError);
      expect(Object.keys(error as object)).not.toContain('errors');
      const { message, stack, sourceErrors: errors } = error as ContentError;
      const lines = message.split('\n');
      expect(lines[0]).toBe(`${errors.length} error(s) in source data:`);
      expect(lines.slice(1)).toEqual([
        expect.stringMatching(/ali-2018-meili-xizang\.yaml, line 3, field "sourceUrl": not an http\(s\) address/),
        expect.stringMatching(/haidong-2019-yaodian\.fixes\.yaml, line 1, field "0\.task": no task "t999"/),
        expect.stringMatching(
          /huangyuan-2021-gaodi\/2099\.yaml, line 2, field "period": period "2099" starts on 2099-01-01, after the build date/,
        ),
        expect.stringMatching(
          /huangyuan-2021-gaodi\/2099\.yaml, line 4, field "reportedOn": report date 2099-12-01 is after the build date/,
        ),
      ]);
      expect(stack).toBe(`ContentError: ${message}`);
    } finally {
      rmSync(join(root, '..'), { recursive: true, force: true });
    }
  }, 60_000);
});
