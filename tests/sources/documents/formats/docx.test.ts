// .docx → text with mammoth: a line per paragraph, a line per table row.
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../../src/sources/documents/formats/docx';
import { bodyText, contentLines, DOCUMENTS, fixtureBytes } from './helpers';

describe('documents written by pandoc: every paragraph a line, as in the text', () => {
  it.each(DOCUMENTS)('%s', async (name) => {
    const { text } = await readDocx(fixtureBytes(name, 'source.docx'));
    expect(contentLines(text)).toEqual(contentLines(bodyText(name)));
  });
});

describe('a document LibreOffice imported from text', () => {
  it('empty paragraphs are blank lines: the text comes back line for line', async () => {
    const { text } = await readDocx(fixtureBytes('aletai', 'libreoffice.docx'));
    expect(text).toBe(bodyText('aletai').replace(/\n+$/, ''));
    expect(text.split('\n').filter((l) => l === '').length).toBeGreaterThan(40);
  });
});

describe('tables', () => {
  it('one line per row, cells separated by a tab, paragraphs in a cell joined by a space', async () => {
    const { text } = await readDocx(fixtureBytes('table', 'source.docx'));
    expect(text.split('\n')).toEqual([
      '某县生态环境保护重点任务分工表',
      '某县2024年生态环境保护重点任务分工方案',
      '为抓好各项任务落实，现将重点任务分工如下。',
      '序号\t重点任务\t牵头单位\t责任单位\t完成时限',
      '1\t加强大气污染防治。 开展扬尘专项整治。\t县生态环境局\t县住房城乡建设局、县交通运输局\t2024年12月底前',
      '2\t推进河湖长制。\t县水利局\t各乡镇人民政府\t长期坚持',
      '3\t推进垃圾分类。\t县城市管理局\t\t2024年6月底前',
      '附件：重点任务台账',
    ]);
  });
});

describe('a file that is no document', () => {
  it('says so', async () => {
    await expect(readDocx(new TextEncoder().encode('PK not really a zip'))).rejects.toThrow(
      /^the \.docx file cannot be read \(.*\); expected a Word document saved as \.docx/,
    );
  });
});
