// Line accounting: every source line belongs to exactly one part (chrome, meta, title, preamble, heading,
// task, text, closing), so every sentence of a source is reachable on the site. Consecutive lines of one
// part make one part; blank lines inside a part belong to it.
import type { Part, PartKind } from '../../domain/types';
import type { Block } from './blocks';
import type { Line } from './lines';
import type { OutlineNode } from './outline';

interface Tag {
  kind: PartKind;
  taskId?: string;
  sectionId?: string;
}

const sameTag = (a: Tag, b: Tag) => a.kind === b.kind && a.taskId === b.taskId && a.sectionId === b.sectionId;

export function assignParts(
  lines: readonly Line[],
  blocks: readonly Block[],
  owner: ReadonlyMap<Block, OutlineNode | null>,
  taskOfBlock: ReadonlyMap<Block, string>,
  sectionOfNode: ReadonlyMap<OutlineNode, string>,
): Part[] {
  const blockOfLine = new Map<number, Block>();
  for (const b of blocks) for (const l of b.lines) blockOfLine.set(l.n, b);
  const taskLines = [...taskOfBlock.keys()].flatMap((b) => b.lines.map((l) => l.n));
  const firstTaskLine = Math.min(...taskLines, Infinity);
  const lastTaskLine = Math.max(...taskLines, -Infinity);
  const sectionOfBlock = (b: Block): string | undefined => {
    const n = owner.get(b);
    return n && n.block === b ? sectionOfNode.get(n) : undefined;
  };
  const tags: Tag[] = lines.map((l) => {
    const b = blockOfLine.get(l.n);
    const kind = b?.kind ?? l.kind;
    if (kind === 'blank' || kind === 'chrome' || kind === 'meta' || kind === 'title') return { kind };
    const taskId = b ? taskOfBlock.get(b) : undefined;
    if (taskId) return { kind: 'task', taskId };
    const heading = b ? sectionOfBlock(b) : undefined;
    if (heading) return { kind: 'heading', sectionId: heading };
    const part: PartKind = l.n < firstTaskLine ? 'preamble' : l.n > lastTaskLine ? 'closing' : 'text';
    let sectionId: string | undefined;
    for (let n = b ? owner.get(b) : null; n && !sectionId; n = n.parent) sectionId = sectionOfNode.get(n);
    return { kind: part, sectionId };
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
