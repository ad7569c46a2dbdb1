// Lines → outline, tasks, measures and parts.
//
// The tree: numbered items nest by style (一、 > （一） > 1. > （1） > ①). Items without a
// sentence are headings (sections); items with one are content items. The task style is the
// style of the most numerous leaf content items; leaf content items of that style are tasks,
// and a content item that holds such items is a task of its own (a 整改问题 with its measures).
import type { Deadline, Measure, Part, PartKind, Section, Segment, Task, UnitRef } from '../../domain/types';
import { findProseDeadlines, parseDeadlineTag, parseDeadlineValue } from './deadlines';
import type { Line } from './lines';
import { findMentionedUnits } from './mentions';
import { canonical, compact } from './normalize';
import { findTargets } from './targets';
import { mergeUnits, parseUnitList, parseUnitTag, UNIT_LABELS } from './units';

interface Node {
  line: Line;
  style: number;
  number: string;
  value: number;
  content: boolean;
  parent: Node | null;
  children: Node[];
  /** Continuation paragraphs, in order. */
  paras: Line[];
  labels: Line[];
  /** A content item stops taking children once free text follows it. */
  acceptsChildren: boolean;
  /** Lines this node owns directly (item line, paragraphs, labels). */
  owned: Line[];
}

export interface Structure {
  sections: Section[];
  tasks: Task[];
  parts: Part[];
  warnings: string[];
}

const CONVENTION_FIRST_LEADS = /(列|排)(在)?第一位(者|的)?为牵头(单位|部门)/;
const DEFAULT_UNITS = /以下(?:各项)?(?:任务|工作)?均(?:需|由)([^，。；]+?)(?:负责)?落实[，；]?\s*不再(?:一一)?列出/;

function buildTree(lines: Line[]): { roots: Node[]; owner: Map<number, Node | null> } {
  const roots: Node[] = [];
  const stack: Node[] = [];
  const owner = new Map<number, Node | null>();
  const innermostContent = () => {
    const top = stack[stack.length - 1];
    return top && top.content ? top : null;
  };
  for (const line of lines) {
    if (line.kind === 'item') {
      const it = line.item!;
      while (
        stack.length &&
        (stack[stack.length - 1].style >= it.style || (stack[stack.length - 1].content && !stack[stack.length - 1].acceptsChildren))
      )
        stack.pop();
      const parent = stack[stack.length - 1] ?? null;
      const node: Node = {
        line,
        style: it.style,
        number: it.number,
        value: it.value,
        content: it.content,
        parent,
        children: [],
        paras: [],
        labels: [],
        acceptsChildren: true,
        owned: [line],
      };
      (parent ? parent.children : roots).push(node);
      stack.push(node);
      owner.set(line.n, node);
    } else if (line.kind === 'label') {
      const target = stack[stack.length - 1] ?? null;
      if (target) {
        target.labels.push(line);
        target.owned.push(line);
      }
      owner.set(line.n, target);
    } else if (line.kind === 'para') {
      const top = innermostContent();
      const closedByUnits = top?.labels.some((l) => l.label!.key in UNIT_LABELS);
      if (top && !closedByUnits) {
        top.paras.push(line);
        top.owned.push(line);
        top.acceptsChildren = false;
        owner.set(line.n, top);
      } else {
        while (stack.length && stack[stack.length - 1].content) stack.pop();
        owner.set(line.n, stack[stack.length - 1] ?? null);
      }
    }
  }
  return { roots, owner };
}

function walk(nodes: Node[], visit: (n: Node) => void) {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

function hasContentAncestor(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.content) return true;
  return false;
}

/** The style whose leaf content items are most numerous (ties: the deeper style). */
function taskStyleOf(roots: Node[]): number | null {
  const counts = new Map<number, number>();
  walk(roots, (n) => {
    if (n.content && !n.children.some((c) => c.content)) counts.set(n.style, (counts.get(n.style) ?? 0) + 1);
  });
  let best: number | null = null;
  for (const [style, count] of counts) {
    if (best === null || count > counts.get(best)! || (count === counts.get(best)! && style > best)) best = style;
  }
  return best;
}

interface TextAnalysis {
  text: string;
  segments: Segment[];
  tagUnits: UnitRef[];
  tagDeadlines: Deadline[];
  prose: string;
}

