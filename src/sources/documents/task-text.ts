// A task's text as one string, with the source line of every character: tags, rules and deadlines are
// found in the text and reported at the line they stand on (extract --explain, validation messages).
import type { Deadline, Segment } from '../../domain/types';
import type { Block } from './blocks';
import { findProseDeadlines } from './deadlines';
import { findTags, type ParsedTag, type TagMatch } from './tags';

export interface TaskText {
  text: string;
  canon: string;
  /** The source line of a character of `text`. */
  lineAt(offset: number): number;
}

/** Blocks' text joined by line breaks; the first may start partway (an item line without its number). */
export function taskText(pieces: Array<{ block: Block; text: string; canon: string }>): TaskText {
  const starts: Array<{ offset: number; lines: Array<{ n: number; length: number }>; skip: number }> = [];
  let text = '';
  let canon = '';
  pieces.forEach((p, i) => {
    if (i > 0) {
      text += '\n';
      canon += '\n';
    }
    // Characters of the block dropped at its start (the item's number): where the piece begins in the block.
    const skip = p.block.text.length - p.text.length;
    starts.push({ offset: text.length, lines: p.block.lines.map((l) => ({ n: l.n, length: l.text.length })), skip });
    text += p.text;
    canon += p.canon;
  });
  return {
    text,
    canon,
    lineAt(offset) {
      let piece = starts[0];
      for (const s of starts) if (s.offset <= offset) piece = s;
      if (!piece) return 0;
      let at = offset - piece.offset + piece.skip;
      for (const l of piece.lines) {
        if (at < l.length) return l.n;
        at -= l.length;
      }
      return piece.lines.at(-1)?.n ?? 0;
    },
  };
}

export interface FoundTag {
  tag: ParsedTag;
  line: number;
}

export interface TextAnalysis {
  text: string;
  segments: Segment[];
  /** Unit tags in order, each with its line. */
  tags: FoundTag[];
  /** Deadlines in tags: (2018年6月30日前) (长期) and fields of unit tags. */
  tagDeadlines: Deadline[];
  /** The text without its tags: where prose deadlines, targets and mentions are looked for. */
  prose: string;
  /** The line of the text's first character. */
  line: number;
  /** The source line of a character of `prose`. */
  proseLineAt(offset: number): number;
}

/** Splits a text at its tags: unit tags end segments, deadline tags become deadlines. */
export function analyseText(t: TaskText): TextAnalysis {
  const { text, canon } = t;
  const segments: Segment[] = [];
  const tags: FoundTag[] = [];
  const tagDeadlines: Deadline[] = [];
  let prose = '';
  /** Where each run of prose starts, in the prose and in the text. */
  const runs: Array<{ prose: number; text: number }> = [];
  let segmentStart = 0;
  let cursor = 0;
  for (const m of findTags(text, canon) as TagMatch[]) {
    runs.push({ prose: prose.length, text: cursor });
    prose += text.slice(cursor, m.start);
    cursor = m.end;
    const line = t.lineAt(m.start);
    if (m.kind === 'units') {
      segments.push({ text: text.slice(segmentStart, m.start).trim(), units: [] });
      tags.push({ tag: m.tag, line });
      for (const d of m.tag.deadlines) tagDeadlines.push({ ...d, basis: `deadline in tag (line ${line})` });
      segmentStart = cursor;
    } else {
      tagDeadlines.push({ ...m.deadline, basis: `deadline tag (line ${line})` });
    }
  }
  runs.push({ prose: prose.length, text: cursor });
  prose += text.slice(cursor);
  const rest = text.slice(segmentStart).trim();
  if (rest) segments.push({ text: rest, units: [] });
  const proseLineAt = (offset: number) => {
    const run = runs.findLast((r) => r.prose <= offset) ?? runs[0];
    return t.lineAt(run.text + offset - run.prose);
  };
  return { text, segments, tags, tagDeadlines, prose, line: t.lineAt(0), proseLineAt };
}

/** Dated deadlines the prose states ("2018年6月底前完成…"), each with the line it stands on. */
export function proseDeadlines(a: TextAnalysis): Deadline[] {
  return findProseDeadlines(a.prose).map(({ index, ...d }) => ({ ...d, basis: `stated in the text (line ${a.proseLineAt(index)})` }));
}
