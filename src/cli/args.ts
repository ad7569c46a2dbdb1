// Command-line options through Node's own parser (node:util parseArgs, strict): an unknown option or
// a missing value is an error that ends with the command's usage line.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function readArgs<O extends OptionSpec>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${usage}`);
  }
}
