// 完成时限 / 整改时限: dated or standing; a date means the last day the deadline allows.
import { describe, expect, it } from 'vitest';
import {
  deadlineDate,
  findProseDeadlines,
  isStanding,
  parseDeadlineTag,
  parseDeadlineValue,
} from '../../../src/sources/documents/deadlines';

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

describe('deadlineDate', () => {
  it.each([
    ['2018年6月上旬', '2018-06-10'],
    ['2018年6月中旬', '2018-06-20'],
    ['2018年6月下旬', '2018-06-30'],
    ['2018年6月末', '2018-06-30'],
    ['2018年末', '2018-12-31'],
    ['2018年', '2018-12-31'],
    ['2018年06月', '2018-06-30'],
    ['2018 年 6 月 30 日', '2018-06-30'],
  ])('%s → %s', (text, date) => {
    expect(deadlineDate(text)).toBe(date);
  });
  it.each(['1948年', '2101年', '2018年13月', '2018年6月31日', '长期', '按期完成'])('%s → null', (text) => {
    expect(deadlineDate(text)).toBeNull();
  });
});

describe('parseDeadlineTag', () => {
  it.each([
    ['2018年6月30日前', '2018-06-30', 'date'],
    ['2018年6月底前完成', '2018-06-30', 'date'],
    ['2018年底', '2018-12-31', 'date'],
    ['2018年6月30日;长期', '2018-06-30', 'date'],
    ['2018年6月30日；长期', '2018-06-30', 'date'],
    ['2018年6月30日、长期', '2018-06-30', 'date'],
    ['长期坚持', null, 'standing'],
    ['立即执行', null, 'standing'],
    ['持续推进', null, 'standing'],
    ['常态化', null, 'standing'],
  ])('(%s)', (text, date, kind) => {
    expect(parseDeadlineTag(text)).toEqual({ text, date, kind });
  });

  it.each(['市发改委', '2018年6月30日前完成（市发改委）', '2019年2月30日前', '2018—2020年', '2018-2020年', '含2018年', ''])(
    '(%s) is no deadline',
    (text) => {
      expect(parseDeadlineTag(text)).toBeNull();
    },
  );
});

describe('parseDeadlineValue', () => {
  it.each([
    ['；', '1.第1项目标2018年6月30日前完成，长期；2.第2项目标立行立改，长期。'],
    [';', '1.第1项目标2018年6月30日前完成,长期;2.第2项目标立行立改,长期。'],
  ])('one deadline per numbered item (%s)', (sep, value) => {
    const comma = sep === ';' ? ',' : '，';
    expect(parseDeadlineValue(value)).toEqual([
      { text: `第1项目标2018年6月30日前完成${comma}长期`, date: '2018-06-30', kind: 'date' },
      { text: `第2项目标立行立改${comma}长期`, date: null, kind: 'standing' },
    ]);
  });

  it('a period runs until its end: 执行期限：2023年1月1日至2023年12月31日', () => {
    expect(parseDeadlineValue('2023年1月1日至2023年12月31日')).toEqual([
      { text: '2023年1月1日至2023年12月31日', date: '2023-12-31', kind: 'date' },
    ]);
  });

  it('unnumbered values, items numbered with 、, values that say no time', () => {
    expect(parseDeadlineValue('2019年12月底前')).toEqual([{ text: '2019年12月底前', date: '2019-12-31', kind: 'date' }]);
    expect(parseDeadlineValue('持续推进。')).toEqual([{ text: '持续推进', date: null, kind: 'standing' }]);
    expect(parseDeadlineValue('1、2018年底前;2、长期')).toEqual([
      { text: '2018年底前', date: '2018-12-31', kind: 'date' },
      { text: '长期', date: null, kind: 'standing' },
    ]);
    expect(parseDeadlineValue('按要求完成')).toEqual([]);
  });

  it('isStanding', () => {
    expect(['长期', '常态化推进', '立行立改', '按期', '2019年'].map(isStanding)).toEqual([true, true, true, false, false]);
  });
});

