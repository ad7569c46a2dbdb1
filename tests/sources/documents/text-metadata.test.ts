// What the text says about itself: title, 发文字号, 索引号, issuer, 成文/发布日期.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { parseDocument } from '../../../src/sources/documents/index';
import { classifyLines } from '../../../src/sources/documents/lines';
import { cleanTitle, extractMetadata } from '../../../src/sources/documents/text-metadata';

const meta: DocumentMeta = {
  slug: 'snippet',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};
const parse = (text: string) => parseDocument(text, meta, 'snippet.txt');
const metadata = (text: string) => extractMetadata(classifyLines(text));
const NONE = { title: null, docNumber: null, indexNumber: null, issuer: null, writtenOn: null, publishedOn: null };

describe('site chrome and headers', () => {
  it('reads header fields, finds the title', () => {
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
  });
});

describe('extractMetadata', () => {
  it('the title a notice issues, when the notice and the plan are both printed', () => {
    expect(metadata('关于印发某某工作要点的通知\n某某工作要点\n一、重点任务\n1.甲。')).toEqual({ ...NONE, title: '某某工作要点' });
  });

  it('the notice subject when only the notice is printed; the issuer before 关于', () => {
    expect(metadata('拉萨市人民政府关于印发某某实施方案的通知\n一、X\n1.甲。')).toEqual({
      ...NONE,
      title: '某某实施方案',
      issuer: '拉萨市人民政府',
    });
  });

  it('a title broken over lines is joined without spaces', () => {
    expect(metadata('拉萨市\n生态环境保护\n实施方案\n一、X').title).toBe('拉萨市生态环境保护实施方案');
  });

  it('the signature: an issuer line above a date line', () => {
    expect(metadata('某某方案\n一、X\n1.甲。\n拉萨市人民政府\n2019年8月19日')).toEqual({
      ...NONE,
      title: '某某方案',
      issuer: '拉萨市人民政府',
      writtenOn: '2019-08-19',
    });
  });

  it.each([':', '：'])('header fields with %s; a header beats the notice for the issuer', (colon) => {
    expect(
      metadata(
        [
          `发布日期${colon}2019-08-20`,
          `成文日期${colon}2019年08月19日`,
          `发文机关${colon}拉萨市人民政府办公室`,
          `索引号${colon}000014349/2019-00123`,
          `发文字号${colon}拉政办发〔2019〕12号`,
          '拉萨市人民政府关于印发某某方案的通知',
          '一、X',
        ].join('\n'),
      ),
    ).toEqual({
      title: '某某方案',
      docNumber: '拉政办发〔2019〕12号',
      indexNumber: '000014349/2019-00123',
      issuer: '拉萨市人民政府办公室',
      writtenOn: '2019-08-19',
      publishedOn: '2019-08-20',
    });
  });

  it('a 发文字号 printed alone under the title, brackets as written; a bare timestamp is the publication date', () => {
    expect(metadata('2018-06-06 19:24\n某某方案\n藏政发(2018)12号\n一、X')).toEqual({
      ...NONE,
      title: '某某方案',
      docNumber: '藏政发(2018)12号',
      publishedOn: '2018-06-06',
    });
  });

  it('a 名称 field when no title line is found', () => {
    expect(metadata('名称：关于印发某某方案的通知\n一、X').title).toBe('某某方案');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['《某某方案》', '某某方案'],
    ['某某方案（征求意见稿）', '某某方案'],
    ['某某方案征求意见', '某某方案'],
    ['某某<十四五>规划', '某某〈十四五〉规划'],
    ['《关于<某某>的方案》', '关于〈某某〉的方案'],
    ['《甲》和《乙》方案', '《甲》和《乙》方案'],
    ['某 某  方案', '某 某 方案'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanTitle(raw)).toBe(clean);
  });
});
