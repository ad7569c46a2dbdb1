// Each ingest pattern on small snippets, in full-width and half-width forms.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/sources/documents/index';
import { parseUnitList, parseUnitTag } from '../../../src/sources/documents/units';
import { deadlineDate, findProseDeadlines, parseDeadlineTag, parseDeadlineValue } from '../../../src/sources/documents/deadlines';
import { findTargets } from '../../../src/sources/documents/targets';
import { findMentionedUnits } from '../../../src/sources/documents/mentions';
import { canonical, chineseNumeral } from '../../../src/sources/documents/normalize';
import type { DocumentMeta } from '../../../src/domain/types';

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

describe('normalisation', () => {
  it('keeps length while folding punctuation widths', () => {
    const s = '(地区农牧局):1,2;　x';
    expect(canonical(s)).toHaveLength(s.length);
    expect(canonical(s)).toBe('（地区农牧局）：1，2； x');
  });
  it('reads Chinese numerals', () => {
    expect([
      chineseNumeral('十'),
      chineseNumeral('十四'),
      chineseNumeral('二十三'),
      chineseNumeral('一百零五'),
      chineseNumeral('x'),
    ]).toEqual([10, 14, 23, 105, NaN]);
  });
});

describe('unit tags at the end of clauses', () => {
  it.each([
    ['1.加强草地资源保护。(地区农牧局)', ['地区农牧局:responsible']],
    ['1.加强草地资源保护。（地区农牧局）', ['地区农牧局:responsible']],
  ])('%s', (text, expected) => {
    expect(units(parse(text).tasks[0].units)).toEqual(expected);
  });

  it('several tags per task, each covering the clauses before it', () => {
    const t = parse('1.甲事项。(地区农牧局)乙事项,丙事项。(地区发展改革委)丁事项。').tasks[0];
    expect(t.segments.map((s) => [s.text, s.units.map((u) => u.name)])).toEqual([
      ['甲事项。', ['地区农牧局']],
      ['乙事项,丙事项。', ['地区发展改革委']],
      ['丁事项。', []],
    ]);
  });

  it('a list that drops the shared prefix', () => {
    expect(units(parseUnitTag('地区住房城乡建设局、交通局')!.units)).toEqual(['地区住房城乡建设局:responsible', '地区交通局:responsible']);
    expect(parseUnitTag('地区住房城乡建设局、交通局')!.units[1].written).toBe('交通局');
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
    expect(units(parseUnitTag(canonical(inner))!.units)).toEqual(expected);
  });

  it('ordinary parentheses are no tags', () => {
    for (const inner of ['日土、噶尔、札达、普兰', '2014-2030年', '湖', '含存量岗位', '小区']) expect(parseUnitTag(inner)).toBeNull();
    const t = parse('1.推进重点城镇建设(日土、噶尔、札达、普兰),加快发展。(地区发展改革委)').tasks[0];
    expect(units(t.units)).toEqual(['地区发展改革委:responsible']);
  });

  it('a parenthesis inside a clause is no tag: 党校(行政学院)将…', () => {
    const t = parse('1.各级党校(行政学院)将有关内容纳入培训(长期)。').tasks[0];
    expect(t.units).toEqual([]);
    expect(t.deadlines.map((d) => d.text)).toEqual(['长期']);
  });

  it('列第一位者为牵头单位，下同: the first listed unit leads, in this and every later tag', () => {
    const doc = parse(
      '各项任务责任单位中列第一位者为牵头单位,下同。\n1.甲事项。(市发展改革委、市财政局)\n2.乙事项。（市水务局、市林草局）',
    );
    expect(units(doc.tasks[0].units)).toEqual(['市发展改革委:lead', '市财政局:responsible']);
    expect(units(doc.tasks[1].units)).toEqual(['市水务局:lead', '市林草局:responsible']);
    expect(units(parseUnitList('市水务局、市林草局', 'responsible', true))).toEqual(['市水务局:lead', '市林草局:responsible']);
  });
});