describe('findProseDeadlines', () => {
  const found = (prose: string) => findProseDeadlines(prose).map((d) => [d.text, d.date, d.kind]);

  it.each([
    ['到2020年底,实现全覆盖。', '到2020年底,实现全覆盖', '2020-12-31'],
    ['到2020年底，实现全覆盖。', '到2020年底，实现全覆盖', '2020-12-31'],
    ['2019年12月31日前,完成清理。', '2019年12月31日前,完成清理', '2019-12-31'],
    ['在2021年6月底之前完成。', '在2021年6月底之前完成', '2021-06-30'],
    ['2020年，建成5个。', '2020年，建成5个', '2020-12-31'],
    ['2020年,建成5个。', '2020年,建成5个', '2020-12-31'],
  ])('%s', (prose, text, date) => {
    expect(found(prose)).toEqual([[text, date, 'date']]);
  });

  it('several clauses: a comma before a year starts a new one', () => {
    expect(found('至2022年,建成体系;到2025年,全面完成。')).toEqual([
      ['至2022年,建成体系', '2022-12-31', 'date'],
      ['到2025年,全面完成', '2025-12-31', 'date'],
    ]);
    expect(found('建成体系，到2025年全面完成。')).toEqual([['到2025年全面完成', '2025-12-31', 'date']]);
  });

  it('the past is no deadline', () => {
    expect(findProseDeadlines('2018年以前的项目。2015年1月1日前未清理的项目。2017年的数据。')).toEqual([]);
  });

  it.each([
    ['a window from … to', '自2023年12月1日起至2024年2月29日(含)前，对购买新建商品住房的给予补助。'],
    ['a window with 期间', '在政策出台至2023年4月30日期间，对购买新建商品住宅的给予补贴。'],
    ['a window of dates', '本政策适用于 2026 年 1 月 1 日至 2028 年 12 月 31 日结婚登记的家庭。'],
    ['a window of quarters', '对2023年四季度至2024年一季度引进的会议给予奖励。'],
    ['a window of months with a dash', '对在2022年6月—2023年3月期间新增的贷款给予贴息。'],
    ['a term extended', '将碳减排支持工具实施期限延长至2024年12月31日。'],
    ['a term of validity', '以上政策未特别注明实施期限的，施行有效期至2023年12月31日。'],
    ['a deferral limit', '延期贷款正常计息，最长可延至2023年6月30日。'],
    ['a deferral period', '缓缴期限至2023年3月31日，缓缴期间免收滞纳金。'],
    ['loans that qualify', '对2023年3月31日前到期的小微企业贷款，实行延期还本付息。'],
    ['houses that qualify', '2023年4月30日前购买的商品房，以后不再享受补贴。'],
    ['loans issued before', '2023年8月31日前金融机构已发放的首套住房贷款，借款人可以申请。'],
    ['a year that is the period a measure covers', '2024年继续实施免费通行政策。'],
    ['a year of stock', '2023年在库批零企业，给予奖励。'],
  ])('not a deadline: %s', (_, prose) => {
    expect(found(prose)).toEqual([]);
  });

  it.each([
    ['a year that opens a goal', '2023年力争新增高新技术企业15家以上。', '2023年力争新增高新技术企业15家以上', '2023-12-31'],
    ['力争 before the year', '加大投放力度，力争2023年贷款占比提高。', '力争2023年贷款占比提高', '2023-12-31'],
    ['a year and a verb of achieving', '2023年创建社区医院4所。', '2023年创建社区医院4所', '2023-12-31'],
    [
      'a month by which the work is done',
      '组织商业银行于2024年10月份统一实施批量调整。',
      '组织商业银行于2024年10月份统一实施批量调整',
      '2024-10-31',
    ],
    [
      'a date with 前 and work that is due',
      '2018年底前自治区已规划的9座污水处理厂要实现全部开工建设。',
      '2018年底前自治区已规划的9座污水处理厂要实现全部开工建设',
      '2018-12-31',
    ],
  ])('a deadline: %s', (_, prose, text, date) => {
    expect(found(prose)).toEqual([[text, date, 'date']]);
  });

  it('gives the phrase’s place in the prose', () => {
    expect(findProseDeadlines('完善机制。2019年底前完成清理。').map((d) => d.index)).toEqual([5]);
  });
});
