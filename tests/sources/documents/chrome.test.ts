// Site chrome: navigation, counters, footers and page numbers, recognised by shape and set aside.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { isChromeLine, isFooterStart, maskPageMarkers } from '../../../src/sources/documents/chrome';
import { parseDocument } from '../../../src/sources/documents/index';
import { canonical } from '../../../src/sources/documents/normalize';

const meta: DocumentMeta = {
  slug: 'snippet',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};
const parse = (text: string) => parseDocument(text, meta, 'snippet.txt');
const chrome = (s: string) => isChromeLine(canonical(s));

/** A scraped page: navigation, header fields, the plan, a footer. */
const PAGE = [
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
].join('\n');

describe('site chrome and headers', () => {
  it('sets aside navigation and footers', () => {
    const doc = parse(PAGE);
    const kindOfLine = (n: number) => doc.parts.find((p) => p.lineStart <= n && n <= p.lineEnd)!.kind;
    expect([1, 2, 3, 13, 14, 15, 16].map(kindOfLine)).toEqual(Array(7).fill('chrome'));
    expect([4, 5, 6, 12].map(kindOfLine)).toEqual(Array(4).fill('meta'));
    expect(kindOfLine(10)).toBe('task');
  });
});

describe('isChromeLine', () => {
  it.each([
    '• 首页',
    '▶ 政务公开',
    '首页>新闻>政府文件',
    '当前位置：首页 > 政务公开',
    '您的位置:首页',
    '欢迎访问拉萨市人民政府网站',
    '网站无障碍 适老版',
    '打印',
    '【字体：大 中 小】',
    '【字体:大 中 小】',
    '浏览次数:',
    '阅读次数：128',
    'Baidu',
    '分享到：',
    '上一篇',
    '版权所有 拉萨市人民政府',
    '主办单位：拉萨市人民政府办公室',
    '藏ICP备05000001号',
    '拉萨市人民政府门户网站',
    '— 1 —',
    '- 2 -',
    '第 3 页',
    '第3页 共12页',
    '3/12',
  ])('%s is chrome', (line) => {
    expect(chrome(line)).toBe(true);
  });

  it.each(['一、总体要求', '加强草地资源保护。', '牵头单位：市发改委', '某某工作要点', '2019年8月19日', '首页建设要加强。'])(
    '%s is not chrome',
    (line) => {
      expect(chrome(line)).toBe(false);
    },
  );

  it('a line that is only a web address is chrome', () => {
    // Classification runs on the canonical copy, where ":" is "：".
    expect(['https://www.lasa.gov.cn/lasa/zwgk/2019.shtml', 'http://www.gov.cn'].map(chrome)).toEqual([true, true]);
  });
});

describe('isFooterStart', () => {
  it('友情链接, 相关链接, 版权所有, Copyright, 主办单位 start the footer; other chrome does not', () => {
    expect(
      ['友情链接', '相关链接：', '版权所有 某某', 'Copyright 2019', '主办单位：某某', '打印', '首页>新闻'].map((s) =>
        isFooterStart(canonical(s)),
      ),
    ).toEqual([true, true, true, true, true, false, false]);
  });
});

describe('maskPageMarkers', () => {
  it('blanks a page marker glued into a line, keeping the length', () => {
    expect(maskPageMarkers('3200— 1 —元')).toBe('3200     元');
    expect(maskPageMarkers('资金－12－万元')).toBe('资金    万元');
  });
  it('leaves dashes that are no page marker', () => {
    expect(maskPageMarkers('2018—2020年')).toBe('2018—2020年');
    expect(maskPageMarkers('甲—乙')).toBe('甲—乙');
  });
});