describe('labelled lines', () => {
  it.each([':', '：'])('牵头单位%s / 责任单位 / 配合单位 / 督导单位 / 责任部门', (colon) => {
    const doc = parse(
      [
        `1. 甲事项。`,
        `牵头单位${colon}市发展改革委`,
        `责任单位${colon}各县区人民政府,市自然资源规划局`,
        `配合单位${colon}市财政局、市水务局`,
        `督导单位${colon}市督查室`,
        `2. 乙事项。`,
        `责任部门${colon}市林草局`,
        `完成时限${colon}2019年12月底前`,
      ].join('\n'),
    );
    expect(units(doc.tasks[0].units)).toEqual([
      '市发展改革委:lead',
      '市督查室:supervisor',
      '各县区人民政府:responsible',
      '市自然资源规划局:responsible',
      '市财政局:partner',
      '市水务局:partner',
    ]);
    expect(units(doc.tasks[1].units)).toEqual(['市林草局:responsible']);
    expect(doc.tasks[1].deadlines).toEqual([{ text: '2019年12月底前', date: '2019-12-31', kind: 'date' }]);
  });

  it('a task body continues on the next line until its labels', () => {
    const doc = parse('1. 健全排污总量控制制度。\n完善污染源管理体系。\n牵头单位:市生态环境局\n本段为任务之后的说明。');
    expect(doc.tasks[0].text).toBe('健全排污总量控制制度。\n完善污染源管理体系。');
    expect(doc.parts.find((p) => p.text.includes('本段为任务之后'))?.kind).toBe('closing');
  });

  it('one 责任单位 line covers a whole group of numbered measures; restarted numbering makes groups', () => {
    const doc = parse(['1.甲。', '2.乙。', '责任单位:区发展委、区财政厅。', '1.丙。', '责任单位:区水利厅。'].join('\n'));
    expect(doc.tasks.map((t) => [t.localId, t.number, t.units.map((u) => u.name).join('+')])).toEqual([
      ['g1-t1', '1-1', '区发展委+区财政厅'],
      ['g1-t2', '1-2', '区发展委+区财政厅'],
      ['g2-t1', '2-1', '区水利厅'],
    ]);
    expect(doc.sections.filter((s) => s.implicit).map((s) => s.title)).toEqual(['第1组', '第2组']);
  });

  it('a default rule that later tasks inherit', () => {
    const doc = parse('1.甲事项。(省发展改革委)\n以下均需试点城市政府落实，不再列出。\n2.乙事项。(省财政厅)');
    expect(units(doc.tasks[0].units)).toEqual(['省发展改革委:responsible']);
    expect(units(doc.tasks[1].units)).toEqual(['省财政厅:responsible', '试点城市政府:responsible']);
  });
});

describe('rectification problems', () => {
  const text = [
    '一、目标考核不严格。地市量化考核指标中生态环保权重仅占3%。',
    '原因分析:对重要性认识不深刻。',
    '整改目标:1.提高考核权重;2.严格考核。',
    '整改时限:1.第1项目标2018年6月30日前完成,长期;2.第2项目标立行立改,长期。',
    '1.修订考核办法(2018年6月30日)。',
    '2.强化考核结果运用(长期)。',
    '3.追究有关责任人责任(立即启动)。',
    '4.定期通报(立行立改，长期)。',
    '责任单位:区办公厅、区统计局,各地市委。',
    '二、另一个问题。问题描述。',
    '1.自治区商务厅研究制定方案(2018年6月30日)。',
    '督导单位:自治区整改办。',
  ].join('\n');

  it('problems with cause, goals, time limits and measures with their own deadlines', () => {
    const doc = parse(text);
    expect(doc.tasks.map((t) => [t.localId, t.kind, t.number])).toEqual([
      ['p1', 'problem', '一'],
      ['p2', 'task', '二'], // no 原因分析/整改目标/整改时限: a task with measures
    ]);
    const p1 = doc.tasks[0];
    expect(p1.fields.cause).toBe('对重要性认识不深刻。');
    expect(p1.deadlines.map((d) => [d.date, d.kind])).toEqual([
      ['2018-06-30', 'date'],
      [null, 'standing'],
    ]);
    expect(p1.measures.map((m) => m.deadlines.map((d) => d.date ?? d.text))).toEqual([
      ['2018-06-30'],
      ['长期'],
      ['立即启动'],
      ['立行立改，长期'],
    ]);
    expect(units(p1.units)).toEqual(['区办公厅:responsible', '区统计局:responsible', '各地市委:responsible']);
    expect(units(doc.tasks[1].units)).toEqual(['自治区整改办:supervisor']);
    expect(units(doc.tasks[1].measures[0].units)).toEqual(['自治区商务厅:mentioned']);
  });
});

describe('deadlines', () => {
  it.each([
    ['2018年6月底前', '2018-06-30'],
    ['2018年6月30日前', '2018-06-30'],
    ['2019年12月31日', '2019-12-31'],
    ['2018年底前', '2018-12-31'],
    ['2020年12月31前', '2020-12-31'],
    ['2018月12月31日', '2018-12-31'],
    ['2019年2月底', '2019-02-28'],
    ['2020年2月底', '2020-02-29'],
  ])('%s → %s', (text, date) => {
    expect(deadlineDate(text)).toBe(date);
  });

  it('rejects dates that do not exist', () => {
    expect(deadlineDate('2019年2月30日')).toBeNull();
    expect(parseDeadlineTag('2019年2月30日')).toBeNull();
  });

  it('standing deadlines', () => {
    for (const t of ['长期', '立即启动', '立行立改,长期', '立行立改，长期'])
      expect(parseDeadlineTag(t)).toMatchObject({ date: null, kind: 'standing' });
    expect(parseDeadlineTag('2018年12月31日,长期')).toMatchObject({ date: '2018-12-31', kind: 'date' });
    expect(parseDeadlineValue('长期坚持')).toEqual([{ text: '长期坚持', date: null, kind: 'standing' }]);
  });

  it('dated deadlines in prose: 前, 到…年, a leading year', () => {
    const found = findProseDeadlines(
      '2018年6月底前完成255座加油站的治理任务。到2025年实现全覆盖。2025年,建设生态旅游景区5个。对2015年1月1日前未清理到位的项目依法查处。',
    );
    expect(found.map((d) => d.date)).toEqual(['2018-06-30', '2025-12-31', '2025-12-31']);
  });
});