/** Split text at end-of-clause tags: unit tags become segments, deadline tags deadlines. */
function analyseText(text: string, firstLeads: boolean): TextAnalysis {
  const canon = canonical(text);
  const segments: Segment[] = [];
  const tagDeadlines: Deadline[] = [];
  let prose = '';
  let segmentStart = 0;
  let cursor = 0;
  const re = /（([^（）]*(?:（[^（）]*）[^（）]*)*)）/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(canon))) {
    const inner = text.slice(m.index + 1, m.index + m[0].length - 1);
    const innerCanon = m[1];
    // A tag closes a clause: "…保护。(地区农牧局)" or "…(长期)。"; "党校(行政学院)将…" is no tag.
    const before = canon[m.index - 1] ?? '';
    const after = canon[m.index + m[0].length] ?? '';
    if (!(after === '' || /[。；，、！？（\n]/.test(after) || /[。；！？]/.test(before))) continue;
    const unitTag = parseUnitTag(innerCanon, firstLeads);
    const deadlineTag = unitTag ? null : parseDeadlineTag(innerCanon);
    if (!unitTag && !deadlineTag) continue;
    prose += text.slice(cursor, m.index);
    cursor = m.index + m[0].length;
    if (unitTag) {
      segments.push({ text: text.slice(segmentStart, m.index).trim(), units: unitTag.units });
      segmentStart = cursor;
    } else if (deadlineTag) {
      tagDeadlines.push({ ...deadlineTag, text: compact(inner) });
    }
  }
  prose += text.slice(cursor);
  const rest = text.slice(segmentStart).trim();
  if (rest) segments.push({ text: rest, units: [] });
  const tagUnits = segments.flatMap((s) => s.units);
  return { text, segments, tagUnits, tagDeadlines, prose };
}

function nodeText(n: Node): string {
  return [n.line.item!.body, ...n.paras.map((p) => p.text)].join('\n');
}

function firstSentence(text: string): string {
  const m = /^(.+?[。！？；])/.exec(text.replace(/\n/g, ''));
  const s = (m ? m[1] : text).replace(/[。！？；]$/, '');
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}

function labelUnits(labels: Line[], firstLeads: boolean): UnitRef[] {
  const out: UnitRef[][] = [];
  for (const l of labels) {
    const role = UNIT_LABELS[l.label!.key];
    if (role) out.push(parseUnitList(l.label!.valueCanon, role, firstLeads));
  }
  return out.flat();
}

