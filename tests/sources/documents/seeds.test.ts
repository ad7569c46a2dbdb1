// The five real documents against reviewed expectations (tests/fixtures/seeds/*.json,
// checked line by line against the source text) and hand-written spot checks from the text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../../src/sources/documents/index';
import type { Document, Task } from '../../../src/domain/types';

const docs = new Map((await ingestAll('content/documents')).map((d) => [d.slug, d]));
const doc = (slug: string) => docs.get(slug)!;
const task = (slug: string, localId: string): Task => {
  const t = doc(slug).tasks.find((x) => x.localId === localId);
  if (!t) throw new Error(`no task ${localId} in ${slug}`);
  return t;
};
/** Names as written, brackets folded to full width: the expectations predate names kept with the text's own brackets. */
const names = (t: { units: { name: string; role: string }[] }, role: string) =>
  t.units.filter((u) => u.role === role).map((u) => u.name.replace(/\(/g, '（').replace(/\)/g, '）'));

describe('task counts', () => {
  it.each([
    ['ali-2018-meili-xizang', 73],
    ['haidong-2019-yaodian', 59],
    ['huangyuan-2021-gaodi', 19],
    ['xinjiang-2024-fenqu-guankong', 17],
  ])('%s has %i tasks numbered 1…n in order', (slug, n) => {
    const d = doc(slug);
    expect(d.tasks).toHaveLength(n);
    expect(d.tasks.map((t) => t.kind)).toEqual(Array(n).fill('task'));
  });

  it('the Tibet rectification plan: 24 measures in six implicit groups, then 19 problems holding 74 measures', () => {
    const d = doc('xizang-2018-ducha-zhenggai');
    const grouped = d.tasks.filter((t) => t.kind === 'task');
    const problems = d.tasks.filter((t) => t.kind === 'problem');
    expect(grouped).toHaveLength(24);
    expect(grouped.map((t) => t.number.split('-')[0])).toEqual('111112222333444445556666'.split(''));
    expect(d.sections.filter((s) => s.implicit)).toHaveLength(6);
    expect(problems.map((p) => p.number)).toEqual('一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九'.split(' '));
    expect(problems.reduce((n, p) => n + p.measures.length, 0)).toBe(74);
    expect(problems.map((p) => p.measures.length)).toEqual([4, 5, 3, 4, 2, 5, 4, 2, 3, 5, 4, 3, 4, 7, 5, 4, 3, 6, 1]);
  });
});

describe('every task matches the reviewed expectations', () => {
  for (const slug of docs.keys()) {
    it(slug, () => {
      const expected = JSON.parse(readFileSync(`tests/fixtures/seeds/${slug}.json`, 'utf8'));
      const d: Document = doc(slug);
      const actual = d.tasks.map((t) => ({
        id: t.localId,
        number: t.number,
        kind: t.kind,
        lead: names(t, 'lead'),
        responsible: names(t, 'responsible'),
        partner: names(t, 'partner'),
        supervisor: names(t, 'supervisor'),
        deadlines: t.deadlines.map((x) => x.date ?? x.text),
        measures: t.measures.map((m) => ({ number: m.number, deadlines: m.deadlines.map((x) => x.date ?? x.text) })),
      }));
      expect(actual).toEqual(expected.tasks);
      expect({
        title: d.title,
        docNumber: d.docNumber,
        indexNumber: d.indexNumber,
        issuer: d.issuer,
        writtenOn: d.writtenOn,
        publishedOn: d.publishedOn,
      }).toEqual({
        title: expected.title,
        docNumber: expected.docNumber,
        indexNumber: expected.indexNumber,
        issuer: expected.issuer,
        writtenOn: expected.writtenOn,
        publishedOn: expected.publishedOn,
      });
    });
  }
});

