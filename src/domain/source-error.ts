// One error type for every bad input: it names the file, line and field, and what was expected,
// so that an official can fix the spreadsheet or YAML without reading code.

export interface SourceLocation {
  file: string;
  line?: number | null;
  field?: string | null;
}

export class SourceError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
  readonly expected: string;

  constructor(location: SourceLocation, problem: string, expected = '') {
    const where = [location.file, location.line ? `line ${location.line}` : null, location.field ? `field "${location.field}"` : null]
      .filter(Boolean)
      .join(', ');
    super(`${where}: ${problem}${expected ? `; expected ${expected}` : ''}`);
    this.name = 'SourceError';
    this.file = location.file;
    this.line = location.line ?? null;
    this.field = location.field ?? null;
    this.expected = expected;
  }
}

/** Several errors at once: the build reports all of them, then fails. */
export class SourceErrors extends Error {
  readonly errors: SourceError[];
  constructor(errors: SourceError[]) {
    super(`${errors.length} error(s) in source data:\n` + errors.map((e) => `  - ${e.message}`).join('\n'));
    this.name = 'SourceErrors';
    this.errors = errors;
  }
}
