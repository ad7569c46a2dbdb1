// The table printed at the end of the fault suite (tests/faults/global-setup.ts): one row per check,
// what was tried and whether the portal held. Each test file appends its rows to a file in the run's
// folder; a check that leaks also fails its test.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { suiteDir } from './build';

export interface Row {
  case: string;
  tried: string;
  held: boolean;
  /** What leaked, when it did. */
  detail?: string;
}

export const resultsFile = (dir: string): string => join(dir, 'results.jsonl');

export function record(row: Row): void {
  appendFileSync(resultsFile(suiteDir()), `${JSON.stringify(row)}\n`);
}

/**
 * One check: `problems` lists what leaked (empty: held). Records the row, then fails the test on a leak,
 * naming the problems.
 */
export function check(caseName: string, tried: string, problems: readonly string[]): void {
  const held = problems.length === 0;
  record({ case: caseName, tried, held, detail: held ? undefined : problems.slice(0, 5).join('; ').slice(0, 300) });
  expect(problems, `${caseName}: ${tried}`).toEqual([]);
}