export function buildStructure(lines: Line[], documentSlug: string): Structure {
  const warnings: string[] = [];
  const { roots, owner } = buildTree(lines);
  const taskStyle = taskStyleOf(roots);
  const sections: Section[] = [];
  const tasks: Task[] = [];
  if (taskStyle === null) return { sections, tasks, parts: assignParts(lines, owner, new Map(), new Map()), warnings };

  // Conventions that hold from the line that states them on.
  const conventionLines = lines.filter((l) => CONVENTION_FIRST_LEADS.test(l.canon)).map((l) => l.n);
  const firstLeadsAt = (n: number) => conventionLines.some((c) => c <= n);
  const defaults = lines
    .map((l) => ({ n: l.n, m: DEFAULT_UNITS.exec(l.canon) }))
    .filter((d) => d.m)
    .map((d) => ({ n: d.n, units: parseUnitList(d.m![1], 'responsible') }));

  // Sections from headings; implicit groups where numbering restarts among sibling tasks.
  const sectionOf = new Map<Node, Section>();
  const usedSectionIds = new Set<string>();
  const sectionId = (base: string) => {
    let id = base;
    for (let k = 2; usedSectionIds.has(id); k++) id = `${base}-${k}`;
    usedSectionIds.add(id);
    return id;
  };
  walk(roots, (n) => {
    if (n.content) return;
    const parentSection = n.parent ? (sectionOf.get(n.parent) ?? null) : null;
    const id = sectionId(parentSection ? `${parentSection.id}.${n.value}` : `s${n.value}`);
    const s: Section = {
      id,
      level: n.style,
      number: n.number,
      title: n.line.item!.body,
      parentId: parentSection?.id ?? null,
      implicit: false,
      line: n.line.n,
    };
    sectionOf.set(n, s);
    sections.push(s);
  });

  // Task nodes: leaf content items of the task style outside other content items, and content
  // items holding task-style content items.
  const taskNodes: Node[] = [];
  walk(roots, (n) => {
    if (!n.content || hasContentAncestor(n)) return;
    const holdsTasks = n.children.some((c) => c.content && c.style === taskStyle);
    if (holdsTasks || n.style === taskStyle) taskNodes.push(n);
  });

  // Implicit groups: among sibling task nodes of the task style, numbering that restarts.
  const groupOf = new Map<Node, number>();
  const siblingsByParent = new Map<Node | null, Node[]>();
  for (const n of taskNodes) {
    const key = n.parent;
    if (!siblingsByParent.has(key)) siblingsByParent.set(key, []);
    siblingsByParent.get(key)!.push(n);
  }
  const groupSections = new Map<string, Section>();
  for (const [parent, siblings] of siblingsByParent) {
    const plain = siblings.filter((n) => n.style === taskStyle && !n.children.some((c) => c.content));
    let group = 1;
    const groups: number[] = [];
    plain.forEach((n, i) => {
      if (i > 0 && n.value <= plain[i - 1].value) group++;
      groups.push(group);
    });
    if (group === 1) continue;
    const parentSection = parent ? (sectionOf.get(parent) ?? null) : null;
    plain.forEach((n, i) => {
      groupOf.set(n, groups[i]);
      const gid = `${parentSection ? parentSection.id + '.' : ''}g${groups[i]}`;
      if (!groupSections.has(gid)) {
        const s: Section = {
          id: gid,
          level: taskStyle,
          number: String(groups[i]),
          title: `第${groups[i]}组`,
          parentId: parentSection?.id ?? null,
          implicit: true,
          line: n.line.n,
        };
        groupSections.set(gid, s);
        sections.push(s);
      }
    });
  }
  sections.sort((a, b) => a.line - b.line);

  const sectionPath = (n: Node): string[] => {
    const path: string[] = [];
    for (let p = n.parent; p; p = p.parent) {
      const s = sectionOf.get(p);
      if (s) path.unshift(s.id);
    }
    const g = groupOf.get(n);
    if (g !== undefined) {
      const parentSection = path[path.length - 1];
      path.push(`${parentSection ? parentSection + '.' : ''}g${g}`);
    }
    return path;
  };

  // Numbers and local ids; qualify by section when plain numbers repeat.
  const isProblemLike = (n: Node) => n.children.some((c) => c.content && c.style === taskStyle);
  const plainKey = (n: Node) => (isProblemLike(n) && n.style !== taskStyle ? `p${n.value}` : `t${n.value}`);
  const counts = new Map<string, number>();
  for (const n of taskNodes) if (!groupOf.has(n)) counts.set(plainKey(n), (counts.get(plainKey(n)) ?? 0) + 1);
  const ambiguous = [...counts.values()].some((c) => c > 1);

  const taskOfNode = new Map<Node, Task>();
  const usedLocal = new Set<string>();
  for (const n of taskNodes) {
    const firstLeads = firstLeadsAt(n.line.n);
    const problemLike = isProblemLike(n);
    const g = groupOf.get(n);
    const path = sectionPath(n);
    let localId = g !== undefined ? `g${g}-${plainKey(n)}` : plainKey(n);
    let number = g !== undefined ? `${g}-${n.number}` : n.number;
    if (ambiguous && g === undefined) {
      const s = path[path.length - 1];
      if (s) {
        localId = `${s.replace(/\./g, '-')}-${localId}`;
        number = `${sections.find((x) => x.id === s)!.number}-${n.number}`;
      }
    }
    for (let k = 2; usedLocal.has(localId); k++) localId = `${localId.replace(/_\d+$/, '')}_${k}`;
    usedLocal.add(localId);
    const id = `${documentSlug}/${localId}`;

    const analysis = analyseText(nodeText(n), firstLeads);
    const fields: Task['fields'] = {};
    const labelDeadlines: Deadline[] = [];
    for (const l of n.labels) {
      const { key, value, valueCanon } = l.label!;
      if (key === '原因分析') fields.cause = value;
      else if (key === '整改目标' || key === '工作目标' || key === '主要目标') fields.goals = value;
      else if (key === '整改时限' || key === '完成时限' || key === '完成时间' || key === '时间节点') {
        fields.timeLimits = value;
        labelDeadlines.push(...parseDeadlineValue(valueCanon));
      }
    }
    const kind: Task['kind'] =
      problemLike && (fields.cause !== undefined || fields.goals !== undefined || fields.timeLimits !== undefined) ? 'problem' : 'task';
    const measureNodes = problemLike ? n.children.filter((c) => c.content && c.style === taskStyle) : [];
    const proseDeadlines = kind === 'problem' ? [] : findProseDeadlines(analysis.prose);
    const targets = kind === 'problem' ? findTargets(fields.goals ?? '') : findTargets(analysis.prose);

    const measures: Measure[] = measureNodes.map((m) => {
      const a = analyseText(nodeText(m), firstLeads);
      const units = mergeUnits([a.tagUnits, findMentionedUnits(a.prose)]);
      return {
        id: `${id}.m${m.number}`,
        number: m.number,
        text: a.text,
        units,
        deadlines: dedupeDeadlines([...a.tagDeadlines, ...findProseDeadlines(a.prose)]),
        targets: findTargets(a.prose),
        line: m.line.n,
      };
    });

    const task: Task = {
      id,
      localId,
      documentSlug,
      kind,
      number,
      title: firstSentence(analysis.text),
      text: analysis.text,
      segments: analysis.segments,
      units: mergeUnits([analysis.tagUnits, labelUnits(n.labels, firstLeads), findMentionedUnits(analysis.prose)]),
      deadlines: dedupeDeadlines([...labelDeadlines, ...analysis.tagDeadlines, ...proseDeadlines]),
      targets,
      measures,
      fields,
      sectionPath: path,
      lineStart: n.line.n,
      lineEnd: n.line.n,
    };
    taskOfNode.set(n, task);
    tasks.push(task);
  }

  applyLabelCoverage(taskNodes, taskOfNode, taskStyle, firstLeadsAt);
  applyHeadingLabels(roots, taskOfNode, firstLeadsAt);
  for (const d of defaults) {
    for (const t of tasks) if (t.lineStart > d.n) t.units = mergeUnits([t.units, d.units]);
  }

  const taskOfLine = new Map<number, Task>();
  for (const [node, task] of taskOfNode) {
    walk([node], (x) => {
      for (const l of x.owned) taskOfLine.set(l.n, task);
    });
  }
  for (const t of tasks) {
    const own = [...taskOfLine.entries()].filter(([, x]) => x === t).map(([n]) => n);
    t.lineEnd = Math.max(t.lineStart, ...own);
  }
  const sectionOfLine = new Map<number, string>();
  for (const [node, s] of sectionOf) sectionOfLine.set(node.line.n, s.id);
  for (const t of tasks)
    if (t.units.filter((u) => u.role !== 'mentioned').length === 0 && t.kind === 'task' && t.measures.length === 0) {
      // Not an error: 实施意见 name units only in prose. Recorded for the validation report.
      if (t.units.length === 0) warnings.push(`task ${t.number} (line ${t.lineStart}) names no unit`);
    }
  return { sections, tasks, parts: assignParts(lines, owner, taskOfLine, sectionOfLine), warnings };
}

