// content/documents/<slug>.fixes.yaml: an editor's corrections to what the extractor read from a
// plan, each with its reason. They are applied after extraction (and after the parse cache), and
// each corrected field is marked so that pages say 经人工校正 and why. A correction must change
// something: one for a task the document does not have, or one the extractor now agrees with, fails
// the build, so that stale corrections surface when the extractor or the text changes.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Deadline, Document, Role, Task, TaskCorrection, UnitRef } from '../../domain/types';
import { atMostChars, atMostItems, LIMITS } from '../../domain/limits';
import { SourceError, SourceErrors } from '../../domain/source-error';
import { readBounded } from '../bounded-read';
import { lineOf, lineOfKey, parseYamlSource, zodIssueToError, type YamlSource } from '../yaml-source';
import { parseDeadlineTag } from './deadlines';
import { canonical } from './normalize';
import { mergeUnits } from './unit-names';

const name = z
  .string()
  .trim()
  .min(1, 'a unit name')
  .max(LIMITS.nameChars, { error: atMostChars(LIMITS.nameChars) });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems, { error: atMostItems(LIMITS.listItems) });
const names = list(name);

const CorrectionSchema = z
  .strictObject({
    task: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.nameChars, { error: atMostChars(LIMITS.nameChars) }),
    reason: z
      .string()
      .trim()
      .min(1, 'the reason for the correction')
      .max(LIMITS.noteChars, { error: atMostChars(LIMITS.noteChars) }),
    units: z
      .strictObject({ lead: names.optional(), responsible: names.optional(), partner: names.optional(), supervisor: names.optional() })
      .optional(),
    lead: names.min(1).optional(),
    deadlines: list(
      z
        .string()
        .trim()
        .min(1)
        .max(LIMITS.nameChars, { error: atMostChars(LIMITS.nameChars) }),
    ).optional(),
  })
  .refine((c) => c.units !== undefined || c.lead !== undefined || c.deadlines !== undefined, {
    message: 'a correction that sets nothing',
  })
  .refine((c) => !(c.units && c.lead), { message: 'both units and lead: give the leads inside units' });

const FixesSchema = z.array(CorrectionSchema);
type Correction = z.infer<typeof CorrectionSchema>;

const EXPECTED: Record<string, string> = {
  task: "a task id of this document, as in the task page's address (t12, p3, g2-t1, 二-u1)",
  reason: 'why the text is read this way, e.g. 原文第7行“列第一位者为牵头单位”',
  units: 'lead, responsible, partner and supervisor lists of unit names',
  lead: 'a list of unit names that lead the task',
  deadlines: 'a list of deadlines as a plan writes them: 2019年12月31日前, 2019年底前, 长期',
};
const expectedFor = (field: string): string =>
  EXPECTED[field.replace(/^\d+\.?/, '').split('.')[0]] ?? 'a list of corrections, each with task, reason and units, lead or deadlines';

export const fixesFileOf = (documentFile: string): string => documentFile.replace(/\.[^.]+$/, '.fixes.yaml');

const ROLES = ['lead', 'supervisor', 'responsible', 'partner'] as const;
const key = (u: Pick<UnitRef, 'name' | 'role'>) => `${u.role} ${canonical(u.name)}`;
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function correctedUnits(task: Task, c: Correction, basis: string): UnitRef[] | null {
  const mark = (u: Omit<UnitRef, 'basis' | 'corrected'>): UnitRef => ({ ...u, basis, corrected: c.reason });
  if (c.units) {
    const units = ROLES.flatMap((role) => (c.units![role] ?? []).map((name) => mark({ name, role })));
    const now = task.units.filter((u) => u.role !== 'mentioned');
    return sameSet(units.map(key), now.map(key)) ? null : units;
  }
  const leads = c.lead!;
  const isLead = (u: UnitRef) => leads.some((l) => canonical(l) === canonical(u.name));
  if (
    sameSet(
      leads.map(canonical),
      task.units.filter((u) => u.role === 'lead').map((u) => canonical(u.name)),
    )
  )
    return null;
  const kept = task.units
    .filter((u) => !(isLead(u) && u.role !== 'lead'))
    .map((u) =>
      u.role === 'lead' && !isLead(u)
        ? mark({ name: u.name, role: 'responsible' as Role, ...(u.written ? { written: u.written } : {}) })
        : u,
    );
  const added = leads
    .filter((l) => !kept.some((u) => u.role === 'lead' && canonical(u.name) === canonical(l)))
    .map((name) => mark({ name, role: 'lead' }));
  return mergeUnits([added, kept]);
}

