// Line classification: item styles, labels, header and chrome lines, title lines.
import { describe, expect, it } from 'vitest';
import { classifyLines, ITEM_STYLES, parseItem, parseLabel } from '../../../src/sources/documents/lines';
import { canonical } from '../../../src/sources/documents/normalize';

const item = (s: string) => {
  const i = parseItem(s, canonical(s));
  return i && { style: i.style, number: i.number, marker: i.marker, value: i.value, body: i.body, content: i.content };
};
const label = (s: string) => parseLabel(s, canonical(s));
const kinds = (text: string) => classifyLines(text).map((l) => l.kind);

describe('item styles', () => {
  const S = ITEM_STYLES;
  it.each([
    ['一、总体要求', S.chinese, '一', '一、', 1, '总体要求', false],
    ['十四、加强草地保护。', S.chinese, '十四', '十四、', 14, '加强草地保护。', true],
    ['一.总体要求', S.chinese, '一', '一.', 1, '总体要求', false],
    ['（一）主要任务', S.chineseParen, '一', '（一）', 1, '主要任务', false],
    ['(一)主要任务', S.chineseParen, '一', '(一)', 1, '主要任务', false],
    ['(二) 加强保护。', S.chineseParen, '二', '(二)', 2, '加强保护。', true],
    ['1.加强保护。', S.arabic, '1', '1.', 1, '加强保护。', true],
    ['1、加强保护。', S.arabic, '1', '1、', 1, '加强保护。', true],
    ['1．加强保护。', S.arabic, '1', '1．', 1, '加强保护。', true],
    ['１２．加强保护。', S.arabic, '12', '１２．', 12, '加强保护。', true],
    ['（1）加强保护。', S.arabicParen, '1', '（1）', 1, '加强保护。', true],
    ['(1)加强保护。', S.arabicParen, '1', '(1)', 1, '加强保护。', true],
    ['1）加强保护。', S.arabicHalfParen, '1', '1）', 1, '加强保护。', true],
    ['1)加强保护。', S.arabicHalfParen, '1', '1)', 1, '加强保护。', true],
    ['①加强保护。', S.circled, '①', '①', 1, '加强保护。', true],
    ['⑫加强保护。', S.circled, '⑫', '⑫', 12, '加强保护。', true],
    ['第三条 加强保护。', S.article, '三', '第三条', 3, '加强保护。', true],
    ['第12条 本办法', S.article, '12', '第12条', 12, '本办法', false],
    ['一是加强保护。', S.enumeration, '一', '一是', 1, '加强保护。', true],
    ['二是，加强保护。', S.enumeration, '二', '二是，', 2, '加强保护。', true],
  ])('%s', (text, style, number, marker, value, body, content) => {
    expect(item(text)).toEqual({ style, number, marker, value, body, content });
  });

  it('a body with a sentence end, or longer than a heading, is content', () => {
    expect(item('1.' + '加'.repeat(50))!.content).toBe(false);
    expect(item('1.' + '加'.repeat(51))!.content).toBe(true);
    expect(item('1.加强保护！')!.content).toBe(true);
  });

  it('a bare 第三条 is a heading; a bare numeral a PDF broke off is no item', () => {
    expect(item('第三条')).toEqual({ style: S.article, number: '三', marker: '第三条', value: 3, body: '', content: false });
    expect(item('一')).toBeNull();
    expect(item('一、')).toBeNull();
  });

  it('an item whose body starts with a year: 1.2019年底前…', () => {
    expect(item('1.2019年底前完成清理。')).toEqual({
      style: S.arabic,
      number: '1',
      marker: '1.',
      value: 1,
      body: '2019年底前完成清理。',
      content: true,
    });
    expect(item('2、2020年6月底前建成。')).toEqual({
      style: S.arabic,
      number: '2',
      marker: '2、',
      value: 2,
      body: '2020年6月底前建成。',
      content: true,
    });
  });

  it('numbers inside text are no items: decimals, dates, plain sentences', () => {
    for (const s of ['3.5%的增长', '2019.12月', '2019年12月底前', '加强保护。', '第一位者为牵头单位']) expect(item(s)).toBeNull();
  });
});

