// A task source → a Task: its text and segments, units from its tags and labels (with the rules in
// force), deadlines from tags, labels and prose, targets, measures, and the 整改问题 fields.
import type { Deadline, Measure, Task, TaskGap, UnitRef } from '../../domain/types';
import type { Block } from './blocks';
import { parseDeadlineValue } from './deadlines';
import { DEADLINE_LABELS } from './lines';
import { findMentionedUnits } from './mentions';
import { walk, type OutlineNode } from './outline';
import { applyRules, defaultUnits, leadGap, type RuleState } from './rules';
import { labelList } from './tags';
import { findTargets } from './targets';
import { analyseText, proseDeadlines, taskText, type TextAnalysis } from './task-text';
import type { TaskSource } from './task-select';
import { mergeUnits } from './unit-names';

export interface TaskDraft {
  source: TaskSource;
  task: Task;
  /** Units the task's own tags and labels give; units from coverage and defaults come later. */
  named: boolean;
}

/** The text of a source: item body, paragraphs, and — for a task with untagged sub-items — those too. */
function sourceText(source: TaskSource): TextAnalysis {
  if (source.kind === 'paragraph')
    return analyseText(taskText([{ block: source.block, text: source.block.text, canon: source.block.canon }]));
  const n = source.node;
  const pieces: Array<{ block: Block; text: string; canon: string }> = [{ block: n.block, text: n.item.body, canon: n.item.bodyCanon }];
  const add = (node: OutlineNode) => {
    for (const p of node.paras) pieces.push({ block: p, text: p.text, canon: p.canon });
  };
  add(n);
  if (source.measures.length === 0) {
    walk(n.children, (c) => {
      pieces.push({ block: c.block, text: c.block.text, canon: c.block.canon });
      add(c);
    });
  }
  return analyseText(taskText(pieces));
}

/** The title: the first sentence, or the first line when it is a heading without one ("（一）加强草地保护"). */
function firstSentence(text: string): string {
  const firstLine = text.split('\n')[0];
  const m = /^(.+?[。！？；])/.exec(firstLine);
  const s = (m ? m[1] : firstLine).replace(/[。！？；]$/, '');
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}

function dedupeDeadlines(list: Deadline[]): Deadline[] {
  const out: Deadline[] = [];
  for (const d of list) if (!out.some((o) => o.text === d.text && o.date === d.date)) out.push(d);
  return out;
}

/** Units from a node's labelled lines, read together as one list (a 牵头单位 line and a 责任单位 line), rules applied. */
function labelUnits(labels: readonly Block[], state: RuleState): UnitRef[] {
  const lists = labels.map((l) => ({ l, units: labelList(l.label!) })).filter((x) => x.units.length);
  if (!lists.length) return [];
  const units = lists.flatMap((x) => x.units);
  const ruled = applyRules(state, { units, leadRule: null, defaults: [] }, lists[0].l.n, 'labels');
  // Each unit's basis names its own label line.
  let k = 0;
  for (const { l, units: own } of lists)
    for (let i = 0; i < own.length; i++, k++)
      ruled[k].basis = ruled[k].basis!.replace(/labels \(line \d+\)$/, `label ${l.label!.key} (line ${l.n})`);
  return ruled;
}

/** The fields and deadlines of a node's labelled lines. */
function labelFields(labels: readonly Block[]): { fields: Task['fields']; deadlines: Deadline[] } {
  const fields: Task['fields'] = {};
  const deadlines: Deadline[] = [];
  for (const l of labels) {
    const { key, value, valueCanon } = l.label!;
    if (key === '原因分析') fields.cause = value;
    else if (key === '整改目标' || key === '工作目标' || key === '主要目标') fields.goals = value;
    else if (key === '整改时限' || (DEADLINE_LABELS as readonly string[]).includes(key)) {
      fields.timeLimits = value;
      deadlines.push(...parseDeadlineValue(valueCanon).map((d) => ({ ...d, basis: `label ${key} (line ${l.n})` })));
    }
  }
  return { fields, deadlines };
}

/** Units of a text's tags in order (rules applied), and the segments they close. */
function tagUnits(a: TextAnalysis, state: RuleState): UnitRef[] {
  const all: UnitRef[] = [];
  a.tags.forEach((found, i) => {
    const units = applyRules(state, found.tag, found.line, 'tag');
    if (a.segments[i]) a.segments[i].units = units;
    all.push(...units);
  });
  return all;
}

/** Units the prose names without a role: shown only where no tag or label names the task's units. */
function mentions(a: TextAnalysis): UnitRef[] {
  return findMentionedUnits(a.prose).map((u) => ({ ...u, basis: `named in the text (line ${a.line})` }));
}

export function buildTask(
  source: TaskSource,
  ids: { id: string; localId: string; number: string; marker: string; sectionPath: string[] },
  documentSlug: string,
  state: RuleState,
): TaskDraft {
  const analysis = sourceText(source);
  const labels = source.kind === 'item' ? source.node.labels : [];
  const { fields, deadlines: labelDeadlines } = labelFields(labels);
  const problem =
    source.kind === 'item' &&
    source.measures.length > 0 &&
    (fields.cause !== undefined || fields.goals !== undefined || fields.timeLimits !== undefined);
  const named = [...tagUnits(analysis, state), ...labelUnits(labels, state)];
  const measures: Measure[] =
    source.kind === 'item'
      ? source.measures.map((m) => {
          const a = analyseText(
            taskText([
              { block: m.block, text: m.item.body, canon: m.item.bodyCanon },
              ...m.paras.map((p) => ({ block: p, text: p.text, canon: p.canon })),
            ]),
          );
          // A measure's labelled lines are read by label coverage: the 责任单位 line after a problem's last measure is the problem's.
          const own = tagUnits(a, state);
          return {
            id: `${ids.id}.m${m.item.number}`,
            number: m.item.number,
            text: a.text,
            units: mergeUnits([own, own.length ? [] : mentions(a)]),
            deadlines: dedupeDeadlines([...a.tagDeadlines, ...proseDeadlines(a)]),
            targets: findTargets(a.prose),
            line: m.block.n,
          };
        })
      : [];
  const firstLine = source.kind === 'item' ? source.node.block.n : source.block.n;
  const gaps: TaskGap[] = [];
  const lead = leadGap(state);
  if (lead && named.length) gaps.push(lead);
  const task: Task = {
    id: ids.id,
    localId: ids.localId,
    documentSlug,
    kind: problem ? 'problem' : 'task',
    number: ids.number,
    marker: ids.marker,
    title: firstSentence(analysis.text),
    text: analysis.text,
    segments: analysis.segments,
    units: mergeUnits([named, defaultUnits(state, firstLine), named.length ? [] : mentions(analysis)]),
    deadlines: dedupeDeadlines([...labelDeadlines, ...analysis.tagDeadlines, ...(problem ? [] : proseDeadlines(analysis))]),
    targets: problem ? findTargets(fields.goals ?? '') : findTargets(analysis.prose),
    measures,
    fields,
    sectionPath: ids.sectionPath,
    lineStart: firstLine,
    lineEnd: firstLine,
    gaps,
    corrections: [],
  };
  return { source, task, named: named.length > 0 };
}
