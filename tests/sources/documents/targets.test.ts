// 目标 / 指标: the quantities a task promises.
import { describe, expect, it } from 'vitest';
import { findTargets } from '../../../src/sources/documents/targets';

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

  it('more target verbs and concentration units', () => {
    expect(
      findTargets('新增造林面积2万亩。治理水土流失50平方公里。PM2.5年均浓度控制在35微克/立方米以下。').map((t) => [t.value, t.unit]),
    ).toEqual([
      [2, '万亩'],
      [50, '平方公里'],
      [35, '微克/立方米'],
    ]);
  });
});

describe('clauses', () => {
  it.each([
    [',', '森林覆盖率达到38.5%,草原综合植被盖度达到47%。'],
    ['，', '森林覆盖率达到38.5%，草原综合植被盖度达到47%。'],
  ])('one target per clause, split at %s', (_, prose) => {
    expect(findTargets(prose)).toEqual([
      { text: '森林覆盖率达到38.5%', value: 38.5, unit: '%' },
      { text: '草原综合植被盖度达到47%', value: 47, unit: '%' },
    ]);
  });

  it.each([
    [';', '全市用水总量控制在7亿立方米;万元GDP用水量下降20%。'],
    ['；', '全市用水总量控制在7亿立方米；万元GDP用水量下降20%。'],
  ])('clauses split at %s', (_, prose) => {
    expect(findTargets(prose)).toEqual([
      { text: '全市用水总量控制在7亿立方米', value: 7, unit: '亿立方米' },
      { text: '万元GDP用水量下降20%', value: 20, unit: '%' },
    ]);
  });

  it.each([
    ['(', '建设生态旅游景区5个(含改扩建2个)。', '建设生态旅游景区5个(含改扩建2个)'],
    ['（', '建设生态旅游景区5个（含改扩建2个，新建3个）。', '建设生态旅游景区5个（含改扩建2个，新建3个）'],
  ])('a comma inside brackets %s does not split the clause', (_, prose, text) => {
    expect(findTargets(prose)).toEqual([{ text, value: 5, unit: '个' }]);
  });

  it('an item number is no quantity; a year after it is no item number', () => {
    expect(findTargets('1.新增造林面积2万亩。')).toEqual([{ text: '新增造林面积2万亩', value: 2, unit: '万亩' }]);
    expect(findTargets('2.2025年实现全覆盖。')).toEqual([]);
  });

  it('time spans only with 以内 / 不超过', () => {
    expect(findTargets('每季度召开1次会议。储备7天需求量。')).toEqual([]);
    expect(findTargets('响应时间不超过2小时。')).toEqual([{ text: '响应时间不超过2小时', value: 2, unit: '小时' }]);
  });

  it('PM2.5 is a name, not a quantity', () => {
    expect(findTargets('PM2.5浓度下降5%。')).toEqual([{ text: 'PM2.5浓度下降5%', value: 5, unit: '%' }]);
  });
});
