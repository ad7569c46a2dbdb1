// Runs in every e2e test file: when global-setup could not produce a site, fail the file with
// the reason instead of letting each test trip over a missing dist/.
import { beforeAll, inject } from 'vitest';

beforeAll(() => {
  const error = inject('buildError');
  if (error) throw new Error(`no site to test: ${error}`);
});