function dedupeDeadlines(list: Deadline[]): Deadline[] {
  const out: Deadline[] = [];
  for (const d of list) if (!out.some((o) => o.text === d.text && o.date === d.date)) out.push(d);
  return out;
}

/**
 * A unit label covers the run of sibling tasks before it that name no unit of their own:
 * one 责任单位 line after five numbered measures covers all five. Inside a 整改问题, a label
 * that covers every measure belongs to the problem itself.
 */
function applyLabelCoverage(taskNodes: Node[], taskOfNode: Map<Node, Task>, taskStyle: number, firstLeadsAt: (n: number) => boolean) {
  const runs = new Map<Node | null, Node[]>();
  for (const n of taskNodes) {
    if (!runs.has(n.parent)) runs.set(n.parent, []);
    runs.get(n.parent)!.push(n);
  }
  for (const siblings of runs.values()) {
    let pending: Task[] = [];
    for (const n of siblings) {
      const task = taskOfNode.get(n)!;
      // Labels on measures (the 责任单位 line after a problem's last measure).
      const measureNodes = n.children.filter((c) => c.content && c.style === taskStyle);
      let measurePending: number[] = [];
      measureNodes.forEach((m, i) => {
        const units = labelUnits(m.labels, firstLeadsAt(m.line.n));
        if (units.length === 0) {
          measurePending.push(i);
          return;
        }
        const covered = [...measurePending, i];
        if (covered.length === measureNodes.length) task.units = mergeUnits([task.units, units]);
        else for (const k of covered) task.measures[k].units = mergeUnits([task.measures[k].units, units]);
        measurePending = [];
      });
      const own = labelUnits(n.labels, firstLeadsAt(n.line.n));
      const hasNamedUnits = task.units.some((u) => u.role !== 'mentioned');
      if (own.length > 0) {
        for (const p of pending) p.units = mergeUnits([p.units, own]);
        pending = [];
      } else if (!hasNamedUnits) {
        pending.push(task);
      } else pending = [];
    }
  }
}

