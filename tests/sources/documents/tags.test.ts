// The unit tag: the bracket that closes a clause and says who does it; brackets that are no tags.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { parseDocument } from '../../../src/sources/documents/index';
import { canonical } from '../../../src/sources/documents/normalize';
import { findTags, labelList, parseUnitTag, readUnitTag } from '../../../src/sources/documents/tags';
import { parseLabel } from '../../../src/sources/documents/lines';

const meta: DocumentMeta = {
  slug: 'snippet',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};
const parse = (text: string) => parseDocument(text, meta, 'snippet.txt');
const units = (list: { name: string; role: string }[]) => list.map((u) => `${u.name}:${u.role}`);
/** The tags of a text: units as name:role, deadlines as text and date. */
const tags = (text: string) =>
  findTags(text, canonical(text)).map((t) =>
    t.kind === 'units'
      ? ['units', text.slice(t.start, t.end), units(t.tag.units)]
      : ['deadline', text.slice(t.start, t.end), t.deadline.text, t.deadline.date],
  );

describe('unit tags at the end of clauses', () => {
  it.each([
    ['1.加强草地资源保护。(地区农牧局)', ['地区农牧局:responsible']],
    ['1.加强草地资源保护。（地区农牧局）', ['地区农牧局:responsible']],
  ])('%s', (text, expected) => {
    expect(units(parse(text).tasks[0].units)).toEqual(expected);
  });

  it('a list that drops the shared prefix', () => {
    expect(units(readUnitTag('地区住房城乡建设局、交通局')!.units)).toEqual(['地区住房城乡建设局:responsible', '地区交通局:responsible']);
    expect(readUnitTag('地区住房城乡建设局、交通局')!.units[1].written).toBe('交通局');
  });

  it.each([
    ['生态环境部、水利部牵头，自然资源部参与', ['生态环境部:lead', '水利部:lead', '自然资源部:partner']],
    ['生态环境部牵头,自然资源部参与', ['生态环境部:lead', '自然资源部:partner']],
    ['生态环境部指导', ['生态环境部:supervisor']],
    ['生态环境部负责', ['生态环境部:responsible']],
    ['自然资源部牵头督导', ['自然资源部:supervisor']],
    ['国家发展改革委等和各有关省级人民政府负责', ['国家发展改革委:responsible', '各有关省级人民政府:responsible']],
    ['负责部门：市生态环境局；适用范围：全市', ['市生态环境局:responsible']],
    ['负责部门:市生态环境局;适用范围:全市', ['市生态环境局:responsible']],
  ])('role words: (%s)', (inner, expected) => {
    expect(units(readUnitTag(canonical(inner))!.units)).toEqual(expected);
  });

  it('ordinary parentheses are no tags', () => {
    for (const inner of ['日土、噶尔、札达、普兰', '2014-2030年', '湖', '含存量岗位', '小区']) expect(readUnitTag(inner)).toBeNull();
    const t = parse('1.推进重点城镇建设(日土、噶尔、札达、普兰),加快发展。(地区发展改革委)').tasks[0];
    expect(units(t.units)).toEqual(['地区发展改革委:responsible']);
  });

  it('a parenthesis inside a clause is no tag: 党校(行政学院)将…', () => {
    const t = parse('1.各级党校(行政学院)将有关内容纳入培训(长期)。').tasks[0];
    expect(t.units).toEqual([]);
    expect(t.deadlines.map((d) => d.text)).toEqual(['长期']);
  });
});

