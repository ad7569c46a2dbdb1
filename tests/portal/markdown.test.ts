// Progress notes (src/portal/markdown.ts): one unified parse gives the page's HTML (through an explicit
// rehype-sanitize schema) and the text of feeds, search and PDF reports. Raw HTML is shown as written,
// links pass the link rule (src/domain/links.ts) or become their text, and no input crashes or hangs it.
import { describe, expect, it } from 'vitest';
import { parseFragment, serialize } from 'parse5';
import { repoPath } from '../helpers/repo';
import { join } from 'node:path';
import { ingestAll } from '../../src/sources/documents/index';
import { loadStatusReports } from '../../src/sources/status/index';
import {
  markdownProblem,
  markdownToText,
  markdownToTextFull,
  MAX_MARKDOWN_MARKS,
  renderMarkdown,
  renderMarkdownFull,
} from '../../src/portal/markdown';
import { LIMITS } from '../../src/domain/limits';

const VOID = new Set(['br']);

/**
 * Why an HTML fragment is not well formed, or null: every "<" outside a tag is escaped, every end tag
 * closes the innermost open element, nothing is left open, and parse5 (a browser's parse) gives back the
 * same markup, so no tag of a note can swallow what follows it.
 */
function unbalanced(html: string): string | null {
  const stack: string[] = [];
  let canonical = '';
  for (const [i, token] of html.split(/(<[^<>]*>)/).entries()) {
    if (i % 2 === 0) {
      if (token.includes('<')) return `unescaped "<" in ${JSON.stringify(token)}`;
      canonical += token.replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
      continue;
    }
    const m = /^<(\/?)([a-z][a-z0-9]*)\b[^>]*?(\/?)>$/.exec(token);
    if (!m) return `not a tag: ${token}`;
    const [, close, name] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}>`;
    } else if (!VOID.has(name)) stack.push(name);
    canonical += token.replace(/ \/>$/, '>');
  }
  if (stack.length) return `left open: ${stack.join(', ')}`;
  const reparsed = serialize(parseFragment(html));
  return reparsed === canonical ? null : `a browser reads it differently:\n${reparsed}\n!=\n${canonical}`;
}

const expectBalanced = (html: string) => expect(unbalanced(html), html.slice(0, 500)).toBeNull();

describe('the balance check of these tests', () => {
  it('catches what finding 10 saw: a link closed by </span>, and tags left open', () => {
    expect(unbalanced('<table><tbody><tr><td><a href="x">ok</span></td><td>after</td></tr></tbody></table>')).not.toBeNull();
    expect(unbalanced('<p><a href="x">ok</p>')).not.toBeNull();
    expect(unbalanced('<p>a <label>b</p>')).not.toBeNull();
    expect(unbalanced('<p>a</p></p>')).not.toBeNull();
    expect(unbalanced('<p><strong>a</p></strong>')).not.toBeNull();
    expect(unbalanced('<p>a<br />b &lt;x> c</p>\n<ul>\n<li>d</li>\n</ul>')).toBeNull();
  });
});

describe('renderMarkdown', () => {
  it('renders basic Markdown, one line per <br>', () => {
    expect(renderMarkdown('**完成** 造林 *1.2* 万亩\n第二行')).toBe('<p><strong>完成</strong> 造林 <em>1.2</em> 万亩<br />第二行</p>');
    expect(renderMarkdown('- 甲\n- 乙')).toBe('<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>');
    expect(renderMarkdown('1. 甲\n2. 乙')).toBe('<ol>\n<li>甲</li>\n<li>乙</li>\n</ol>');
    expect(renderMarkdown('3. 丙')).toBe('<ol start="3">\n<li>丙</li>\n</ol>');
    expect(renderMarkdown('> 引用')).toBe('<blockquote>\n<p>引用</p>\n</blockquote>');
    expect(renderMarkdown('~~删除~~ 与 3~5 万亩')).toBe('<p><del>删除</del> 与 3~5 万亩</p>');
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n ')).toBe('');
  });

  it('renders GitHub tables with their alignment', () => {
    expect(renderMarkdown('| 指标 | 完成 |\n| :-- | --: |\n| 造林 | 1.2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">指标</th>\n<th align="right">完成</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">造林</td>\n<td align="right">1.2</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('keeps http(s) and portal links, with rel="nofollow noopener" and nothing else', () => {
    expect(renderMarkdown('[公示](https://www.gov.cn/a.html "标题")')).toBe(
      '<p><a href="https://www.gov.cn/a.html" rel="nofollow noopener">公示</a></p>',
    );
    expect(renderMarkdown('[任务](/tasks/a/t1/)')).toBe('<p><a href="/tasks/a/t1/" rel="nofollow noopener">任务</a></p>');
    expect(renderMarkdown('[公示][1]\n\n[1]: https://www.gov.cn/a.html')).toBe(
      '<p><a href="https://www.gov.cn/a.html" rel="nofollow noopener">公示</a></p>',
    );
    expect(renderMarkdown('<https://www.gov.cn/a>')).toBe(
      '<p><a href="https://www.gov.cn/a" rel="nofollow noopener">https://www.gov.cn/a</a></p>',
    );
  });

  it('links the addresses GitHub links by themselves, also in notes without other Markdown', () => {
    expect(renderMarkdown('见 https://www.gov.cn/a.html 公示')).toBe(
      '<p>见 <a href="https://www.gov.cn/a.html" rel="nofollow noopener">https://www.gov.cn/a.html</a> 公示</p>',
    );
    expect(renderMarkdown('见 www.gov.cn 公示')).toBe('<p>见 <a href="http://www.gov.cn" rel="nofollow noopener">www.gov.cn</a> 公示</p>');
  });

  it.each([
    ['javascript', '[x](javascript:alert(1))'],
    ['mixed case', '[x](JaVaScRiPt:alert(1))'],
    ['entity in the scheme', '[x](javascript&#58;alert(1))'],
    ['escaped colon', '[x](javascript\\:alert(1))'],
    ['percent-encoded', '[x](javascript%3Aalert(1))'],
    ['data', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['vbscript', '[x](vbscript:msgbox)'],
    ['protocol-relative', '[x](//evil.example/)'],
    ['backslash host', '[x](/\\evil.example/)'],
    ['mailto', '[x](mailto:a@b.cn)'],
    ['credentials', '[x](http://user:pw@www.gov.cn/)'],
    ['credentials hiding the host', '[x](https://www.gov.cn@evil.example/)'],
    ['relative', '[x](a/b)'],
    ['leading whitespace', '[x]( javascript:alert(1))'],
    ['zero-width character', '[x](java\u200bscript:alert(1))'],
    ['reference', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['angle-bracket autolink', '<javascript:x>'],
    ['e-mail autolink', 'a@b.cn x'],
    ['image', '![x](javascript:alert(1))'],
  ])('never links a refused URL (%s), keeps its words', (_, md) => {
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toMatch(/href/i);
    expect(html).toContain('x');
    expectBalanced(html);
  });

  it('shows raw HTML as the characters written: nothing runs, nothing is dropped', () => {
    expect(renderMarkdown('<label>名称</label> 已完成')).toBe('<p>&lt;label>名称&lt;/label> 已完成</p>');
    expect(renderMarkdown('文中<script>alert(1)</script>后')).toBe('<p>文中&lt;script>alert(1)&lt;/script>后</p>');
    expect(renderMarkdown('<script>alert(1)</script>\n\n后文')).toBe('<p>&lt;script>alert(1)&lt;/script></p>\n<p>后文</p>');
    expect(renderMarkdown('<a href="https://x.cn/" onclick="x()">x</a>')).toBe('<p>&lt;a href="https://x.cn/" onclick="x()">x&lt;/a></p>');
    expect(renderMarkdown('<!-- 注释 --> 正文')).toBe('<p>&lt;!-- 注释 --> 正文</p>');
    const hostile =
      '<script>alert(1)</script><img src="https://x/a.png" onerror="alert(1)"><iframe src="https://x"></iframe><style>body{display:none}</style><p style="color:red" onmouseover="x">段落</p>';
    const html = renderMarkdown(hostile);
    expect(html).toBe(`<p>${hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    expectBalanced(html);
  });

  it('does not let a rejected link swallow the rest of a table cell or row (finding 10)', () => {
    const md = '| 事项 | 说明 |\n| --- | --- |\n| <a href="javascript:x">ok</span> | 之后 |\n| 下一行 | 仍在 |';
    const html = renderMarkdown(md);
    expectBalanced(html);
    expect(html).not.toMatch(/<a\b|<span/);
    expect(html).toContain('<td>&lt;a href="javascript:x">ok&lt;/span></td>\n<td>之后</td>');
    expect(html).toContain('<td>下一行</td>\n<td>仍在</td>');
    const md2 = '| 事项 | 说明 |\n| --- | --- |\n| [ok](javascript:x) **粗** | 之后 |';
    const html2 = renderMarkdown(md2);
    expectBalanced(html2);
    expect(html2).toContain('<td>ok <strong>粗</strong></td>\n<td>之后</td>');
  });

  it('shows images as their alt text: a note loads no remote file', () => {
    expect(renderMarkdown('图：![照片](https://x/b.png)')).toBe('<p>图：照片</p>');
    expect(renderMarkdown('图：![](https://x/b.png)')).toBe('<p>图：</p>');
  });

  it('turns headings into paragraphs so that the page outline stays intact', () => {
    expect(renderMarkdown('# 大标题\n\n正文')).toBe('<p>大标题</p>\n<p>正文</p>');
  });

  it('keeps task-list boxes and footnotes as written', () => {
    expect(renderMarkdown('- [x] 甲\n- [ ] 乙')).toBe('<ul>\n<li>[x] 甲</li>\n<li>[ ] 乙</li>\n</ul>');
    expect(renderMarkdown('正文[^1]\n\n[^1]: 注')).toBe('<p>正文[^1]</p>\n<p>[^1]: 注</p>');
  });

  it('escapes text that looks like markup', () => {
    expect(renderMarkdown('a < b & c > d')).toBe('<p>a &lt; b &amp; c > d</p>');
    expect(renderMarkdown('&lt;b&gt; &amp;')).toBe('<p>&lt;b> &amp;</p>');
  });

  it('gives balanced HTML for hostile and broken notes', () => {
    for (const md of [
      '**粗 *斜 [链接](https://x.cn',
      '<div><p>未闭合',
      '</p></div></td></tr></table>',
      '| a |\n| - |\n| <b> |\n| </b> |',
      '> <blockquote>\n> - <li>\n\n</ul></ol>',
      '```\n<script>\n```\n后文',
      '    <pre>缩进代码',
      '`<code>` </code>',
      '[<a href="x">](https://x.cn/) </a>',
      '<a href="https://x.cn/">[内](javascript:x)</a>',
      '*<em>*</em>',
      '\u0000<\u0000script>',
    ])
      expectBalanced(renderMarkdown(md));
  });
});

