// How extraction fares against the reviewed expectations in tests/fixtures/extraction/<name>/:
// per document, task recall and precision, unit F1 (names, and names with roles), lead accuracy and
// the task count against the true count. Tasks are matched by the first characters of their text.
//   npx tsx scripts/extraction-report.ts [--detail NAME]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareExtraction, type ExpectedDocument } from '../tests/helpers/extraction';
import { extractFile } from '../src/cli/extract';

const DIR = 'tests/fixtures/extraction';
const detail = process.argv.includes('--detail') ? process.argv[process.argv.indexOf('--detail') + 1] : null;

const rows: string[][] = [['document', 'tasks', 'true', 'recall', 'precision', 'unit F1', 'role F1', 'lead acc', 'docNumber']];
const totals = { expected: 0, found: 0, matched: 0, tp: 0, fp: 0, fn: 0, rtp: 0, rfp: 0, rfn: 0, leadOk: 0 };
for (const name of readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()) {
  const expected = JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8')) as ExpectedDocument;
  const actual = await extractFile(join(DIR, name, 'source.txt'));
  const c = compareExtraction(expected, actual);
  totals.expected += c.expected;
  totals.found += c.found;
  totals.matched += c.matched;
  for (const k of ['tp', 'fp', 'fn', 'rtp', 'rfp', 'rfn', 'leadOk'] as const) totals[k] += c[k];
  rows.push([
    name.slice(0, 28),
    String(c.found),
    String(c.expected),
    c.recall.toFixed(2),
    c.precision.toFixed(2),
    c.unitF1.toFixed(2),
    c.roleF1.toFixed(2),
    c.leadAccuracy.toFixed(2),
    actual.docNumber === expected.docNumber ? 'ok' : `${actual.docNumber ?? '—'} ≠ ${expected.docNumber ?? '—'}`,
  ]);
  if (detail && name.startsWith(detail)) for (const line of c.problems) console.log(line);
}
const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
rows.push([
  'all',
  String(totals.found),
  String(totals.expected),
  (totals.matched / totals.expected).toFixed(2),
  (totals.matched / totals.found).toFixed(2),
  f1(totals.tp, totals.fp, totals.fn).toFixed(2),
  f1(totals.rtp, totals.rfp, totals.rfn).toFixed(2),
  (totals.leadOk / Math.max(1, totals.matched)).toFixed(2),
  '',
]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
