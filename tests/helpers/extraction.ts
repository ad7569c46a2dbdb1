// Extraction against reviewed expectations (tests/fixtures/extraction/<name>/expected.json, written by
// reading each document; see tests/fixtures/extraction/README.md). Tasks are matched by the first
// characters of their text; units are compared by name per role.
import type { ExtractResult } from '../../src/cli/extract';

type Roles = 'lead' | 'responsible' | 'partner' | 'supervisor';
const ROLES: Roles[] = ['lead', 'responsible', 'partner', 'supervisor'];

export interface ExpectedTask extends Record<Roles, string[]> {
  number: string;
  path: string[];
  starts: string;
  kind: 'task' | 'problem';
  deadlines: { text: string; date: string | null }[];
}

export interface ExpectedDocument {
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  tasks: ExpectedTask[];
}

/** Text compared without spaces and with half-width punctuation made full-width. */
const key = (s: string) =>
  s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；');

export interface Comparison {
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
  /** Over unit names of matched tasks, roles aside. */
  tp: number;
  fp: number;
  fn: number;
  unitF1: number;
  /** Over (name, role) of matched tasks. */
  rtp: number;
  rfp: number;
  rfn: number;
  roleF1: number;
  /** Matched tasks whose set of leads is exactly the expected one. */
  leadOk: number;
  /** Matched tasks whose deadlines (dates, or texts of standing ones) are exactly the expected ones, in order. */
  deadlinesOk: number;
  leadAccuracy: number;
  /** One line per difference, for reading. */
  problems: string[];
}

export function compareExtraction(expected: ExpectedDocument, actual: ExtractResult): Comparison {
  const used = new Set<number>();
  const problems: string[] = [];
  const c = { tp: 0, fp: 0, fn: 0, rtp: 0, rfp: 0, rfn: 0, leadOk: 0, deadlinesOk: 0, matched: 0 };
  const actualKeys = actual.tasks.map((t) => key(t.text));
  for (const e of expected.tasks) {
    const start = key(e.starts).slice(0, 12);
    const i = actualKeys.findIndex((k, j) => !used.has(j) && k.startsWith(start));
    const j = i >= 0 ? i : actualKeys.findIndex((k, jj) => !used.has(jj) && k.includes(start));
    if (j < 0) {
      problems.push(`missing task ${e.number} ${e.starts}`);
      for (const r of ROLES) c.fn += e[r].length;
      continue;
    }
    used.add(j);
    c.matched++;
    const t = actual.tasks[j];
    const label = `task ${e.number} ${e.starts.slice(0, 10)}`;
    // A task in a group whose numbering restarts is cited "2-3" (group 2, item 3); the text writes "3".
    if (t.number !== e.number && !t.number.endsWith(`-${e.number}`)) problems.push(`${label} number: ${t.number} ≠ ${e.number}`);
    if (t.kind !== e.kind) problems.push(`${label} kind: ${t.kind} ≠ ${e.kind}`);
    const deadlines = (list: { text: string; date: string | null }[]) => list.map((d) => d.date ?? key(d.text)).join(' ');
    if (deadlines(t.deadlines) !== deadlines(e.deadlines))
      problems.push(`${label} deadlines: [${deadlines(t.deadlines)}] ≠ [${deadlines(e.deadlines)}]`);
    else c.deadlinesOk++;
    const got = (r: Roles) => t.units.filter((u) => u.role === r).map((u) => u.name);
    const want = new Set(ROLES.flatMap((r) => e[r]));
    const have = new Set(ROLES.flatMap((r) => got(r)));
    for (const n of have) want.has(n) ? c.tp++ : c.fp++;
    for (const n of want) if (!have.has(n)) c.fn++;
    for (const r of ROLES) {
      const w = new Set(e[r]);
      const h = new Set(got(r));
      for (const n of h) w.has(n) ? c.rtp++ : c.rfp++;
      for (const n of w) if (!h.has(n)) c.rfn++;
      if (r === 'lead' && w.size === h.size && [...w].every((n) => h.has(n))) c.leadOk++;
      const extra = [...h].filter((n) => !w.has(n));
      const lack = [...w].filter((n) => !h.has(n));
      if (extra.length || lack.length) problems.push(`${label} ${r}: +[${extra.join('、')}] −[${lack.join('、')}]`);
    }
  }
  actual.tasks.forEach((t, j) => {
    if (!used.has(j)) problems.push(`extra task ${t.number} ${t.text.slice(0, 20).replace(/\n/g, ' ')}`);
  });
  const f1 = (tp: number, fp: number, fn: number) => (tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn));
  return {
    expected: expected.tasks.length,
    found: actual.tasks.length,
    ...c,
    recall: expected.tasks.length ? c.matched / expected.tasks.length : 1,
    precision: actual.tasks.length ? c.matched / actual.tasks.length : 1,
    unitF1: f1(c.tp, c.fp, c.fn),
    roleF1: f1(c.rtp, c.rfp, c.rfn),
    leadAccuracy: c.matched ? c.leadOk / c.matched : 1,
    problems,
  };
}