describe('targets', () => {
  it.each([
    ['森林覆盖率达到38.5%', 38.5, '%'],
    ['全市用水总量控制在7亿立方米', 7, '亿立方米'],
    ['空气质量优良率保持在90%以上', 90, '%'],
    ['完成30.89万亩高标准农田建设任务', 30.89, '万亩'],
    ['淘汰146.5蒸吨燃煤锅炉', 146.5, '蒸吨'],
  ])('%s', (text, value, unit) => {
    expect(findTargets(`${text}。`)).toEqual([{ text, value, unit }]);
  });

  it('dates and ordinals are no targets', () => {
    expect(findTargets('2019年12月31日前完成。第1项目标2018年完成。11月20日前报送。')).toEqual([]);
  });
});

describe('mentioned units', () => {
  it('finds units named in prose, with list items sharing the prefix', () => {
    const found = findMentionedUnits(
      '自治区生态环境厅会同有关部门做好工作。自治区工业和信息化厅、住房和城乡建设厅等要加强联动。自治区水利厅负责水资源管理。',
    );
    expect(found.map((u) => u.name)).toEqual(['自治区生态环境厅', '自治区工业和信息化厅', '自治区住房和城乡建设厅', '自治区水利厅']);
  });

  it('does not take plan titles or words that merely end like units', () => {
    expect(
      findMentionedUnits('根据《青海省生态文明建设目标评价考核办法(试行)》要求,构建紧凑型城市空间格局,争取在我地区科学布局。'),
    ).toEqual([]);
  });
});

describe('site chrome and headers', () => {
  it('sets aside navigation and footers, reads header fields, finds the title', () => {
    const doc = parse(
      [
        '网站无障碍 适老版',
        '  • 首页',
        '首页>新闻>政府文件',
        '索引号: 发文字号: 东政办〔2019〕138号',
        '发文机关: 主题分类: 民族、宗教',
        '成文日期: 2019年08月19日 发布日期: 2019年08月20日',
        '关于印发某某工作要点的通知',
        '某某工作要点',
        '一、重点任务',
        '1. 甲事项。',
        '牵头单位:市发展改革委',
        '发布时间:2018-12-20 18:35 浏览次数:',
        '友情链接',
        '西宁"码上减负"',
        'Baidu',
        'map',
      ].join('\n'),
    );
    expect(doc.title).toBe('某某工作要点');
    expect(doc.docNumber).toBe('东政办〔2019〕138号');
    expect(doc.writtenOn).toBe('2019-08-19');
    expect(doc.publishedOn).toBe('2019-08-20');
    const kindOfLine = (n: number) => doc.parts.find((p) => p.lineStart <= n && n <= p.lineEnd)!.kind;
    expect([1, 2, 3, 13, 14, 15, 16].map(kindOfLine)).toEqual(Array(7).fill('chrome'));
    expect([4, 5, 6, 12].map(kindOfLine)).toEqual(Array(4).fill('meta'));
    expect(kindOfLine(10)).toBe('task');
  });
});

describe('gaps found with the synthetic corpus', () => {
  it('more target verbs and concentration units', () => {
    expect(
      findTargets('新增造林面积2万亩。治理水土流失50平方公里。PM2.5年均浓度控制在35微克/立方米以下。').map((t) => [t.value, t.unit]),
    ).toEqual([
      [2, '万亩'],
      [50, '平方公里'],
      [35, '微克/立方米'],
    ]);
  });

  it('a dropped-prefix name that starts with 市场 is not a prefixed name', () => {
    expect(units(parseUnitList('市发展改革委、市场监管局', 'responsible'))).toEqual([
      '市发展改革委:responsible',
      '市市场监管局:responsible',
    ]);
  });

  it('prose mentions with a one-character prefix at a clause start', () => {
    expect(findMentionedUnits('省生态环境厅会同省财政厅负责。节省资源。').map((u) => u.name)).toEqual(['省生态环境厅', '省财政厅']);
  });
});
