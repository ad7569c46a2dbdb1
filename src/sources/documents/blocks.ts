// Physical lines → blocks: the logical lines the outline is built from. Text from a PDF breaks lines
// wherever the page ran out — inside words, tags and numbers ("一" + "、降低…", "市房" + "地产管理局"),
// with page numbers between the halves. A block is one physical line, or the lines of one paragraph
// joined again: a line that cannot start a paragraph (it starts with 、，。；) always joins the one before;
// in a hard-wrapped text (most long lines end mid-sentence), a line joins the one before when that
// one ran to the full width without ending a sentence. Page-number lines in between stay chrome.
import { classify, inlineLabelStart, labelStarts, parseLabel, type Line, type LineKind } from './lines';
import { compact } from './normalize';

export interface Block {
  /** The physical lines, in order (a page-number line between two halves is not among them). */
  lines: Line[];
  /** Line number of the first line. */
  n: number;
  text: string;
  canon: string;
  kind: LineKind;
  item?: Line['item'];
  label?: Line['label'];
  header?: Line['header'];
}

/** Ends a sentence or a list entry: a line ending so is complete even when it runs to the full width. */
const COMPLETE_END = /[。！？；：…）〕」』”"》]$/;
/** Cannot start a paragraph: the line before was cut. */
const CONTINUES = /^[、，。；：！？）〕」』”,;:!?)]/;

/** A bracket opened and not closed yet: the tag goes on in the next line. */
function unclosed(canon: string): boolean {
  let depth = 0;
  for (const ch of canon) {
    if (ch === '（' || ch === '〔' || ch === '【') depth++;
    else if ((ch === '）' || ch === '〕' || ch === '】') && depth > 0) depth--;
  }
  return depth > 0;
}

const joinable = (l: Line) => l.kind === 'para' || l.kind === 'item' || l.kind === 'label';

/** Whether the text was hard-wrapped at a page width, and that width (characters of a full line). */
export function wrapWidth(lines: Line[]): number | null {
  const lengths = lines.filter((l) => l.kind === 'para' || l.kind === 'item').map((l) => compact(l.canon).length);
  const long = lengths.filter((n) => n >= 10).sort((a, b) => a - b);
  if (long.length < 6) return null;
  const p80 = long[Math.floor(long.length * 0.8)];
  const full = lines.filter((l) => (l.kind === 'para' || l.kind === 'item') && compact(l.canon).length >= 0.75 * p80);
  const cut = full.filter((l) => !COMPLETE_END.test(compact(l.canon)));
  return full.length >= 6 && cut.length / full.length >= 0.5 ? p80 : null;
}

function blockOf(line: Line): Block {
  return {
    lines: [line],
    n: line.n,
    text: line.text,
    canon: line.canon,
    kind: line.kind,
    item: line.item,
    label: line.label,
    header: line.header,
  };
}

/** Re-reads a block whose text grew: "一" + "、降低家庭生育成本" is an item. */
function reclassify(block: Block): void {
  const probe: Line = { n: block.n, raw: block.text, text: block.text, canon: block.canon, kind: 'para' };
  classify(probe);
  if (probe.kind === 'blank' || probe.kind === 'chrome') return;
  block.kind = probe.kind === 'meta' ? block.kind : probe.kind;
  block.item = probe.item;
  block.label = probe.label;
}

export function buildBlocks(lines: Line[]): Block[] {
  const width = wrapWidth(lines);
  const blocks: Block[] = [];
  let open: Block | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    if (line.kind === 'chrome' && open) {
      blocks.push(blockOf(line)); // a page number between two halves of a paragraph
      continue;
    }
    const continues =
      open !== null &&
      prev !== null &&
      joinable(line) &&
      (CONTINUES.test(line.canon) ||
        (line.kind === 'para' && unclosed(open.canon)) ||
        (width !== null &&
          line.kind === 'para' &&
          !COMPLETE_END.test(compact(prev.canon)) &&
          (compact(prev.canon).length >= 0.75 * width || CONTINUES.test(prev.canon))));
    if (continues && open) {
      open.lines.push(line);
      open.text += line.text;
      open.canon += line.canon;
      if (CONTINUES.test(line.canon) && open.kind !== 'label') reclassify(open);
      prev = line;
      continue;
    }
    const block = blockOf(line);
    blocks.push(block);
    open = joinable(line) ? block : line.kind === 'blank' && width !== null ? open : null;
    if (line.kind !== 'blank') prev = joinable(line) ? line : null;
  }
  // An item or label that took more lines is read again whole: its body goes on in them.
  for (const b of blocks) if (b.lines.length > 1 && (b.kind === 'item' || b.kind === 'label')) reclassify(b);
  return blocks.flatMap(splitInlineLabels).flatMap(splitLabels);
}

/** "1.推进项目建设。责任单位：市发改委": the item, then its labels, on the same lines. */
function splitInlineLabels(block: Block): Block[] {
  if (block.kind !== 'item' && block.kind !== 'para') return [block];
  const at = inlineLabelStart(block.canon);
  if (at < 0) return [block];
  const head: Block = { ...block, text: block.text.slice(0, at).trimEnd(), canon: block.canon.slice(0, at).trimEnd() };
  reclassify(head);
  const tail: Block = { ...block, text: block.text.slice(at).trimStart(), canon: block.canon.slice(at).trimStart(), item: undefined };
  reclassify(tail);
  return tail.kind === 'label' ? [head, tail] : [block];
}

/** A line with several labels ("责任单位：X；完成时限：长期") as one label block each, on the same lines. */
function splitLabels(block: Block): Block[] {
  if (block.kind !== 'label') return [block];
  const starts = labelStarts(block.canon);
  if (starts.length < 2) return [block];
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? block.canon.length;
    const text = block.text.slice(start, end);
    const canon = block.canon.slice(start, end);
    return { ...block, text, canon, label: parseLabel(text, canon) ?? undefined };
  });
}
