// Blocks → the outline: items nested by style, paragraphs and labels under the item they follow.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { buildBlocks } from '../../../src/sources/documents/blocks';
import { parseDocument } from '../../../src/sources/documents/index';
import { classifyLines, ITEM_STYLES } from '../../../src/sources/documents/lines';
import { buildOutline, nodeText, rankOf, walk, type OutlineNode } from '../../../src/sources/documents/outline';

const meta: DocumentMeta = {
  slug: 'snippet',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};
const parse = (text: string) => parseDocument(text, meta, 'snippet.txt');

interface Tree {
  m: string;
  paras?: string[];
  labels?: string[];
  c?: Tree[];
}
/** The outline as markers, with paragraphs, labels and children where there are any. */
const tree = (nodes: readonly OutlineNode[]): Tree[] =>
  nodes.map((n) => ({
    m: n.item.marker,
    ...(n.paras.length ? { paras: n.paras.map((p) => p.text) } : {}),
    ...(n.labels.length ? { labels: n.labels.map((l) => l.text) } : {}),
    ...(n.children.length ? { c: tree(n.children) } : {}),
  }));
const outline = (text: string) => buildOutline(buildBlocks(classifyLines(text)));
/** Each block's line and the marker of the item that owns it (null: outside every item). */
const owners = (text: string) => [...outline(text).owner].map(([b, n]) => [b.n, n?.item.marker ?? null]);

describe('nesting by style', () => {
  it('一、 > （一） > 1. > （1） > ① > 一是', () => {
    expect(
      tree(outline('一、总体要求\n（一）主要任务\n1.甲事项。\n（1）子事项。\n①细项。\n一是细细项。\n2.乙事项。\n二、保障措施').roots),
    ).toEqual([
      {
        m: '一、',
        c: [{ m: '（一）', c: [{ m: '1.', c: [{ m: '（1）', c: [{ m: '①', c: [{ m: '一是' }] }] }] }, { m: '2.' }] }],
      },
      { m: '二、' },
    ]);
  });

  it('half-width (一) and 1) nest like their full-width forms', () => {
    expect(tree(outline('一、重点任务\n（一）加强保护\n1.甲。\n(二)加快发展\n1)乙。\n2)丙。').roots)).toEqual([
      {
        m: '一、',
        c: [
          { m: '（一）', c: [{ m: '1.' }] },
          { m: '(二)', c: [{ m: '1)' }, { m: '2)' }] },
        ],
      },
    ]);
  });

  it('（1） and 1） share a rank; 第N条 is outermost', () => {
    expect(rankOf(ITEM_STYLES.arabicParen)).toBe(rankOf(ITEM_STYLES.arabicHalfParen));
    expect(
      [
        ITEM_STYLES.article,
        ITEM_STYLES.chinese,
        ITEM_STYLES.chineseParen,
        ITEM_STYLES.arabic,
        ITEM_STYLES.circled,
        ITEM_STYLES.enumeration,
      ].map(rankOf),
    ).toEqual([0, 1, 2, 3, 5, 6]);
  });

  it('第N条 articles are siblings; 一是 nests under an article, prose closes it', () => {
    const text = '第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全市。\n一是加强领导。\n第三条 附则\n本办法自印发之日起施行。';
    expect(tree(outline(text).roots)).toEqual([
      { m: '第一条' },
      { m: '第二条', c: [{ m: '一是' }] },
      { m: '第三条', paras: ['本办法自印发之日起施行。'] },
    ]);
  });
});