describe('role clauses', () => {
  it.each([
    ['市发展改革委牵头，市财政局配合', ['市发展改革委:lead', '市财政局:partner']],
    ['市发展改革委牵头,市财政局配合', ['市发展改革委:lead', '市财政局:partner']],
    ['市发展改革委牵头，市财政局参与', ['市发展改革委:lead', '市财政局:partner']],
    ['市发展改革委牵头，市财政局协助', ['市发展改革委:lead', '市财政局:partner']],
    ['市发展改革委牵头，市财政局、市水务局按职责分工负责', ['市发展改革委:lead', '市财政局:responsible', '市水务局:responsible']],
    ['市发展改革委牵头,市财政局、市水务局按职责分工负责', ['市发展改革委:lead', '市财政局:responsible', '市水务局:responsible']],
    ['市发展改革委负责', ['市发展改革委:responsible']],
    ['市发展改革委会同有关部门负责', ['市发展改革委:responsible']],
    ['市委督查室督导', ['市委督查室:supervisor']],
    ['自治区发展改革委指导', ['自治区发展改革委:supervisor']],
    ['市发改委、广元国际铁路港负责', ['市发改委:responsible', '广元国际铁路港:responsible']],
  ])('(%s)', (inner, expected) => {
    expect(units(readUnitTag(canonical(inner))!.units)).toEqual(expected);
  });

  it('explicit roles and clause numbers', () => {
    expect(readUnitTag(canonical('市发展改革委牵头，市财政局配合'))!.units).toEqual([
      { name: '市发展改革委', role: 'lead', explicit: true, clause: 0 },
      { name: '市财政局', role: 'partner', explicit: true, clause: 1 },
    ]);
    expect(readUnitTag('市发展改革委、市财政局')!.units).toEqual([
      { name: '市发展改革委', role: 'responsible', explicit: false, clause: 0 },
      { name: '市财政局', role: 'responsible', explicit: false, clause: 0 },
    ]);
  });

  it('a unit marked （牵头） inside a list leads', () => {
    expect(units(readUnitTag('市发改委（牵头）、市财政局')!.units)).toEqual(['市发改委:lead', '市财政局:responsible']);
  });
});

describe('labelled fields inside a bracket', () => {
  it.each([
    ['，', '牵头单位：市发展改革委，责任单位：市财政局、市水务局'],
    [',', '牵头单位:市发展改革委,责任单位:市财政局、市水务局'],
  ])('separated by %s', (_, inner) => {
    expect(units(readUnitTag(canonical(inner))!.units)).toEqual(['市发展改革委:lead', '市财政局:responsible', '市水务局:responsible']);
  });

  it.each([
    ['；', '牵头部门：市发改委；配合部门：市财政局；落实单位：各县区人民政府'],
    [';', '牵头部门:市发改委;配合部门:市财政局;落实单位:各县区人民政府'],
  ])('three fields separated by %s', (_, inner) => {
    expect(units(readUnitTag(canonical(inner))!.units)).toEqual(['市发改委:lead', '市财政局:partner', '各县区人民政府:responsible']);
  });

  it.each([
    ['责任单位：市发改委、市财政局；完成时限：2019年底前', '2019年底前', '2019-12-31', 'date'],
    ['责任单位:市发改委、市财政局;完成时限:长期', '长期', null, 'standing'],
  ])('a deadline field: (%s)', (inner, text, date, kind) => {
    const tag = readUnitTag(canonical(inner))!;
    expect(units(tag.units)).toEqual(['市发改委:responsible', '市财政局:responsible']);
    expect(tag.deadlines).toEqual([{ text, date, kind }]);
  });

  it('a 完成时间 field gives a deadline; text before the first label means no tag', () => {
    const tag = readUnitTag(canonical('牵头单位：市发改委；完成时间：2019年底前'))!;
    expect([units(tag.units), tag.deadlines]).toEqual([['市发改委:lead'], [{ text: '2019年底前', date: '2019-12-31', kind: 'date' }]]);
    expect(readUnitTag(canonical('详见附件，责任单位：市教育局'))).toBeNull();
  });

  it('bare 时限： and 备注： fields are fields too', () => {
    const a = readUnitTag(canonical('牵头单位：市发改委；时限：2019年底前'));
    expect(a && [units(a.units), a.deadlines]).toEqual([['市发改委:lead'], [{ text: '2019年底前', date: '2019-12-31', kind: 'date' }]]);
    const b = readUnitTag(canonical('责任单位:市教育局;备注:每年报送'));
    expect(b && units(b.units)).toEqual(['市教育局:responsible']);
  });
});

