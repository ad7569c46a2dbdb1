// Lines → sections, tasks and parts, in ordered passes, each testable alone:
//   1. blocks      physical lines joined where a PDF broke them (blocks.ts)
//   2. outline     numbered items nested by style, paragraphs and labels under their item (outline.ts)
//   3. tasks       which items and paragraphs are tasks, sections and 整改问题 (task-select.ts)
//   4. sections    sections, implicit groups and task ids (sections.ts)
//   5. units       each task's text, tags and labels read with the rules in force (task-build.ts, rules.ts)
//   6. coverage    labels that cover runs of tasks and whole sections (coverage.ts)
//   7. parts       every line to exactly one part (parts.ts)
import type { Part, Section, Task } from '../../domain/types';
import { buildBlocks, type Block } from './blocks';
import { applyHeadingLabels, applyLabelCoverage } from './coverage';
import type { Line } from './lines';
import { buildOutline, walk, type OutlineNode } from './outline';
import { assignParts } from './parts';
import { newRuleState, proseRules } from './rules';
import { buildSections } from './sections';
import { buildTask, type TaskDraft } from './task-build';
import { firstLine, selectTasks } from './task-select';

export interface Structure {
  sections: Section[];
  tasks: Task[];
  parts: Part[];
  warnings: string[];
}

export function buildStructure(lines: Line[], documentSlug: string): Structure {
  const blocks = buildBlocks(lines);
  const outline = buildOutline(blocks);
  // Paragraphs outside every item (the outline records them as owned by null).
  const loose = blocks.filter((b) => b.kind === 'para' && outline.owner.get(b) === null);
  const selection = selectTasks(outline, loose);
  const { sections, sectionOf, ids } = buildSections(selection.containers, selection.tasks, documentSlug);

  // Units, in document order: rules stated in prose take effect at their line.
  const state = newRuleState();
  const pending = proseRules(blocks.filter((b) => !selection.tasks.some((t) => t.kind === 'paragraph' && t.block === b)));
  const drafts: TaskDraft[] = selection.tasks.map((source) => {
    while (pending.length && pending[0].line < firstLine(source)) {
      const r = pending.shift()!;
      if (r.lead) state.lead = { rule: r.lead, line: r.line };
      if (r.defaults) state.defaults.push({ rule: r.defaults, line: r.line });
    }
    return buildTask(source, ids.get(source)!, documentSlug, state);
  });
  applyLabelCoverage(drafts);
  const taskOfNode = new Map<OutlineNode, Task>();
  for (const d of drafts) if (d.source.kind === 'item') taskOfNode.set(d.source.node, d.task);
  applyHeadingLabels(outline.roots, taskOfNode);

  // Which blocks each task owns: its item, paragraphs and labels, and everything below it.
  const taskOfBlock = new Map<Block, string>();
  for (const d of drafts) {
    if (d.source.kind === 'paragraph') taskOfBlock.set(d.source.block, d.task.id);
    else walk([d.source.node], (n) => n.owned.forEach((b) => taskOfBlock.set(b, d.task.id)));
  }
  const tasks = drafts.map((d) => d.task);
  for (const t of tasks) {
    const own = [...taskOfBlock].filter(([, id]) => id === t.id).flatMap(([b]) => b.lines.map((l) => l.n));
    t.lineEnd = Math.max(t.lineStart, ...own);
    if (!t.units.some((u) => u.role !== 'mentioned') && t.measures.every((m) => m.units.length === 0)) {
      t.gaps.push({ field: 'units', reason: '未能从原文识别责任单位' });
    }
    if (t.deadlines.length === 0 && t.measures.every((m) => m.deadlines.length === 0)) {
      t.gaps.push({ field: 'deadlines', reason: '未能从原文识别完成时限' });
    }
  }
  const warnings = tasks
    .filter((t) => t.gaps.some((g) => g.field === 'units'))
    .map((t) => `task ${t.number} (line ${t.lineStart}): no unit could be read from the text`);
  const sectionIdOf = new Map([...sectionOf].map(([n, s]) => [n, s.id]));
  return { sections, tasks, parts: assignParts(lines, blocks, outline.owner, taskOfBlock, sectionIdOf), warnings };
}
