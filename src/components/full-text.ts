// A document's full original text as blocks for the document page: website chrome and blank lines
// are set aside (they are the scraped site, not the document), every task paragraph gets its anchor,
// every heading its own. Text stays text: the page escapes it, nothing here produces HTML.
import type { Document, Part } from '../domain/types';
import { sectionAnchor, taskAnchor } from '../domain/urls';
import { sectionOf } from './related';

export interface TextBlock {
  kind: Exclude<Part['kind'], 'chrome' | 'blank'>;
  /** Lines of the part, trimmed, empty ones dropped. */
  lines: string[];
  /** id attribute for tasks and headings. */
  anchor?: string;
  /** Task id for tasks (to look up status). */
  taskId?: string;
  /** Heading level 1…5 from the outline. */
  level?: number;
  lineStart: number;
  lineEnd: number;
}

/** Full-width and ASCII spaces at both ends; the scraped text indents with either. */
const trim = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

export function fullTextBlocks(doc: Document): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const part of doc.parts) {
    if (part.kind === 'chrome' || part.kind === 'blank') continue;
    const lines = part.text
      .split('\n')
      .map(trim)
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    const block: TextBlock = { kind: part.kind, lines, lineStart: part.lineStart, lineEnd: part.lineEnd };
    if (part.kind === 'task' && part.taskId) {
      block.taskId = part.taskId;
      block.anchor = taskAnchor(part.taskId.slice(part.taskId.indexOf('/') + 1));
    }
    if (part.kind === 'heading' && part.sectionId) {
      block.anchor = sectionAnchor(part.sectionId);
      block.level = sectionOf(doc, part.sectionId)?.level ?? 1;
    }
    blocks.push(block);
  }
  return blocks;
}

export interface OutlineEntry {
  id: string;
  number: string;
  marker: string;
  title: string;
  level: number;
  implicit: boolean;
  /** Where the heading is in the full text; implicit groups have no heading, so they link to their first task. */
  anchor: string | null;
  taskCount: number;
}

/** The outline (一、（一）1.) with task counts per section (a task counts for every section above it). */
export function outline(doc: Document): OutlineEntry[] {
  const counts = new Map<string, number>();
  const firstTask = new Map<string, string>();
  for (const t of doc.tasks) {
    for (const s of t.sectionPath) {
      counts.set(s, (counts.get(s) ?? 0) + 1);
      if (!firstTask.has(s)) firstTask.set(s, t.localId);
    }
  }
  const headed = new Set(doc.parts.filter((p) => p.kind === 'heading' && p.sectionId).map((p) => p.sectionId!));
  return doc.sections.map((s) => ({
    id: s.id,
    number: s.number,
    marker: s.marker,
    title: s.title,
    level: s.level,
    implicit: s.implicit,
    anchor: headed.has(s.id) ? sectionAnchor(s.id) : firstTask.has(s.id) ? taskAnchor(firstTask.get(s.id)!) : null,
    taskCount: counts.get(s.id) ?? 0,
  }));
}