describe('role clauses that name nobody in particular', () => {
  it.each([
    ['，', '市政府办公室、市行政审批服务局牵头，市级各有关部门按职责分工负责'],
    [',', '市政府办公室、市行政审批服务局牵头,市级各有关部门按职责分工负责'],
  ])('are left out, and the tag is still a tag (%s)', (_, inner) => {
    expect(units(readUnitTag(canonical(inner))!.units)).toEqual(['市政府办公室:lead', '市行政审批服务局:lead']);
  });

  it('a tag of vague words alone assigns nobody', () => {
    expect(readUnitTag(canonical('有关部门负责'))).toBeNull();
  });
});

describe('short labels inside a tag', () => {
  it.each([
    ['；', '牵头：市发改委；配合：市财政局、市自然资源局'],
    [';', '牵头:市发改委;配合:市财政局、市自然资源局'],
  ])('牵头： and 配合： (%s)', (_, inner) => {
    expect(units(readUnitTag(canonical(inner))!.units)).toEqual(['市发改委:lead', '市财政局:partner', '市自然资源局:partner']);
  });
});

describe('rules in the tag', () => {
  it.each([
    ['，', '市发改委、市财政局负责。列第一位者为牵头单位，下同', '列第一位者为牵头单位，下同'],
    [',', '市发改委、市财政局负责。列第一位者为牵头单位,下同', '列第一位者为牵头单位，下同'],
  ])('列第一位者为牵头单位 with 下同 (%s)', (_, inner, text) => {
    const tag = readUnitTag(canonical(inner))!;
    expect(tag.leadRule).toEqual({ kind: 'first', onward: true, text });
    expect(units(tag.units)).toEqual(['市发改委:responsible', '市财政局:responsible']);
  });

  it('排在第一位的为牵头单位 without 下同', () => {
    expect(readUnitTag(canonical('市发改委、市财政局。排在第一位的为牵头单位'))!.leadRule).toEqual({
      kind: 'first',
      onward: false,
      text: '排在第一位的为牵头单位',
    });
  });

  it('排名第一的为牵头单位', () => {
    const tag = readUnitTag(canonical('市发改委、市财政局，排名第一的为牵头单位，下同'));
    expect(tag && { units: units(tag.units), rule: tag.leadRule }).toEqual({
      units: ['市发改委:responsible', '市财政局:responsible'],
      rule: { kind: 'first', onward: true, text: '排名第一的为牵头单位，下同' },
    });
  });

  it('逗号前为牵头单位: the clause of each name is kept', () => {
    const tag = readUnitTag(canonical('责任单位：市发改委，市财政局、市水务局，逗号前为牵头单位，下同'))!;
    expect(tag.leadRule).toEqual({ kind: 'before-comma', onward: true, text: '逗号前为牵头单位，下同' });
    expect(tag.units.map((u) => [u.name, u.clause])).toEqual([
      ['市发改委', 0],
      ['市财政局', 1],
      ['市水务局', 1],
    ]);
  });

  it('以黑体字标注的为牵头部门: a rule the plain text cannot follow', () => {
    expect(readUnitTag(canonical('市发改委、市财政局，以黑体字标注的为牵头部门'))!.leadRule).toEqual({
      kind: 'formatting-lost',
      onward: false,
      text: '以黑体字标注的为牵头部门',
    });
  });

  it('以下均需X落实，不再列出: default units', () => {
    const tag = readUnitTag(canonical('市发改委、市财政局按职责分工负责。以下均需各县区人民政府落实，不再列出'))!;
    expect(units(tag.units)).toEqual(['市发改委:responsible', '市财政局:responsible']);
    expect(tag.defaults).toEqual([{ name: '各县区人民政府', role: 'responsible' }]);
  });
});