/** Unit labels directly under a heading apply to the tasks of that section that name none. */
function applyHeadingLabels(roots: Node[], taskOfNode: Map<Node, Task>, firstLeadsAt: (n: number) => boolean) {
  walk(roots, (n) => {
    if (n.content || n.labels.length === 0) return;
    const units = labelUnits(n.labels, firstLeadsAt(n.line.n));
    if (!units.length) return;
    walk(n.children, (c) => {
      const t = taskOfNode.get(c);
      if (t && !t.units.some((u) => u.role !== 'mentioned')) t.units = mergeUnits([t.units, units]);
    });
  });
}

function assignParts(
  lines: Line[],
  owner: Map<number, Node | null>,
  taskOfLine: Map<number, Task>,
  sectionOfLine: Map<number, string>,
): Part[] {
  const firstTaskLine = Math.min(...[...taskOfLine.keys()], Infinity);
  const lastTaskLine = Math.max(...[...taskOfLine.keys()], -Infinity);
  type Tag = { kind: PartKind; taskId?: string; sectionId?: string };
  const tags: Tag[] = lines.map((l) => {
    switch (l.kind) {
      case 'blank':
        return { kind: 'blank' };
      case 'chrome':
        return { kind: 'chrome' };
      case 'meta':
        return { kind: 'meta' };
      case 'title':
        return { kind: 'title' };
    }
    const task = taskOfLine.get(l.n);
    if (task) return { kind: 'task', taskId: task.id };
    const section = sectionOfLine.get(l.n);
    if (section) return { kind: 'heading', sectionId: section };
    const kind: PartKind = l.n < firstTaskLine ? 'preamble' : l.n > lastTaskLine ? 'closing' : 'text';
    const own = owner.get(l.n);
    return { kind, sectionId: own ? sectionOfLine.get(own.line.n) : undefined };
  });
  // Blank lines inside one part belong to it.
  for (let i = 0; i < tags.length; i++) {
    if (tags[i].kind !== 'blank') continue;
    let a = i - 1;
    while (a >= 0 && tags[a].kind === 'blank') a--;
    let b = i + 1;
    while (b < tags.length && tags[b].kind === 'blank') b++;
    if (a >= 0 && b < tags.length && sameTag(tags[a], tags[b]) && tags[a].kind !== 'chrome' && tags[a].kind !== 'meta')
      tags[i] = { ...tags[a] };
  }
  const parts: Part[] = [];
  lines.forEach((l, i) => {
    const tag = tags[i];
    const last = parts[parts.length - 1];
    if (last && sameTag(last, tag) && last.lineEnd === l.n - 1) {
      last.lineEnd = l.n;
      last.text += '\n' + l.raw;
    } else {
      parts.push({ ...tag, lineStart: l.n, lineEnd: l.n, text: l.raw });
    }
  });
  return parts;
}

function sameTag(a: { kind: PartKind; taskId?: string; sectionId?: string }, b: { kind: PartKind; taskId?: string; sectionId?: string }) {
  return a.kind === b.kind && a.taskId === b.taskId && a.sectionId === b.sectionId;
}
