// Changes exactly one status report in a content tree: the first report of the newest status file of
// the first document (by name) gets the next reported status and a note. The benchmark's warm rebuild
// and the incremental-build test both start from this one change.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { REPORTED_STATUSES } from '../src/domain/status-catalogue.ts';

export interface ReportChange {
  file: string;
  task: string;
  from: string;
  to: string;
}

export function changeOneReport(statusDir: string): ReportChange {
  for (const doc of readdirSync(statusDir).sort()) {
    if (!statSync(join(statusDir, doc)).isDirectory()) continue; // a README beside the folders
    const files = readdirSync(join(statusDir, doc))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    if (!files.length) continue;
    const file = join(statusDir, doc, files[files.length - 1]);
    const yaml = parseDocument(readFileSync(file, 'utf8'));
    const task = String(yaml.getIn(['reports', 0, 'task']));
    const from = String(yaml.getIn(['reports', 0, 'status']));
    const to = REPORTED_STATUSES[(REPORTED_STATUSES.indexOf(from as (typeof REPORTED_STATUSES)[number]) + 1) % REPORTED_STATUSES.length];
    yaml.setIn(['reports', 0, 'status'], to);
    yaml.setIn(['reports', 0, 'progress'], `${String(yaml.getIn(['reports', 0, 'progress']) ?? '')}（基准测试：温构建前修改）`);
    writeFileSync(file, yaml.toString());
    return { file, task, from, to };
  }
  throw new Error(`no status file under ${statusDir}`);
}
