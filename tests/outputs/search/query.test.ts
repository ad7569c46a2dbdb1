// Queries as people type them (src/outputs/search/query.ts, simplify.ts): what the search page gives
// Pagefind, and the hidden fields task and document records carry so that the two meet.
import { Converter, Locale } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import {
  arabicNumeral,
  chineseNumeral,
  CONVERTED_GB2312,
  deadlineKeys,
  docNumbers,
  gb2312Hanzi,
  mayNeedConversion,
  normaliseQuery,
  PHRASE_ONLY_GB2312,
  queryWords,
  taskNumberKeys,
} from '../../../src/outputs/search/query';
import { toSimplified } from '../../../src/outputs/search/simplify';

describe('document numbers, however the brackets and spaces are typed', () => {
  const same = [
    '国发〔2018〕39号',
    '国发[2018]39号',
    '国发［2018］39号',
    '国发(2018)39号',
    '国发（2018）39号',
    '国发【2018】39号',
    '国发 2018 39号',
    '国发2018 39号',
    '国发2018年39号',
    '国发2018年第39号',
    '国发〔2018〕第39号',
    '国发 〔2018〕 39 号',
    '国发〔２０１８〕３９号',
    '国发〔2018〕039号',
  ];
  it.each(same)('%s → 国发〔2018〕39号', (q) => expect(normaliseQuery(q)).toBe('国发〔2018〕39号'));

  it('keeps the rest of the query, and a number without its issuer', () => {
    expect(normaliseQuery('〔2018〕66号')).toBe('〔2018〕66号');
    expect(normaliseQuery('海东 东政办2019年第138号')).toBe('海东 东政办〔2019〕138号');
  });

  it('reads the numbers a text writes, loosely or not, in the documents’ form', () => {
    expect(docNumbers('阿行发〔2018〕66号')).toEqual(['阿行发〔2018〕66号']);
    expect(docNumbers('印发《行动方案的通知》(青发202121号)和')).toEqual(['青发〔2021〕21号']);
    expect(docNumbers('东政办[2019]138号、国发（2018）39号')).toEqual(['东政办〔2019〕138号', '国发〔2018〕39号']);
    expect(docNumbers('到2025年,森林覆盖率达到38.5%')).toEqual([]);
  });
});

describe('deadline phrases', () => {
  it.each([
    ['2019年底前', 'd20191231'],
    ['2019年底', 'd20191231'],
    ['2019年年底前', 'd20191231'],
    ['2019年12月31日前', 'd20191231'],
    ['2019年12月底前', 'd20191231'],
    ['2020年6月底', 'd20200630'],
    ['2020年6月30日前', 'd20200630'],
    ['2018年6月30前', 'd20180630'],
    ['2020年2月底前', 'd20200229'],
    ['6月30日前', 'm0630'],
    ['6月底前', 'm0630'],
    ['２０１８年９月底前', 'd20180930'],
  ])('%s → %s', (q, token) => expect(normaliseQuery(q)).toBe(token));

  it('keeps the other words, and years and months that are no deadline', () => {
    expect(normaliseQuery('那曲 2018年底前')).toBe('那曲 d20181231');
    expect(normaliseQuery('2018年6月底前油气回收')).toBe('d20180630 油气回收');
    expect(normaliseQuery('2025年')).toBe('2025年');
    expect(normaliseQuery('2019年6月')).toBe('2019年6月');
    expect(normaliseQuery('长期')).toBe('长期');
    expect(normaliseQuery('2019年13月1日前')).toBe('2019年13月1日前');
  });

  it('gives a task the tokens of its deadlines and of the dates its text sets', () => {
    expect(deadlineKeys(['2019-12-31', null, '2018-06-30'])).toEqual(['d20191231', 'm1231', 'd20180630', 'm0630']);
    expect(deadlineKeys([], '限时完成油气回收治理任务(2018年6月30日)。2014年底前完成')).toEqual([
      'd20180630',
      'm0630',
      'd20141231',
      'm1231',
    ]);
  });
});

