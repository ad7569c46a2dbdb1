// One error type for every bad input: it names the file, line and field, and what was expected,
// so that an official can fix the spreadsheet or YAML without reading code. A stack trace would only
// point into the reader's code: the stack of these errors is their message, so whatever prints them
// (the validate command, Astro, Node) shows what is wrong with the data and nothing else.

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
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Several errors at once: the build reports all of them, then fails. */
export class SourceErrors extends Error {
  readonly errors: SourceError[];
  constructor(errors: SourceError[]) {
    super(`${errors.length} error(s) in source data:\n` + errors.map((e) => `  - ${e.message}`).join('\n'));
    this.name = 'SourceErrors';
    this.errors = errors;
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * The content cannot be published: every SourceError of a run in the message, one per line, as the Astro
 * build shows it. Not a SourceErrors on purpose: Astro reads any error with an `errors` array as a
 * bundler's and shows only the first, and it hints at "browser APIs" whenever an error's toString()
 * mentions "document". So the list is kept out of sight of both (`sourceErrors`, not enumerable) and
 * toString() gives the count alone.
 */
export class ContentError extends Error {
  declare readonly sourceErrors: readonly SourceError[];
  constructor(errors: SourceErrors) {
    super(errors.message);
    this.name = 'ContentError';
    Object.defineProperty(this, 'sourceErrors', { value: errors.errors, enumerable: false });
    this.stack = `${this.name}: ${this.message}`;
  }
  override toString(): string {
    return `${this.name}: ${this.sourceErrors.length} error(s) in source data`;
  }
}
