// A published file that cannot be read as a plan (a damaged .docx, a scanned PDF): what is wrong, and
// what to do instead, for the error an editor reads.
export class UnreadableFile extends Error {
  constructor(
    readonly problem: string,
    /** What the file should be, or the step that makes it readable. */
    readonly remedy: string,
  ) {
    super(`${problem}; ${remedy}`);
    this.name = 'UnreadableFile';
  }
}
