// Blocks → the outline: numbered items nest by style (一、 > （一） > 1. > （1）/1） > ① > 一是; 第一条 at the
// top), and every paragraph and label belongs to the item it follows. Items without a sentence are
// headings; items with one are content items. A content item stops taking children once free text
// follows it, and a paragraph after an item's unit labels is text between items, not the item's.
import type { Block } from './blocks';
import { ITEM_STYLES, type ItemInfo } from './lines';
import { hasUnitTag } from './tags';
import { UNIT_LABELS } from './unit-names';

export interface OutlineNode {
  block: Block;
  item: ItemInfo;
  parent: OutlineNode | null;
  children: OutlineNode[];
  /** Text blocks that follow the item line, in order. */
  paras: Block[];
  labels: Block[];
  /** A content item stops taking children once free text follows it. */
  acceptsChildren: boolean;
  /** Blocks this node owns directly (item line, paragraphs, labels). */
  owned: Block[];
}

export interface Outline {
  roots: OutlineNode[];
  /** Each block's owner: its node, or null for text outside every item. */
  owner: Map<Block, OutlineNode | null>;
}

/** Nesting rank of each style, outermost first. */
const RANK: Record<number, number> = {
  [ITEM_STYLES.article]: 0,
  [ITEM_STYLES.chinese]: 1,
  [ITEM_STYLES.chineseParen]: 2,
  [ITEM_STYLES.arabic]: 3,
  [ITEM_STYLES.arabicParen]: 4,
  [ITEM_STYLES.arabicHalfParen]: 4,
  [ITEM_STYLES.circled]: 5,
  [ITEM_STYLES.enumeration]: 6,
};

export const rankOf = (style: number): number => RANK[style] ?? 9;

export function walk(nodes: readonly OutlineNode[], visit: (n: OutlineNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

/** The item's own text and its paragraphs, joined by line breaks. */
export function nodeText(n: OutlineNode): string {
  return [n.item.body, ...n.paras.map((p) => p.text)].join('\n');
}

export function buildOutline(blocks: readonly Block[]): Outline {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const owner = new Map<Block, OutlineNode | null>();
  const top = () => stack[stack.length - 1] ?? null;
  for (const block of blocks) {
    if (block.kind === 'item') {
      const item = block.item!;
      while (stack.length && (rankOf(top()!.item.style) >= rankOf(item.style) || (top()!.item.content && !top()!.acceptsChildren)))
        stack.pop();
      const parent = top();
      const node: OutlineNode = { block, item, parent, children: [], paras: [], labels: [], acceptsChildren: true, owned: [block] };
      (parent ? parent.children : roots).push(node);
      stack.push(node);
      owner.set(block, node);
    } else if (block.kind === 'label') {
      const target = top();
      if (target) {
        target.labels.push(block);
        target.owned.push(block);
      }
      owner.set(block, target);
    } else if (block.kind === 'para') {
      const node = top();
      const closedByUnits = node?.labels.some((l) => l.label!.key in UNIT_LABELS);
      if (node && !closedByUnits && (node.item.content || node.children.length === 0)) {
        node.paras.push(block);
        node.owned.push(block);
        if (node.item.content) node.acceptsChildren = false;
        owner.set(block, node);
      } else {
        while (stack.length && top()!.item.content) stack.pop();
        owner.set(block, top());
      }
    }
  }
  detachClosingProse(roots, owner);
  return { roots, owner };
}

/**
 * The untagged paragraphs after the last item's closing unit tag are the document's closing prose
 * (组织实施, 报送 arrangements, 本通知自…起施行), not part of that item: "三十、…（国务院办公厅负责）"
 * followed by "各有关部门…于2018年12月31日前报送…". A document without tags keeps them on the item.
 */
function detachClosingProse(roots: readonly OutlineNode[], owner: Map<Block, OutlineNode | null>): void {
  let last: OutlineNode | null = null;
  walk(roots, (n) => (last = n));
  const node = last as OutlineNode | null;
  if (!node || node.paras.length === 0 || node.labels.length > 0) return;
  const tagged = node.paras.map((p) => hasUnitTag(p.text, p.canon));
  const lastTagged = tagged.lastIndexOf(true);
  if (lastTagged < 0 && !hasUnitTag(node.item.body, node.item.bodyCanon)) return;
  const closing = node.paras.slice(lastTagged + 1);
  if (closing.length === 0) return;
  node.paras = node.paras.slice(0, lastTagged + 1);
  node.owned = node.owned.filter((b) => !closing.includes(b));
  for (const b of closing) owner.set(b, null);
}
