// Which parts of the outline are tasks. Where the document tags its work with units (a tag at the end
// of a clause, or labelled lines such as 牵头单位：), a task is the work one tag or label covers:
//   - an item that is tagged, with no tagged item below it;
//   - an untagged item next to tagged ones (a label after a run of items covers them all);
//   - each of several tagged paragraphs under an untagged item or heading (unnumbered tasks);
//   - a heading followed by one tagged paragraph (the heading is the task's title);
//   - a content item with 原因分析/整改目标/整改时限 that holds tasks: a 整改问题 whose measures they are.
// Untagged items with no tagged sibling — 指导思想, 基本原则, targets of the whole plan, 保障措施 prose —
// are text, not tasks. A document that tags few of its items keeps the outline's rule: the leaf content
// items of the most common style are tasks.
import type { Block } from './blocks';
import { FIELD_LABELS } from './lines';
import { nodeText, walk, type Outline, type OutlineNode } from './outline';
import { endsWithUnitTag, hasUnitTag } from './tags';
import { UNIT_LABELS } from './unit-names';

/** A task as the outline gives it: a numbered item, or a paragraph closed by its own tag. */
export type TaskSource =
  | { kind: 'item'; node: OutlineNode; measures: OutlineNode[]; problem: boolean }
  | { kind: 'paragraph'; block: Block; container: OutlineNode | null; index: number };

export interface Selection {
  tasks: TaskSource[];
  /** The first line of each task source's text, for ordering. */
  /** Items shown as sections: headings, and content items that hold tasks without being one. */
  containers: Set<OutlineNode>;
  /** Whether units come from tags and labels (true), or the document tags too little for that. */
  tagged: boolean;
}

const PROBLEM_FIELDS = new Set<string>(FIELD_LABELS.filter((f) => f !== '整改措施'));

const endsWithTag = (block: Block) => endsWithUnitTag(block.text, block.canon);

function hasUnitLabel(n: OutlineNode): boolean {
  return n.labels.some((l) => l.label!.key in UNIT_LABELS);
}

function hasProblemFields(n: OutlineNode): boolean {
  return n.labels.some((l) => PROBLEM_FIELDS.has(l.label!.key));
}

/** Canonical text of a node: item body and paragraphs. */
const nodeCanon = (n: OutlineNode) => [n.item.bodyCanon, ...n.paras.map((p) => p.canon)].join('\n');

export function selectTasks(outline: Outline, looseBlocks: readonly Block[]): Selection {
  const tagged = new Map<OutlineNode, boolean>();
  walk(outline.roots, (n) => tagged.set(n, hasUnitLabel(n) || hasUnitTag(nodeText(n), nodeCanon(n))));
  /** The tagged paragraphs of a node whose own line carries no tag: unnumbered tasks under it. */
  const paragraphTasks = (n: OutlineNode): Block[] => {
    const own = hasUnitTag(n.item.body, n.item.bodyCanon);
    const tasks = n.paras.filter(endsWithTag);
    return !own && tasks.length >= 2 ? tasks : [];
  };
  const taggedBelow = new Map<OutlineNode, boolean>();
  const below = (n: OutlineNode): boolean => {
    let v = taggedBelow.get(n);
    if (v === undefined) {
      v = n.children.some((c) => tagged.get(c) || below(c));
      taggedBelow.set(n, v);
    }
    return v;
  };

  // How much of the document its tags and labels cover: a leaf counts when it or an item above it is
  // tagged, and a leaf holding several tagged paragraphs counts once per paragraph.
  let leaves = 0;
  let covered = 0;
  walk(outline.roots, (n) => {
    if (n.children.length > 0 || !(n.item.content || n.paras.length > 0 || n.labels.length > 0)) return;
    const weight = Math.max(1, paragraphTasks(n).length);
    leaves += weight;
    let c: OutlineNode | null = n;
    while (c && !tagged.get(c)) c = c.parent;
    if (c) covered += weight;
  });
  const looseTagged = looseBlocks.filter(endsWithTag);
  const isTagged = covered + looseTagged.length >= 2 && covered + looseTagged.length >= 0.5 * (leaves + looseTagged.length);
  if (!isTagged) return untaggedSelection(outline);

  const tasks: TaskSource[] = [];
  const containers = new Set<OutlineNode>();
  const visit = (siblings: readonly OutlineNode[]) => {
    // A tagged item among these siblings (not a heading over tagged paragraphs, which are tasks of their own).
    const anyTaggedSibling = siblings.some((s) => tagged.get(s) && !below(s) && paragraphTasks(s).length === 0);
    for (const n of siblings) {
      const paragraphs = paragraphTasks(n);
      if (paragraphs.length) {
        containers.add(n);
        paragraphs.forEach((block, index) => tasks.push({ kind: 'paragraph', block, container: n, index: index + 1 }));
        visit(n.children);
      } else if (below(n)) {
        if (n.item.content && hasProblemFields(n)) {
          tasks.push({ kind: 'item', node: n, measures: n.children.filter((c) => c.item.content || c.paras.length), problem: true });
        } else {
          containers.add(n);
          visit(n.children);
        }
      } else if (tagged.get(n) || (anyTaggedSibling && n.children.length === 0 && n.item.content)) {
        tasks.push({ kind: 'item', node: n, measures: [], problem: false });
      } else if (n.children.length) {
        containers.add(n);
        visit(n.children);
      } else if (!n.item.content) {
        containers.add(n); // a heading with nothing under it
      }
    }
  };
  visit(outline.roots);
  // Tagged paragraphs outside every item (a plan whose tasks are unnumbered paragraphs).
  if (looseTagged.length >= 2) looseTagged.forEach((block, i) => tasks.push({ kind: 'paragraph', block, container: null, index: i + 1 }));
  tasks.sort((a, b) => firstLine(a) - firstLine(b));
  return { tasks, containers, tagged: true };
}

export function firstLine(t: TaskSource): number {
  return t.kind === 'item' ? t.node.block.n : t.block.n;
}

/** The leaf content items of the most numerous style are tasks (ties: the deeper style). */
function taskStyleOf(roots: readonly OutlineNode[]): number | null {
  const counts = new Map<number, number>();
  walk(roots, (n) => {
    if (n.item.content && !n.children.some((c) => c.item.content)) counts.set(n.item.style, (counts.get(n.item.style) ?? 0) + 1);
  });
  let best: number | null = null;
  for (const [style, count] of counts) {
    if (best === null || count > counts.get(best)! || (count === counts.get(best)! && style > best)) best = style;
  }
  return best;
}

function hasContentAncestor(n: OutlineNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.item.content) return true;
  return false;
}

/**
 * A document that tags few items: leaf content items of the task style outside other content items are
 * tasks, and a content item holding task-style items is a task with measures (a 整改问题 when it has
 * 原因分析/整改目标/整改时限).
 */
function untaggedSelection(outline: Outline): Selection {
  const taskStyle = taskStyleOf(outline.roots);
  const tasks: TaskSource[] = [];
  const containers = new Set<OutlineNode>();
  walk(outline.roots, (n) => {
    if (!n.item.content) {
      containers.add(n);
      return;
    }
    if (taskStyle === null || hasContentAncestor(n)) return;
    const measures = n.children.filter((c) => c.item.content && c.item.style === taskStyle);
    if (measures.length) tasks.push({ kind: 'item', node: n, measures, problem: true });
    else if (n.item.style === taskStyle) tasks.push({ kind: 'item', node: n, measures: [], problem: false });
  });
  return { tasks, containers, tagged: false };
}