describe('spot checks read off the source text', () => {
  it('阿里: metadata from the header and the signature', () => {
    const d = doc('ali-2018-meili-xizang');
    expect(d.title).toBe('阿里地区贯彻实施《美丽西藏建设规划纲要(2014-2030年)》分工方案');
    expect(d.docNumber).toBe('阿行发〔2018〕66号');
    expect(d.indexNumber).toBe('dqxs/2018-00015');
    expect(d.issuer).toBe('阿里地区行政公署');
    expect(d.writtenOn).toBe('2018-12-20');
  });

  it('阿里 task 2: two tags, each covering the clauses before it', () => {
    const t = task('ali-2018-meili-xizang', 't2');
    expect(t.segments.map((s) => s.units.map((u) => u.name))).toEqual([['地区农牧局'], ['地区发展改革委']]);
    expect(t.segments[1].text).toMatch(/^引导超载人口/);
  });

  it('阿里 task 47: a list that drops the shared prefix', () => {
    const t = task('ali-2018-meili-xizang', 't47');
    const traffic = t.units.find((u) => u.name === '地区交通局');
    expect(traffic).toMatchObject({ role: 'responsible', written: '交通局' });
    expect(names(t, 'responsible')).toContain('地区卫生计生委');
  });

  it('海东: labelled lines give lead and responsible units; 各县区人民政府 stays as written', () => {
    const t4 = task('haidong-2019-yaodian', 't4');
    expect(names(t4, 'lead')).toEqual(['市自然资源规划局', '市农业农村局']);
    expect(names(t4, 'responsible')).toEqual(['各县区人民政府', '市发展改革委', '市财政局', '市水务局', '市林草局']);
    expect(task('haidong-2019-yaodian', 't56').units.map((u) => u.name)).toContain('市省自然资源规划局');
    expect(task('haidong-2019-yaodian', 't53').text).toContain('完善以排污许可管理为载体'); // continuation line
    expect(doc('haidong-2019-yaodian').title).toBe('海东市生态文明先行示范区建设2019年度工作要点');
    expect(doc('haidong-2019-yaodian').docNumber).toBe('东政办〔2019〕138号');
  });

  it('海东 task 26: quantitative targets', () => {
    const targets = task('haidong-2019-yaodian', 't26').targets;
    expect(targets.find((x) => x.text.includes('7亿立方米'))).toMatchObject({ value: 7, unit: '亿立方米' });
    expect(targets.find((x) => x.text.includes('14%'))).toMatchObject({ value: 14, unit: '%' });
  });

  it('湟源: 牵头单位 / 配合单位; a unit written without its 县 prefix keeps its spelling', () => {
    const t1 = task('huangyuan-2021-gaodi', 't1');
    expect(names(t1, 'lead')).toEqual(['县发改局', '县生态环境局']);
    expect(names(t1, 'partner')).toContain('各乡镇人民政府');
    expect(names(task('huangyuan-2021-gaodi', 't12'), 'partner')[0]).toBe('发改局');
    const t7 = task('huangyuan-2021-gaodi', 't7');
    expect(t7.targets.find((x) => x.text.includes('森林覆盖率达到38.5%'))).toMatchObject({ value: 38.5, unit: '%' });
    expect(t7.deadlines.map((d) => d.date)).toEqual(['2025-12-31', '2035-12-31']);
  });

  it('新疆 （十四）: departments named only in prose are mentioned units', () => {
    const t = task('xinjiang-2024-fenqu-guankong', 't14');
    expect(t.number).toBe('十四');
    expect(t.units.every((u) => u.role === 'mentioned')).toBe(true);
    expect(names(t, 'mentioned')).toEqual(
      expect.arrayContaining([
        '自治区生态环境厅',
        '自治区发展改革委',
        '自治区自然资源厅',
        '自治区水利厅',
        '自治区林业和草原局',
        '自治区数字化发展局',
        '自治区住房和城乡建设厅',
      ]),
    );
  });

  it('西藏: one 责任单位 line covers a whole group of numbered measures', () => {
    const group1 = doc('xizang-2018-ducha-zhenggai').tasks.filter((t) => t.localId.startsWith('g1-'));
    expect(group1).toHaveLength(5);
    for (const t of group1) expect(names(t, 'responsible')[0]).toBe('区党委宣传部');
    expect(names(task('xizang-2018-ducha-zhenggai', 'g2-t1'), 'responsible')[0]).toBe('自治区生态红线划定工作领导小组单位');
  });

  it('西藏 problems: cause, goals, time limits, measures with their own deadlines, supervisors', () => {
    const p3 = task('xizang-2018-ducha-zhenggai', 'p3');
    expect(p3.kind).toBe('problem');
    expect(p3.fields.cause).toMatch(/^部分地市委/);
    expect(p3.deadlines.map((d) => d.date)).toEqual(['2018-09-30', null]);
    expect(p3.measures.map((m) => m.deadlines.map((d) => d.date ?? d.text))).toEqual([['2018-06-30'], ['2018-09-30'], ['长期']]);
    const p10 = task('xizang-2018-ducha-zhenggai', 'p10');
    expect(names(p10, 'supervisor')).toEqual(['自治区整改办', '区党委督查室', '区督查室', '区厅', '区住房城乡建设厅']);
    expect(p10.measures[0].deadlines[0]).toMatchObject({ date: '2018-12-31', text: '2018年12月31日,长期' });
    expect(task('xizang-2018-ducha-zhenggai', 'p8').measures[0].deadlines[0]).toMatchObject({
      date: null,
      kind: 'standing',
      text: '立即启动',
    });
    expect(task('xizang-2018-ducha-zhenggai', 'p14').measures[0].deadlines[0].text).toBe('立行立改,长期');
    // 十八.4 holds three deadlines in one measure; 十四.4 has the typo 2018月12月31日.
    expect(task('xizang-2018-ducha-zhenggai', 'p18').measures[3].deadlines.map((d) => d.date)).toEqual(['2018-12-31', null, '2020-12-31']);
    expect(task('xizang-2018-ducha-zhenggai', 'p14').measures[3].deadlines[0].date).toBe('2018-12-31');
    // 十七 skips measure 2 in the source; the numbers stay as written.
    expect(task('xizang-2018-ducha-zhenggai', 'p17').measures.map((m) => m.number)).toEqual(['1', '3', '4']);
  });

  it('西藏: every measure has its deadline except the one the scrape cuts off', () => {
    const measures = doc('xizang-2018-ducha-zhenggai').tasks.flatMap((t) => t.measures);
    const without = measures.filter((m) => m.deadlines.length === 0);
    expect(without.map((m) => m.id)).toEqual(['xizang-2018-ducha-zhenggai/p19.m1']);
  });

  it('task ids are unique and stable across runs', async () => {
    const again = await ingestAll('content/documents');
    for (const d of again) {
      const ids = d.tasks.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(doc(d.slug).tasks.map((t) => t.id));
    }
  });
});
