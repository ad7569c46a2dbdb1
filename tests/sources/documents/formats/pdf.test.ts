// .pdf with a text layer → one line per visual line, in reading order; a scan is refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupLines, readPdf, splitItem } from '../../../../src/sources/documents/formats/pdf';
import { UnreadableFile } from '../../../../src/sources/documents/formats/unreadable';
import { bodyText, compact, contentLines, DOCUMENTS, fixtureBytes } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('documents printed to PDF by LibreOffice', () => {
  it.each(DOCUMENTS)(
    '%s: every character of the text, in order, with the page’s line breaks',
    async (name) => {
      const { text, pages } = await readPdf(fixtureBytes(name, 'source.pdf'));
      expect(pages).toBeGreaterThan(1);
      expect(compact(text)).toBe(compact(bodyText(name)));
      // Lines are the page's: more of them than paragraphs, none joined, none longer than a line of A4.
      const lines = contentLines(text);
      expect(lines.length).toBeGreaterThan(contentLines(bodyText(name)).length * 1.5);
      expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(45);
    },
    30_000,
  );

  it('keeps the hard breaks and the first lines as printed (Haidong)', async () => {
    const { text } = await readPdf(fixtureBytes('haidong', 'source.pdf'));
    expect(text.split('\n').slice(0, 6)).toEqual([
      '海东市人民政府办公室',
      '关于印发海东市生态文明先行示范区',
      '建设2019年度工作要点的通知',
      '各县区人民政府,海东工业园区管委会,市政府有关部门,省驻市有关单位:',
      '《海东市生态文明先行示范区建设2019年度工作要点》已经市政府同意,现印发给你们,',
      '请结合实际,认真贯彻实施。',
    ]);
    // Quotation marks come from a second font; they sit where the page shows them.
    expect(text).toContain('深入实施省委“五四战略”,奋力推进“一优两高”战略部署');
    expect(text).toContain('1. 推进实施区域协调发展战略。');
  }, 30_000);

  it('prints nothing and fetches nothing', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    const info = vi.spyOn(console, 'info');
    const fetch = vi.spyOn(globalThis, 'fetch');
    await readPdf(fixtureBytes('aletai', 'source.pdf'));
    expect(write).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(info).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  }, 30_000);

  it('leaves the caller’s bytes as they were', async () => {
    const bytes = fixtureBytes('aletai', 'source.pdf');
    const copy = bytes.slice();
    await readPdf(bytes);
    expect(bytes).toEqual(copy);
  }, 30_000);
});

describe('refused', () => {
  it('a scan (pictures, no text layer) needs OCR', async () => {
    const e = await readPdf(fixtureBytes('aletai', 'scanned.pdf')).catch((x) => x);
    expect(e).toBeInstanceOf(UnreadableFile);
    expect(e.message).toMatch(/^the PDF has no text layer \(1 page of images: a scan\); it needs OCR first/);
  }, 30_000);

  it('a broken file', async () => {
    const e = await readPdf(new TextEncoder().encode('%PDF-1.7\nnot a pdf at all')).catch((x) => x);
    expect(e).toBeInstanceOf(UnreadableFile);
    expect(e.message).toMatch(/^the PDF cannot be read/);
  }, 30_000);
});

describe('visual lines from text items', () => {
  const item = (str: string, x: number, y: number, width: number, size = 12) => ({ str, x, y, width, size });

  it('orders by baseline, then left to right; a small baseline shift is the same line', () => {
    const lines = groupLines([
      item('第二行', 72, 700, 36),
      item('右', 150, 720.5, 12),
      item('第一行', 72, 720, 36),
      item('— 1 —', 280, 40, 30),
    ]);
    expect(lines).toEqual(['第一行 右', '第二行', '— 1 —']);
  });

  it('a space only where the gap is a quarter of the font size or more', () => {
    expect(groupLines([item('2019', 72, 700, 24), item('年', 96.5, 700, 12), item('目标', 120, 700, 24)])).toEqual(['2019年 目标']);
  });

  it('an item pdf.js joined across another font’s glyphs is split back into place', () => {
    // "深入实施省委 五四战略" in one font, 126 wide: a 6-wide gap where “ is drawn by another.
    const pieces = splitItem(item('深入实施省委 五四战略', 100, 700, 126), 0);
    expect(pieces.map((p) => [p.str, p.x])).toEqual([
      ['深入实施省委', 100],
      ['五四战略', 178],
    ]);
    const open = item('“', 172, 700, 6);
    const close = item('”', 226, 700, 6);
    expect(groupLines([...pieces, open, close])).toEqual(['深入实施省委“五四战略”']);
    // Nothing between the pieces: the space pdf.js wrote stays.
    expect(groupLines(splitItem(item('Hello 世界', 100, 700, 40), 0))).toEqual(['Hello 世界']);
  });
});