describe('labels', () => {
  it.each(['：', ':'])('unit labels with %s', (colon) => {
    expect(
      ['牵头单位', '责任单位', '配合单位', '督导单位', '责任部门', '牵头部门', '配合部门'].map((k) => label(`${k}${colon}市发展改革委`)),
    ).toEqual(
      ['牵头单位', '责任单位', '配合单位', '督导单位', '责任部门', '牵头部门', '配合部门'].map((key) => ({
        key,
        value: '市发展改革委',
        valueCanon: '市发展改革委',
      })),
    );
  });

  it.each([
    ['完成时限：2019年12月底前', '完成时限', '2019年12月底前'],
    ['整改时限:立行立改,长期', '整改时限', '立行立改,长期'],
    ['原因分析：对重要性认识不深刻。', '原因分析', '对重要性认识不深刻。'],
    ['整改目标:1.提高考核权重;2.严格考核。', '整改目标', '1.提高考核权重;2.严格考核。'],
    ['政策依据：《某某办法》', '政策依据', '《某某办法》'],
    ['咨询电话:0891-6320000', '咨询电话', '0891-6320000'],
  ])('%s', (text, key, value) => {
    expect(label(text)).toEqual({ key, value, valueCanon: canonical(value) });
  });

  it('the value keeps its own punctuation; the canonical copy folds it', () => {
    expect(label('责任单位:各县(市、区)人民政府,市财政局')).toEqual({
      key: '责任单位',
      value: '各县(市、区)人民政府,市财政局',
      valueCanon: '各县（市、区）人民政府，市财政局',
    });
  });

  it('spaces around the colon are allowed; no colon, no label', () => {
    expect(label('牵头单位 ： 市发改委')).toEqual({ key: '牵头单位', value: '市发改委', valueCanon: '市发改委' });
    expect(label('牵头单位市发改委')).toBeNull();
    expect(label('由牵头单位：市发改委')).toBeNull();
  });
});

describe('classifyLines', () => {
  it('kinds of lines: blank, label, item, paragraph, header and chrome', () => {
    expect(
      kinds(
        ['一、重点任务', '', '1.甲事项。', '牵头单位:市发改委', '加强组织领导。', '发布日期: 2019-08-20', '首页>新闻>政府文件'].join('\n'),
      ),
    ).toEqual(['item', 'blank', 'item', 'label', 'para', 'meta', 'chrome']);
  });

  it('everything after a footer marker is chrome', () => {
    expect(kinds('1.甲事项。\n友情链接\n拉萨市人民政府\n\n一、X')).toEqual(['item', 'chrome', 'chrome', 'blank', 'chrome']);
  });

  it('a page marker glued into a line is blanked in the canonical copy only', () => {
    const [l] = classifyLines('1.安排资金3200— 1 —万元。');
    expect([l.text, l.canon]).toEqual(['1.安排资金3200— 1 —万元。', '1.安排资金3200     万元。']);
  });
});

describe('title lines', () => {
  it('a notice and the plan it issues, before the first item', () => {
    expect(kinds('关于印发某某工作要点的通知\n某某工作要点\n一、重点任务\n1.甲事项。')).toEqual(['title', 'title', 'item', 'item']);
  });
  it('a title broken over three lines', () => {
    expect(kinds('拉萨市\n生态环境保护\n实施方案\n一、总体要求')).toEqual(['title', 'title', 'title', 'item']);
  });
  it('a title with 《》 or a 征求意见稿 note, blank lines around it', () => {
    expect(kinds('\n《某某规划》\n\n一、X')).toEqual(['blank', 'title', 'blank', 'item']);
    expect(kinds('某某实施方案(征求意见稿)\n一、X')).toEqual(['title', 'item']);
  });
  it('no title: a salutation, a sentence, a date, a line after the first item', () => {
    expect(kinds('各县区人民政府：\n现将方案印发给你们，请认真贯彻执行。\n2019年8月\n一、X\n某某方案')).toEqual([
      'para',
      'para',
      'para',
      'item',
      'para',
    ]);
  });
});