describe('paragraphs and labels', () => {
  it('each paragraph belongs to the item it follows; text before the first item to none', () => {
    const text = '前言段落。\n一、总体要求\n（一）指导思想\n以新思想为指导。\n（二）主要任务\n1.甲事项。\n二、保障措施\n加强组织领导。';
    expect(tree(outline(text).roots)).toEqual([
      {
        m: '一、',
        c: [
          { m: '（一）', paras: ['以新思想为指导。'] },
          { m: '（二）', c: [{ m: '1.' }] },
        ],
      },
      { m: '二、', paras: ['加强组织领导。'] },
    ]);
    expect(owners(text)).toEqual([
      [1, null],
      [2, '一、'],
      [3, '（一）'],
      [4, '（一）'],
      [5, '（二）'],
      [6, '1.'],
      [7, '二、'],
      [8, '二、'],
    ]);
  });

  it('a content item stops taking children once free text follows it', () => {
    expect(tree(outline('1.甲事项。\n补充说明。\n（1）子事项。').roots)).toEqual([{ m: '1.', paras: ['补充说明。'] }, { m: '（1）' }]);
  });

  it('a paragraph after a content item is its own; after its unit labels it goes to the heading above', () => {
    expect(tree(outline('一、重点任务\n1.甲事项。\n2.乙事项。\n以上任务要按期完成。').roots)).toEqual([
      { m: '一、', c: [{ m: '1.' }, { m: '2.', paras: ['以上任务要按期完成。'] }] },
    ]);
    const text = '一、重点任务\n1.甲事项。\n牵头单位：市发改委\n以上任务要按期完成。';
    expect(tree(outline(text).roots)).toEqual([{ m: '一、', c: [{ m: '1.', labels: ['牵头单位：市发改委'] }] }]);
    expect(owners(text).at(-1)).toEqual([4, '一、']);
  });

  it('labels go to the item above; a paragraph after unit labels is text between items', () => {
    const text = '1.甲事项。\n牵头单位：市发改委\n完成时限:2019年底\n其后的说明。\n2.乙事项。';
    expect(tree(outline(text).roots)).toEqual([{ m: '1.', labels: ['牵头单位：市发改委', '完成时限:2019年底'] }, { m: '2.' }]);
    expect(owners(text)).toEqual([
      [1, '1.'],
      [2, '1.'],
      [3, '1.'],
      [4, null],
      [5, '2.'],
    ]);
  });

  it('nodeText joins the item body and its paragraphs; walk visits in document order', () => {
    const o = outline('一、总体要求\n（一）指导思想\n以新思想为指导。\n坚持生态优先。\n（二）主要任务');
    const seen: string[] = [];
    walk(o.roots, (n) => seen.push(n.item.marker));
    expect(seen).toEqual(['一、', '（一）', '（二）']);
    expect(nodeText(o.roots[0].children[0])).toBe('指导思想\n以新思想为指导。\n坚持生态优先。');
  });
});

describe('in the whole pipeline', () => {
  it('a task body continues on the next line until its labels', () => {
    const doc = parse('1. 健全排污总量控制制度。\n完善污染源管理体系。\n牵头单位:市生态环境局\n本段为任务之后的说明。');
    expect(doc.tasks[0].text).toBe('健全排污总量控制制度。\n完善污染源管理体系。');
    expect(doc.parts.find((p) => p.text.includes('本段为任务之后'))?.kind).toBe('closing');
  });

  it('untagged prose after the last item’s closing tag is the closing text, not the item’s', () => {
    const doc = parse(
      '1.甲事项。（市发改委负责）\n2.乙事项。（市财政局负责）\n各有关部门要于2018年12月31日前报送实施办法。\n本通知自印发之日起施行。',
    );
    expect(doc.tasks.map((t) => [t.localId, t.lineEnd, t.deadlines.length])).toEqual([
      ['t1', 1, 0],
      ['t2', 2, 0],
    ]);
    expect(doc.parts.filter((p) => p.kind === 'closing').map((p) => [p.lineStart, p.lineEnd])).toEqual([[3, 4]]);
  });

  it('a document without tags keeps the paragraphs on its last item', () => {
    const doc = parse('1.甲事项。\n2.乙事项。\n具体要求如下。');
    expect(doc.tasks.at(-1)!.text).toBe('乙事项。\n具体要求如下。');
  });
});