function correctedDeadlines(task: Task, c: Correction, basis: string, fail: (field: string, problem: string) => void): Deadline[] | null {
  const out: Deadline[] = [];
  c.deadlines!.forEach((text, i) => {
    const d = parseDeadlineTag(canonical(text));
    if (d) out.push({ ...d, text, basis, corrected: c.reason });
    else fail(`deadlines.${i}`, `"${text}" is not a deadline`);
  });
  const same = (d: Pick<Deadline, 'date' | 'kind' | 'text'>) => `${d.kind} ${d.date ?? canonical(d.text)}`;
  return sameSet(out.map(same), task.deadlines.map(same)) ? null : out;
}

/** Apply a document's corrections file, if it has one; every bad correction is reported at once. */
export function applyCorrections(doc: Document, documentFile: string): Document {
  const file = fixesFileOf(documentFile);
  if (!existsSync(file)) return doc;
  const src: YamlSource = parseYamlSource(file, readBounded(file, file, LIMITS.documentYamlBytes, 'a corrections file').toString('utf8'));
  const parsed = FixesSchema.safeParse(src.data ?? []);
  if (!parsed.success)
    throw new SourceErrors(
      parsed.error.issues.map((issue) => zodIssueToError(src, issue as Parameters<typeof zodIssueToError>[1], expectedFor)),
    );
  const errors: SourceError[] = [];
  const tasks = new Map(doc.tasks.map((t) => [t.localId, t] as const));
  const corrected = new Map<string, Task>();
  const seen = new Set<string>();
  parsed.data.forEach((c, i) => {
    const fail = (field: string, problem: string, expected = expectedFor(field)) => {
      const path = field.split('.').map((p) => (/^\d+$/.test(p) ? +p : p));
      // A field's own line is its key's; an item of a list is on its own line.
      const line = path.length === 1 ? lineOfKey(src, [i], field) : lineOf(src, [i, ...path]);
      errors.push(new SourceError({ file, line, field: `${i}.${field}` }, problem, expected));
    };
    const original = tasks.get(c.task);
    if (!original) {
      fail(
        'task',
        `no task "${c.task}" in ${doc.slug}`,
        `one of ${[...tasks.keys()].slice(0, 8).join(', ')}${tasks.size > 8 ? ', …' : ''}`,
      );
      return;
    }
    const unitField: TaskCorrection['field'] | null = c.units ? 'units' : c.lead ? 'lead' : null;
    let repeated = false;
    for (const f of [unitField, c.deadlines ? 'deadlines' : null]) {
      if (f === null) continue;
      // units and lead are one field: both set who does the task.
      const k = `${c.task} ${f === 'deadlines' ? f : 'units'}`;
      if (seen.has(k)) {
        fail(f, `a second correction of the ${f} of task ${c.task}`, 'one correction per task and field');
        repeated = true;
      }
      seen.add(k);
    }
    if (repeated) return;
    const task = corrected.get(c.task) ?? { ...original, gaps: [...original.gaps], corrections: [...original.corrections] };
    const basis = `correction (${basename(file)}, line ${lineOf(src, [i]) ?? '?'})`;
    const stale = (f: string) =>
      fail(
        f,
        `the extractor already reads task ${c.task} this way: remove the correction`,
        'a correction that changes what the extractor reads',
      );
    if (unitField) {
      const units = correctedUnits(original, c, basis);
      if (units === null) stale(unitField);
      else {
        task.units = units;
        // A lead correction settles the lead; a units correction settles every unit and so the lead too.
        task.gaps = task.gaps.filter((g) => g.field !== 'lead' && (unitField === 'lead' || g.field !== 'units'));
        task.corrections.push({ field: unitField, reason: c.reason });
      }
    }
    if (c.deadlines) {
      const deadlines = correctedDeadlines(original, c, basis, fail);
      if (deadlines === null) stale('deadlines');
      else {
        task.deadlines = deadlines;
        task.gaps = task.gaps.filter((g) => g.field !== 'deadlines');
        task.corrections.push({ field: 'deadlines', reason: c.reason });
      }
    }
    corrected.set(c.task, task);
  });
  if (errors.length) throw new SourceErrors(errors);
  return { ...doc, tasks: doc.tasks.map((t) => corrected.get(t.localId) ?? t) };
}