describe('brackets that are no tags', () => {
  it.each(['日土、噶尔、札达、普兰', '2014-2030年', '含存量岗位', '湖、库', '长期', '立行立改,长期', '', '试行', '详见附件'])(
    '(%s)',
    (inner) => {
      expect(readUnitTag(canonical(inner))).toBeNull();
    },
  );

  it('parseUnitTag throws for no tag; readUnitTag says null', () => {
    expect(() => parseUnitTag('日土、噶尔')).toThrow();
    expect(parseUnitTag('')).toBeNull();
  });

  it('names keep the brackets of the text', () => {
    expect(readUnitTag('各县（市、区）人民政府', '各县(市、区)人民政府')!.units.map((u) => u.name)).toEqual(['各县(市、区)人民政府']);
  });
});

describe('findTags', () => {
  it.each([
    ['加强草地资源保护。(地区农牧局)', [['units', '(地区农牧局)', ['地区农牧局:responsible']]]],
    ['加强保护（地区农牧局）。', [['units', '（地区农牧局）', ['地区农牧局:responsible']]]],
    [
      '加强保护（地区农牧局），加快发展(地区林草局)。',
      [
        ['units', '（地区农牧局）', ['地区农牧局:responsible']],
        ['units', '(地区林草局)', ['地区林草局:responsible']],
      ],
    ],
    [
      '完善机制。〔责任单位：市发改委、市财政局〕',
      [['units', '〔责任单位：市发改委、市财政局〕', ['市发改委:responsible', '市财政局:responsible']]],
    ],
    ['完善机制。【牵头单位:市发改委】', [['units', '【牵头单位:市发改委】', ['市发改委:lead']]]],
    [
      '制定方案(2018年6月30日)(市发改委)。',
      [
        ['deadline', '(2018年6月30日)', '2018年6月30日', '2018-06-30'],
        ['units', '(市发改委)', ['市发改委:responsible']],
      ],
    ],
    [
      '推进重点城镇建设(日土、噶尔、札达、普兰),加快发展。(地区发展改革委)',
      [['units', '(地区发展改革委)', ['地区发展改革委:responsible']]],
    ],
  ])('%s', (text, expected) => {
    expect(tags(text)).toEqual(expected);
  });

  it('a bracket inside a clause is no tag', () => {
    expect(tags('各级党校(行政学院)将有关内容纳入培训(长期)。')).toEqual([['deadline', '(长期)', '长期', null]]);
    expect(tags('完善机制。（市发改委、市财政局')).toEqual([]);
  });

  it('a gloss after a unit name is no unit tag', () => {
    expect(tags('成立领导小组办公室（市发展改革委），负责日常工作。')).toEqual([]);
    expect(tags('由领导小组办公室(市发展改革委)负责。')).toEqual([]);
  });

  it.each([
    ['研究部署(立行立改,长期)。', '(立行立改,长期)', '立行立改,长期', null],
    ['召开会议研究部署（2018年6月30日前）。', '（2018年6月30日前）', '2018年6月30日前', '2018-06-30'],
  ])('a deadline after a word ending like a unit still is one: %s', (text, bracket, dl, date) => {
    expect(tags(text)).toEqual([['deadline', bracket, dl, date]]);
  });

  it('a date that does not exist is no deadline', () => {
    expect(tags('加强保护。（2019年2月30日）')).toEqual([]);
  });
});

describe('labelList', () => {
  const label = (s: string) => labelList(parseLabel(s, canonical(s))!);
  it('clauses split at commas; a dropped prefix restored; the role from the label', () => {
    expect(label('责任单位:市发改委,市财政局、水务局')).toEqual([
      { name: '市发改委', role: 'responsible', explicit: true, clause: 0 },
      { name: '市财政局', role: 'responsible', explicit: true, clause: 1 },
      { name: '市水务局', written: '水务局', role: 'responsible', explicit: true, clause: 1 },
    ]);
    expect(label('配合单位：各县(市、区)人民政府')).toEqual([{ name: '各县(市、区)人民政府', role: 'partner', explicit: true, clause: 0 }]);
  });
  it('a label that names no unit role gives none', () => {
    expect(label('完成时限：2019年')).toEqual([]);
    expect(label('原因分析：认识不足。')).toEqual([]);
  });
});
