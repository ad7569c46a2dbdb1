// SourceError and SourceErrors (source-error.ts): file, line, field and what was expected in the message,
// every error of a run in one list, and no stack trace into the readers' code.
import { describe, expect, it } from 'vitest';
import { ContentError, SourceError, SourceErrors } from '../../src/domain/source-error';

describe('SourceError', () => {
  it('names file, line and field, then the problem and what was expected', () => {
    const e = new SourceError(
      { file: 'documents/a.yaml', line: 4, field: 'sourceUrl' },
      'not an http(s) address',
      'an http(s) address or null',
    );
    expect(e.message).toBe('documents/a.yaml, line 4, field "sourceUrl": not an http(s) address; expected an http(s) address or null');
    expect([e.file, e.line, e.field, e.expected]).toEqual(['documents/a.yaml', 4, 'sourceUrl', 'an http(s) address or null']);
  });

  it('has no stack trace: what prints it shows the data’s problem only', () => {
    const e = new SourceError({ file: 'a.csv' }, 'empty file');
    expect(e.stack).toBe('SourceError: a.csv: empty file');
    expect(e.stack).not.toMatch(/\n\s+at /);
  });
});

describe('SourceErrors', () => {
  it('lists every error, one per line, and has no stack trace either', () => {
    const errors = [
      new SourceError({ file: 'a.yaml', line: 1 }, 'one'),
      new SourceError({ file: 'b.csv', line: 2, field: 'status' }, 'two'),
    ];
    const all = new SourceErrors(errors);
    expect(all.errors).toEqual(errors);
    expect(all.message.split('\n')).toEqual([
      '2 error(s) in source data:',
      '  - a.yaml, line 1: one',
      '  - b.csv, line 2, field "status": two',
    ]);
    expect(all.stack).toBe(`SourceErrors: ${all.message}`);
  });
});

describe('ContentError', () => {
  it('carries the whole list in its message, with no `errors` array and no mention of "document" in toString()', () => {
    const errors = [new SourceError({ file: 'documents/a.yaml', line: 1 }, 'one'), new SourceError({ file: 'documents/b.txt' }, 'two')];
    const e = new ContentError(new SourceErrors(errors));
    expect(e.message).toBe(new SourceErrors(errors).message);
    expect(e.stack).toBe(`ContentError: ${e.message}`);
    expect(e.sourceErrors).toEqual(errors);
    expect('errors' in e).toBe(false);
    expect(Object.keys(e)).not.toContain('sourceErrors');
    expect(e.toString()).toBe('ContentError: 2 error(s) in source data');
  });
});