describe('markdownToText', () => {
  it('gives plain text with blocks separated by spaces', () => {
    expect(markdownToText('【示例数据（非官方）】**已完成**。\n\n- 甲\n- 乙')).toBe('【示例数据（非官方）】已完成。 甲 乙');
    expect(markdownToText('| a | b |\n| - | - |\n| 1 | 2 |')).toBe('a b 1 2');
  });
  it('shows raw HTML as written and decodes character references', () => {
    expect(markdownToText('<label>名称</label> a &amp; b < c')).toBe('<label>名称</label> a & b < c');
    expect(markdownToText('文中<script>alert(1)</script>后')).toBe('文中<script>alert(1)</script>后');
  });
  it('keeps the words of links but not their URLs', () => {
    expect(markdownToText('[公示](https://www.gov.cn/a.html)')).toBe('公示');
    expect(markdownToText('[公示](javascript:alert(1))')).toBe('公示');
  });
});

describe('notes past the bounds', () => {
  // micromark recurses per level of nesting and pairs delimiters in quadratic time; the renderer must
  // neither crash nor hang, whatever reaches it (input validation refuses these notes first).
  const pathological: [string, string][] = [
    ['100,000 ">"', '>'.repeat(100_000)],
    ['100,000 "["', '['.repeat(100_000)],
    ['100,000 "*"', '*'.repeat(100_000) + 'a'],
    ['lists nested 1,000 deep by indentation', Array.from({ length: 1_000 }, (_, i) => ' '.repeat(i * 2) + '- a').join('\n')],
    ['lists nested 100 deep by indentation (short)', Array.from({ length: 100 }, (_, i) => ' '.repeat(i * 2) + '- a').join('\n')],
    ['"- " 5,000 times on one line', '- '.repeat(5_000) + 'a'],
    ['"> - " 30,000 times', '> - '.repeat(30_000) + 'a'],
    ['emphasis 10,000 deep', '*a '.repeat(10_000) + 'b' + ' c*'.repeat(10_000)],
    ['6,600 lone "]"', 'a] '.repeat(6_600)],
    ['5,000 unmatched "a*a"', 'a*a '.repeat(5_000)],
    ['a million characters', '已完成。'.repeat(250_000)],
  ];

  it.each(pathological)(
    'renders %s as text, balanced, without throwing',
    (_, md) => {
      const started = Date.now();
      const html = renderMarkdown(md);
      const text = markdownToText(md);
      expect(Date.now() - started).toBeLessThan(20_000);
      expectBalanced(html);
      expect(html.startsWith('<p>')).toBe(true);
      expect(text.length).toBeGreaterThan(0);
      expect(markdownProblem(md)).not.toBeNull();
    },
    60_000,
  );

  it('names why a note is shown as text', () => {
    expect(markdownProblem('>'.repeat(1000))).toMatch(/^line 1: quotes and lists nested 1,000 deep/);
    expect(markdownProblem('x'.repeat(LIMITS.progressChars + 1))).toMatch(/characters \(at most 20,000/);
    expect(markdownProblem('a] '.repeat(MAX_MARKDOWN_MARKS + 1))).toMatch(/more than 256 emphasis marks/);
    expect(markdownProblem('a] '.repeat(MAX_MARKDOWN_MARKS))).toBeNull();
    expect(markdownProblem('**已完成** [公示](https://www.gov.cn/)\n\n- 甲\n- 乙')).toBeNull();
  });

  it('keeps every character of a note past the bounds, lines as <br>', () => {
    const md = '>'.repeat(200) + ' <b>引文\n第二行 & 三';
    expect(renderMarkdown(md)).toBe(`<p>${'>'.repeat(200)} &lt;b>引文<br />第二行 &amp; 三</p>`);
    expect(markdownToText(md)).toBe(`${'>'.repeat(200)} <b>引文 第二行 & 三`);
  });
});

describe('the shortcuts for notes without Markdown', () => {
  const agree = (md: string) => {
    expect(markdownToText(md), JSON.stringify(md)).toBe(markdownToTextFull(md));
    expect(renderMarkdown(md), JSON.stringify(md)).toBe(renderMarkdownFull(md));
  };

  it('agree with the full parse on the progress texts of the content', async () => {
    const dir = repoPath('content');
    const reports = loadStatusReports(join(dir, 'status'), await ingestAll(join(dir, 'documents')));
    expect(reports.length).toBeGreaterThan(50);
    for (const r of reports) agree(r.progress);
  }, 120_000);

  it('agree on texts built to sit at the edge of Markdown', () => {
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
      '\t制表符缩进',
      'www.gov.cn 公示',
      'https://www.gov.cn/a.html',
      'a@b.cn',
      ':-- | 表',
      'a\u00a0b',
      '全角　空格',
      'tab\there',
      'CRLF\r\n行',
      'CR\r行',
      '\u2028分隔',
      '（已完成）：见附件',
      '"引号" \'单引号\'',
      '100%',
      'a=b',
      'x--y',
      '...',
      '第1.2条',
      '3.5万亩',
      '3~5万亩',
      '\u0000空',
    ])
      agree(md);
  }, 60_000);

  it('agree on random texts of Chinese, digits, punctuation and line breaks', () => {
    const alphabet = [...'生态环境保护已完成推进中，。、；：（）【】“”1234567890 .)-+=>:/wh\n\n\t\u3000abc%！？'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 1000; i++) {
      const n = 1 + Math.floor(random() * 40);
      let md = '';
      for (let j = 0; j < n; j++) md += alphabet[Math.floor(random() * alphabet.length)];
      agree(md);
    }
  }, 120_000);
});
