// Shared by the status-file tests: the fixture documents, the errors a bad fixture case produces, and the
// check every bad case passes (the error names file, line and field, and says what was expected).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { loadStatusReports, type StatusOptions } from '../../../src/sources/status/index';
import { SourceErrors, type SourceError } from '../../../src/domain/source-error';
import type { StatusReport } from '../../../src/domain/types';
import { fixtureDocuments } from '../../fixtures/status/documents';

export const FIXTURES = 'tests/fixtures/status';
export const docs = fixtureDocuments();

/** The errors a fixture case produces; fails the test when it loads cleanly. */
export function errorsOf(caseDir: string): SourceError[] {
  try {
    loadStatusReports(`${FIXTURES}/bad/${caseDir}`, docs);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceErrors);
    return (e as SourceErrors).errors;
  }
  throw new Error(`${caseDir} loaded without errors`);
}

/** One case per check: the fixture folder under bad/, the file, line and field the error names, what it says. */
export type Case = [caseDir: string, file: string, line: number | null, field: string | null, expected: RegExp];

/** The error a case produces names file, line and field, and says what was expected. */
export function expectCase(...[caseDir, file, line, field, expected]: Case): void {
  const errors = errorsOf(caseDir);
  const path = `${FIXTURES}/bad/${caseDir}/${file}`;
  const match = errors.find((e) => e.file === path && e.line === line && e.field === field && expected.test(e.message));
  expect(match, errors.map((e) => e.message).join('\n')).toBeDefined();
  // The message an official reads carries the same facts.
  expect(match!.message).toContain(path);
  if (line !== null) expect(match!.message).toContain(`line ${line}`);
  if (field !== null) expect(match!.message).toContain(`field "${field}"`);
  expect(match!.expected).not.toBe('');
}

/** A status folder in a temporary directory, from path → contents (text, or bytes as saved). */
export function statusFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-status-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Loads a temporary status folder: the reports, or the errors (paths shown relative to the folder). */
export function loadFolder(
  files: Record<string, string | Uint8Array>,
  options: StatusOptions = {},
): { reports: StatusReport[]; errors: SourceError[]; dir: string } {
  const dir = statusFolder(files);
  try {
    return { reports: loadStatusReports(dir, docs, undefined, options), errors: [], dir };
  } catch (e) {
    if (!(e instanceof SourceErrors)) throw e;
    return { reports: [], errors: e.errors, dir };
  }
}

/** Error messages of a temporary folder, its path left out. */
export const messagesOf = (result: { errors: SourceError[]; dir: string }): string[] =>
  result.errors.map((e) => e.message.replaceAll(`${result.dir}/`, '').replaceAll(result.dir, '.'));
