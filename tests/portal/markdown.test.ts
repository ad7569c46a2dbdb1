import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/repo';
import { join } from 'node:path';
import { ingestAll } from '../../src/sources/documents/index';
import { loadStatusReports } from '../../src/sources/status/index';
import { markdownToText, markdownToTextFull, renderMarkdown } from '../../src/portal/markdown';

describe('renderMarkdown', () => {
  it('renders basic Markdown, one line per <br>', () => {
    expect(renderMarkdown('**完成** 造林 *1.2* 万亩\n第二行')).toBe('<p><strong>完成</strong> 造林 <em>1.2</em> 万亩<br />第二行</p>');
    expect(renderMarkdown('- 甲\n- 乙')).toBe('<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>');
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n ')).toBe('');
  });

  it('keeps http(s) and relative links, with rel="nofollow noopener"', () => {
    expect(renderMarkdown('[公示](https://www.gov.cn/a.html)')).toBe(
      '<p><a href="https://www.gov.cn/a.html" rel="nofollow noopener">公示</a></p>',
    );
    expect(renderMarkdown('[任务](/tasks/a/t1/)')).toBe('<p><a href="/tasks/a/t1/" rel="nofollow noopener">任务</a></p>');
    expect(renderMarkdown('<a href="https://x.cn/" rel="opener" target="_blank" onclick="x()">x</a>')).toBe(
      '<p><a href="https://x.cn/" rel="nofollow noopener">x</a></p>',
    );
  });

  it.each([
    ['[x](javascript:alert(1))'],
    ['<a href="javascript:alert(1)">x</a>'],
    ['<a href="JaVaScRiPt&#58;alert(1)">x</a>'],
    ['<a href="java\tscript:alert(1)">x</a>'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['[x](//evil.example/)'],
    ['[x](mailto:a@b.cn)'],
    ['[x](vbscript:msgbox)'],
  ])('drops unsafe link %s but keeps its text', (md) => {
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/href/i);
    expect(html).toContain('x');
  });

  it('removes scripts, images, iframes, styles and event handlers', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src="https://x/a.png" onerror="alert(1)"><iframe src="https://x"></iframe><style>body{display:none}</style><p style="color:red" onmouseover="x">段落</p>',
    );
    expect(html).toBe('<p>段落</p>');
    // A Markdown image must not load a remote file either.
    expect(renderMarkdown('图：![照片](https://x/b.png)')).toBe('<p>图：</p>');
  });

  it('turns headings into paragraphs so that the page outline stays intact', () => {
    expect(renderMarkdown('# 大标题\n\n正文')).toBe('<p>大标题</p>\n<p>正文</p>');
  });

  it('escapes text that looks like markup', () => {
    expect(renderMarkdown('a < b & c > d')).toBe('<p>a &lt; b &amp; c &gt; d</p>');
  });
});

describe('markdownToText', () => {
  it('gives plain text with blocks separated by spaces', () => {
    expect(markdownToText('【示例数据（非官方）】**已完成**。\n\n- 甲\n- 乙')).toBe('【示例数据（非官方）】已完成。 甲 乙');
  });
  it('drops script contents and decodes entities', () => {
    expect(markdownToText('<script>alert(1)</script>a &amp; b < c')).toBe('a & b < c');
  });
  it('keeps the words of links but not their URLs', () => {
    expect(markdownToText('[公示](https://www.gov.cn/a.html)')).toBe('公示');
  });
});

describe('markdownToText shortcut for text without Markdown', () => {
  const agree = (md: string) => expect(markdownToText(md), JSON.stringify(md)).toBe(markdownToTextFull(md));

  it('agrees with the full parse on the progress texts of the content', async () => {
    const dir = repoPath('content');
    const reports = loadStatusReports(join(dir, 'status'), await ingestAll(join(dir, 'documents')));
    expect(reports.length).toBeGreaterThan(50);
    for (const r of reports) agree(r.progress);
  });

  it('agrees on texts built to sit at the edge of Markdown', () => {
    for (const md of [
      '',
      '  ',
      '已完成。',
      '已完成\n\n下一段',
      '1. 加强',
      ' 2) 推进',
      '2019. 年',
      '完成率 1.5%',
      '- 甲',
      '+ 乙',
      '> 引用',
      '标题\n===',
      '标题\n---',
      '    缩进四格的代码',
      'www.gov.cn 公示',
      'https://www.gov.cn/a.html',
      'a\u00a0b',
      '全角　空格',
      'tab\there',
      'CRLF\r\n行',
      '\u2028分隔',
      '（已完成）：见附件',
      '"引号" \'单引号\'',
      '100%',
      'a=b',
      'x--y',
      '...',
      '第1.2条',
      '3.5万亩',
      '\u0000空',
    ])
      agree(md);
  });

  it('agrees on random texts of Chinese, digits, punctuation and line breaks', () => {
    const alphabet = [...'生态环境保护已完成推进中，。、；：（）【】“”1234567890 .)-+=>:/wh\n\n\t\u3000abc%！？'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(random() * 40);
      let md = '';
      for (let j = 0; j < n; j++) md += alphabet[Math.floor(random() * alphabet.length)];
      agree(md);
    }
  });
});
