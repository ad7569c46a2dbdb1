// 报送模板 workbooks kept between builds, keyed by what they show (the template model) and the code and
// exceljs version that write them. Writing a workbook takes exceljs about 30 ms, and a rebuild after one
// status report would write every document's again (10 s at 10,000 tasks) to get the same bytes.
// Entries are verified before reuse (src/build/cache-entry.mjs): a damaged one is written again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheRoot, settings, type Settings } from '../../config';
import { readEntry, writeEntry } from '../../build/cache-entry.mjs';
import { hashFilesBeside } from '../../build/code-hash';
import { REPORTED_STATUSES, STATUS_DESCRIPTIONS } from '../../domain/status-catalogue';
import type { TemplateModel } from './template';

/** `$QINGDAN_CACHE_DIR/templates`, default `<root>/.cache/qingdan/templates`. */
export const templateCacheDir = (root: string, s: Pick<Settings, 'cacheDir'> = settings()): string => join(cacheRoot(root, s), 'templates');

/** The code that turns a model into a workbook, beside this module. */
const WORKBOOK_FILES = ['template.ts'];

let codeVersion: string | undefined;
/**
 * The workbook code's bytes, the status words its dropdown and instructions list, and the exceljs and
 * jszip versions: a change to any of them writes every workbook again.
 */
function workbookVersion(): string {
  if (codeVersion) return codeVersion;
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256').update(JSON.stringify([REPORTED_STATUSES, STATUS_DESCRIPTIONS]));
  for (const name of ['exceljs', 'jszip']) hash.update(`${name} ${(require(`${name}/package.json`) as { version: string }).version}\n`);
  return (codeVersion = hashFilesBeside(hash, import.meta.url, WORKBOOK_FILES)
    .digest('hex')
    .slice(0, 16));
}

export function workbookKey(model: TemplateModel): string {
  return createHash('sha256').update(`${workbookVersion()}\n`).update(JSON.stringify(model)).digest('hex').slice(0, 32);
}

export interface WorkbookCacheStats {
  reused: number;
  written: number;
  damaged: number;
}

export class WorkbookCache {
  private readonly used = new Set<string>();
  readonly stats: WorkbookCacheStats = { reused: 0, written: 0, damaged: 0 };

  constructor(readonly dir: string) {}

  /** The model's workbook from the cache, else made by `make` and kept. */
  async workbook(model: TemplateModel, make: (m: TemplateModel) => Promise<Uint8Array>): Promise<Uint8Array> {
    const key = workbookKey(model);
    const file = join(this.dir, `${key}.xlsx`);
    this.used.add(`${key}.xlsx`);
    const entry = readEntry(file);
    if (typeof entry !== 'string') {
      this.stats.reused++;
      return entry;
    }
    if (entry === 'damaged') this.stats.damaged++;
    const bytes = await make(model);
    writeEntry(file, bytes);
    this.stats.written++;
    return bytes;
  }

  /** Removes the workbooks this build did not use (other documents, dates or code): the cache stays one build's size. */
  prune(): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const entry = name.replace(/\.sha256$/, '');
      if (this.used.has(entry)) continue;
      rmSync(join(this.dir, name), { force: true });
      if (name.endsWith('.xlsx')) removed++;
    }
    return removed;
  }
}
