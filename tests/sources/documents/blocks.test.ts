// Physical lines → blocks: PDF hard wraps joined again, everything else left as it is.
import { describe, expect, it } from 'vitest';
import { buildBlocks, wrapWidth } from '../../../src/sources/documents/blocks';
import { classifyLines } from '../../../src/sources/documents/lines';

/** Each block as [kind, its line numbers, text]. */
const blocks = (text: string) => buildBlocks(classifyLines(text)).map((b) => [b.kind, b.lines.map((l) => l.n), b.text]);

/** A plan printed to PDF at 23 characters a line: lines break mid-word, mid-name, mid-tag. */
const WRAPPED = [
  '1.加强草地资源保护，落实草原生态保护补助奖励', // 1
  '政策，推进草原禁牧和草畜平衡制度。（地区农牧', // 2
  '局、地区林草局）', // 3
  '2.推进重点城镇建设，加快城镇基础设施建设步伐', // 4
  '，完善城镇功能，提升城镇综合承载能力和服务水', // 5
  '平。（地区住房城乡建设局）', // 6
  '3.加强水资源管理，严格落实最严格水资源管理制', // 7
  '度，全面推行河长制湖长制。', // 8
  '责任单位：地区水利局、地区生态环境局、地区自然资', // 9
  '源局', // 10
  '4.完善生态补偿机制，探索建立多元化生态补偿机制', // 11
  '— 2 —', // 12
  '，推动生态保护与经济发展相协调。（地区财政局）', // 13
  '', // 14
  '加强组织领导，各级各部门要高度重视本方案落实。', // 15
  '5.强化督查考核。（地区督查室）', // 16
].join('\n');

describe('wrapWidth', () => {
  it('a hard-wrapped text has the width of its full lines', () => {
    expect(wrapWidth(classifyLines(WRAPPED))).toBe(23);
  });
  it('a text whose lines end their sentences is not hard-wrapped', () => {
    const text = Array.from({ length: 8 }, (_, i) => `${i + 1}.加强草地资源保护，推进草原禁牧和草畜平衡。（地区农牧局）`).join('\n');
    expect(wrapWidth(classifyLines(text))).toBeNull();
    expect(wrapWidth(classifyLines('1.甲。\n2.乙。'))).toBeNull();
  });
});

describe('joins in a hard-wrapped text', () => {
  const b = buildBlocks(classifyLines(WRAPPED));
  it('lines cut at the page width join the line before; a page number between halves stays apart', () => {
    expect(b.map((x) => [x.kind, x.lines.map((l) => l.n)])).toEqual([
      ['item', [1, 2, 3]],
      ['item', [4, 5, 6]],
      ['item', [7, 8]],
      ['label', [9, 10]],
      ['item', [11, 13]],
      ['chrome', [12]],
      ['blank', [14]],
      ['para', [15]],
      ['item', [16]],
    ]);
  });
  it('the joined texts, the tag broken mid-name whole again', () => {
    expect(b[0].text).toBe('1.加强草地资源保护，落实草原生态保护补助奖励政策，推进草原禁牧和草畜平衡制度。（地区农牧局、地区林草局）');
    expect(b[0].item?.body).toBe('加强草地资源保护，落实草原生态保护补助奖励政策，推进草原禁牧和草畜平衡制度。（地区农牧局、地区林草局）');
    expect(b[4].text).toBe('4.完善生态补偿机制，探索建立多元化生态补偿机制，推动生态保护与经济发展相协调。（地区财政局）');
  });
  it('a 责任单位 list broken mid-name is one label again', () => {
    expect(b[3].label).toEqual({
      key: '责任单位',
      value: '地区水利局、地区生态环境局、地区自然资源局',
      valueCanon: '地区水利局、地区生态环境局、地区自然资源局',
    });
  });
});

