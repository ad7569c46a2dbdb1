// Header fields publishing sites print above a document, several to a line, values possibly empty.
import { describe, expect, it } from 'vitest';
import { DOC_NUMBER, isTimestampLine, parseHeaderLine } from '../../../src/sources/documents/header';
import { canonical } from '../../../src/sources/documents/normalize';

const fields = (s: string) => parseHeaderLine(canonical(s)).map((f) => [f.key, f.label, f.value]);

describe('parseHeaderLine', () => {
  it.each([':', '：'])('several fields on one line, with %s', (colon) => {
    expect(fields(`索引号${colon} 11/2019-00012 发文字号${colon} 东政办〔2019〕138号`)).toEqual([
      ['indexNumber', '索引号', '11/2019-00012'],
      ['docNumber', '发文字号', '东政办〔2019〕138号'],
    ]);
    expect(fields(`发文机关${colon}拉萨市人民政府 成文日期${colon}2019年08月19日`)).toEqual([
      ['issuer', '发文机关', '拉萨市人民政府'],
      ['writtenOn', '成文日期', '2019年08月19日'],
    ]);
  });

  it('empty values stay empty; the next key still opens a field', () => {
    expect(fields('发文机关: 主题分类: 民族、宗教')).toEqual([
      ['issuer', '发文机关', ''],
      ['category', '主题分类', '民族、宗教'],
    ]);
    expect(fields('索引号: 发文字号: 东政办〔2019〕138号')).toEqual([
      ['indexNumber', '索引号', ''],
      ['docNumber', '发文字号', '东政办〔2019〕138号'],
    ]);
  });

  it('keys with spaces inside, after a list dash; 标题, 来源', () => {
    expect(fields('- 发布时间：2018-12-20')).toEqual([['publishedOn', '发布时间', '2018-12-20']]);
    expect(fields('发 布 日 期：2018-12-20')).toEqual([['publishedOn', '发布日期', '2018-12-20']]);
    expect(fields('标题：某某方案')).toEqual([['name', '标题', '某某方案']]);
    expect(fields('来源: 拉萨市政府')).toEqual([['source', '来源', '拉萨市政府']]);
  });

  it('a line that is only a 发文字号, with any bracket', () => {
    expect(fields('东政办〔2019〕138号')).toEqual([['docNumber', '发文字号', '东政办〔2019〕138号']]);
    expect(fields('吉市政办发[2023]11号')).toEqual([['docNumber', '发文字号', '吉市政办发[2023]11号']]);
    expect(fields('藏政发(2018)12号')).toEqual([['docNumber', '发文字号', '藏政发（2018）12号']]);
  });

  it('prose is no header: a key deep in a sentence, or one long value', () => {
    expect(fields('本方案自印发之日起施行。时间：2019年')).toEqual([]);
    expect(fields('日期：' + '很'.repeat(81))).toEqual([]);
    expect(fields('牵头单位：市发展改革委')).toEqual([]);
  });
});

describe('DOC_NUMBER', () => {
  it('finds a 发文字号 inside a value', () => {
    expect(DOC_NUMBER.exec('某某 国办发〔2018〕117号 某某')?.[0]).toBe('国办发〔2018〕117号');
    expect(DOC_NUMBER.exec('第2018号')).toBeNull();
  });
});

describe('isTimestampLine', () => {
  it('a line holding only a date-time stamp', () => {
    expect(['2018-06-06 19:24', '2018-06-06', '2018-6-6 19:24:33', '2018-06-06 19：24'].map((s) => isTimestampLine(canonical(s)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['2018年6月6日', '2018-06-06 发布', '时间 2018-06-06'].map((s) => isTimestampLine(canonical(s)))).toEqual([false, false, false]);
  });
});