describe('task numbers', () => {
  it('writes numbers both ways', () => {
    expect([1, 10, 14, 20, 44, 100, 105, 119, 120].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十四',
      '二十',
      '四十四',
      '一百',
      '一百零五',
      '一百一十九',
      '一百二十',
    ]);
    expect(['十四', '四十四', '十', '一百二十', '十二'].map(arabicNumeral)).toEqual([14, 44, 10, 120, 12]);
    expect(arabicNumeral('生态')).toBeNull();
  });

  it('gives a task 任务 or 问题 and its number as a query splits it', () => {
    expect(taskNumberKeys('task', '44')).toEqual(['任务', '44', '四十四']);
    expect(taskNumberKeys('problem', '十二')).toEqual(['问题', '十二', '12']);
    expect(taskNumberKeys('task', '2-3')).toEqual(['任务', '2', '二', '3', '三']);
  });
});

describe('traditional characters: the converter only when a query needs it', () => {
  it('converts traditional characters and variants to the simplified text', () => {
    expect(toSimplified('揚塵治理')).toBe('扬尘治理');
    expect(toSimplified('60公裡汙水收集管網')).toBe('60公里污水收集管网');
    expect(toSimplified('衞生廁所')).toBe('卫生厕所');
    expect(toSimplified('生態紅綫')).toBe('生态红线');
    expect(toSimplified('東政辦〔2019〕138號')).toBe('东政办〔2019〕138号');
    expect(toSimplified('湟源县生态环境局')).toBe('湟源县生态环境局');
  });

  it('loads it for traditional characters and variants, not for simplified ones', () => {
    for (const q of ['揚塵治理', '汙水', '衞生', '綫', '十裏', '後續', '乾旱']) expect(mayNeedConversion(q), q).toBe(true);
    for (const q of ['扬尘治理', '森林覆盖率', '湟源县 任务44', '阿行发〔2018〕66号', '2019年底前', 'PM2.5', '那曲 排污'])
      expect(mayNeedConversion(q), q).toBe(false);
  });

  it('misses no character or phrase that OpenCC changes', () => {
    expect(gb2312Hanzi()?.size).toBe(6763);
    const convert = Converter({ from: 'hk', to: 'cn' });
    const sources = new Set<string>();
    type Dict = string | string[][];
    for (const group of [...(Locale.from.hk as unknown as Dict[][]), ...(Locale.to.cn as unknown as Dict[][])])
      for (const dict of group) {
        const pairs = typeof dict === 'string' ? dict.split('|').map((p) => p.split(' ')) : dict;
        for (const [from] of pairs) if (from) sources.add(from);
      }
    // Missed: only phrases whose change is one of PHRASE_ONLY_GB2312 read the traditional way.
    const missed = [...sources].filter((s) => convert(s) !== s && !mayNeedConversion(s));
    const changedChars = (s: string) => {
      const [a, b] = [[...s], [...convert(s)]];
      return a.filter((c, i) => c !== b[i]);
    };
    expect(missed.filter((s) => !changedChars(s).every((c) => PHRASE_ONLY_GB2312.includes(c)))).toEqual([]);
    expect(missed.length).toBeLessThan(120);
    // And the list of GB 2312 characters holds only characters OpenCC changes.
    const gb = gb2312Hanzi()!;
    const changedInGb = [...sources].filter((s) => [...s].length === 1 && gb.has(s) && convert(s) !== s);
    expect([...CONVERTED_GB2312].filter((c) => !changedInGb.includes(c))).toEqual([]);
  });
});

describe('the words a query falls back on', () => {
  it('takes the words between spaces', () => {
    expect(queryWords('那曲 排污')).toEqual(['那曲', '排污']);
    expect(queryWords('林芝  电站 垃圾分类 电站')).toEqual(['林芝', '电站', '垃圾分类']);
  });

  it('splits a query typed without spaces at word starts, keeping unknown names together', () => {
    // As ICU splits 那曲 (a name it does not know) and a word it knows.
    const segment = (t: string) => (t === '那曲排污' ? ['那', '曲', '排污'] : [t]);
    expect(queryWords('那曲排污', segment)).toEqual(['那曲', '排污']);
    expect(queryWords('排污', segment)).toEqual(['排污']);
    expect(queryWords('垃圾分类电站')).toEqual(['垃圾', '分类', '电站']);
    // A document number is one thing: no words to fall back on.
    expect(queryWords('国发〔2018〕39号')).toEqual(['国发']);
  });
});
