import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '../src/model/markdown';

describe('renderMarkdown', () => {
  it('renders basic Markdown, one line per <br>', () => {
    expect(renderMarkdown('**完成** 造林 *1.2* 万亩\n第二行')).toBe('<p><strong>完成</strong> 造林 <em>1.2</em> 万亩<br />第二行</p>');
    expect(renderMarkdown('- 甲\n- 乙')).toBe('<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>');
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n ')).toBe('');
  });

  it('keeps http(s) and relative links, with rel="nofollow noopener"', () => {
    expect(renderMarkdown('[公示](https://www.gov.cn/a.html)')).toBe('<p><a href="https://www.gov.cn/a.html" rel="nofollow noopener">公示</a></p>');
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