describe('joins in any text', () => {
  it('an unclosed bracket goes on in the next line', () => {
    expect(blocks('1.加强保护。（地区农牧局、地区\n林草局）\n2.乙事项。')).toEqual([
      ['item', [1, 2], '1.加强保护。（地区农牧局、地区林草局）'],
      ['item', [3], '2.乙事项。'],
    ]);
    expect(blocks('1.加强保护。(地区农牧局、地区\n林草局)')).toEqual([['item', [1, 2], '1.加强保护。(地区农牧局、地区林草局)']]);
  });

  it.each([
    ['，', '1.加强保护\n，加快发展。（地区农牧局）', '1.加强保护，加快发展。（地区农牧局）'],
    [',', '1.加强保护\n,加快发展。(地区农牧局)', '1.加强保护,加快发展。(地区农牧局)'],
    ['。', '1.加强保护\n。（地区农牧局）', '1.加强保护。（地区农牧局）'],
    ['、', '1.加强保护（地区农牧局\n、地区林草局）', '1.加强保护（地区农牧局、地区林草局）'],
    ['）', '1.加强保护（地区农牧局\n）。', '1.加强保护（地区农牧局）。'],
    [')', '1.加强保护(地区农牧局\n)。', '1.加强保护(地区农牧局)。'],
  ])('a line starting with %s joins the one before', (_, text, joined) => {
    expect(blocks(text)).toEqual([['item', [1, 2], joined]]);
  });

  it('a 责任单位 list broken inside a bracket', () => {
    const [b] = buildBlocks(classifyLines('责任单位：各县（市\n、区）人民政府，市财政局'));
    expect([b.kind, b.lines.map((l) => l.n), b.label?.value]).toEqual(['label', [1, 2], '各县（市、区）人民政府，市财政局']);
  });

  it('a numeral broken off its item is the item again: 一 + 、降低…', () => {
    const [b] = buildBlocks(classifyLines('一\n、降低家庭生育成本'));
    expect([b.kind, b.item?.marker, b.item?.body]).toEqual(['item', '一、', '降低家庭生育成本']);
  });
});

describe('lines that are not joined', () => {
  it('a new item, a label, a paragraph after a sentence end', () => {
    expect(blocks('1.甲事项。\n2.乙事项\n牵头单位：市发改委\n加强组织领导。')).toEqual([
      ['item', [1], '1.甲事项。'],
      ['item', [2], '2.乙事项'],
      ['label', [3], '牵头单位：市发改委'],
      ['para', [4], '加强组织领导。'],
    ]);
  });

  it('an unclosed bracket does not swallow a label or an item', () => {
    expect(blocks('1.加强保护（\n牵头单位：市发改委\n2.乙事项。')).toEqual([
      ['item', [1], '1.加强保护（'],
      ['label', [2], '牵头单位：市发改委'],
      ['item', [3], '2.乙事项。'],
    ]);
  });

  it('a blank line ends a paragraph in a text that is not hard-wrapped', () => {
    expect(blocks('1.加强保护（地区农牧局\n\n林草局）')).toEqual([
      ['item', [1], '1.加强保护（地区农牧局'],
      ['blank', [2], ''],
      ['para', [3], '林草局）'],
    ]);
  });
});

describe('labels inside other lines', () => {
  it.each([
    ['full-width', '1.推进项目建设。责任单位：市发改委、市住建局'],
    ['half-width', '1.推进项目建设。责任单位:市发改委、市住建局'],
  ])('a label after an item’s text on its line is a label of its own (%s)', (_, text) => {
    expect(blocks(text).map(([kind, lines, t]) => [kind, lines, String(t).replace(':', '：')])).toEqual([
      ['item', [1], '1.推进项目建设。'],
      ['label', [1], '责任单位：市发改委、市住建局'],
    ]);
  });

  it('not a label inside a tag: （牵头单位：…；配合单位：…）', () => {
    expect(blocks('2.健全考核办法。（牵头单位：地区督查室；配合单位：各县人民政府）')).toEqual([
      ['item', [1], '2.健全考核办法。（牵头单位：地区督查室；配合单位：各县人民政府）'],
    ]);
  });

  it.each([
    ['；', '责任单位：地区财政局；完成时限：长期'],
    [' ', '责任单位：地区财政局 完成时限：长期'],
  ])('several labels on one line, one block each (separated by “%s”)', (_, text) => {
    const b = buildBlocks(classifyLines(text));
    expect(b.map((x) => [x.label?.key, x.label?.value, x.n])).toEqual([
      ['责任单位', '地区财政局', 1],
      ['完成时限', '长期', 1],
    ]);
  });
});
