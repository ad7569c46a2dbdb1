// Saved article pages → text lines: the article and the document's own head (title, metadata
// table as label:value lines) kept; site chrome dropped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, htmlToText, readHtml } from '../../../../src/sources/documents/formats/html';
import { bodyText, compact, contentLines, DOCUMENTS, fixture, fixtureBytes } from './helpers';

const read = (...parts: string[]) => readHtml(fixtureBytes(...parts));
const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** Strings only the site around the article shows (govcn-template.html). */
const CHROME = [
  '欢迎访问',
  '当前时间',
  '无障碍',
  '[登录]',
  '请输入关键字',
  '首页',
  '政务公开',
  '当前位置',
  '分享到',
  '微博',
  '打印本页',
  '关闭窗口',
  '字体',
  '相关链接',
  '图解',
  '友情链接',
  '主办单位',
  '版权所有',
  'ICP备',
  '公网安备',
  'tongji',
  'doZoom',
  'font-size',
];

describe('pages that are the document alone: one line per paragraph, as the text has them', () => {
  for (const name of DOCUMENTS) {
    it.each(['source.html', 'libreoffice.html'])(`${name}/%s`, (file) => {
      const { text, encoding } = read(name, file);
      expect(encoding).toBe('utf-8');
      expect(contentLines(text)).toEqual(contentLines(bodyText(name)));
    });
  }

  it('LibreOffice wraps long paragraphs in its markup: the breaks between Chinese characters disappear', () => {
    const markup = readFileSync(fixture('haidong', 'libreoffice.html'), 'utf8');
    expect(markup).toContain('<p>1.\n<font');
    const { text } = read('haidong', 'libreoffice.html');
    expect(text).toContain('\n1. 推进实施区域协调发展战略。');
    expect(text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]{2}局/);
  });
});

describe('a gov.cn-style article page', () => {
  it('Haidong: the metadata table as label:value lines, then the article; no chrome', () => {
    const { text } = read('haidong', 'govcn.html');
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '索引号:',
      '发文字号:东政办〔2019〕138号',
      '发文机关:',
      '主题分类:民族、宗教',
      '成文日期:2019年08月19日',
      '发布日期:2019年08月19日',
      '发布时间:2019年08月19日',
    ]);
    // The page shows no title of its own: the article's first lines are the notice's title.
    expect(lines.slice(7, 10)).toEqual(['海东市人民政府办公室', '关于印发海东市生态文明先行示范区', '建设2019年度工作要点的通知']);
    expect(compact(lines.slice(7).join('\n'))).toBe(compact(bodyText('haidong')));
    for (const chrome of CHROME) expect(text, chrome).not.toContain(chrome);
  });

  it.each(['aletai', 'hunan'] as const)('%s: the metadata, the title heading, the article', (name) => {
    const meta = readFileSync(fixture(name, 'meta.yaml'), 'utf8');
    const title = /^title: (.+)$/m.exec(meta)![1];
    const { text } = read(name, 'govcn.html');
    const lines = text.split('\n');
    // In the page's order: the metadata table, the title above the article, its date line.
    expect(lines.slice(0, 8).map((l) => l.split(':')[0])).toEqual([
      '索引号',
      '发文字号',
      '发文机关',
      '主题分类',
      '成文日期',
      '发布日期',
      title,
      '发布时间',
    ]);
    expect(contentLines(lines.slice(8).join('\n'))).toEqual(contentLines(bodyText(name)));
    for (const chrome of CHROME) expect(text, chrome).not.toContain(chrome);
  });

  it('the same page in GB18030, declared as gb2312, gives the same text', () => {
    expect(declaredCharset(fixtureBytes('aletai', 'govcn-gb18030.html'))).toBe('gb2312');
    const gb = read('aletai', 'govcn-gb18030.html');
    expect(gb.encoding).toBe('gb18030');
    expect(gb.text).toBe(read('aletai', 'govcn.html').text);
  });

  it('a page declared as gb2312 but written in UTF-8 is read as UTF-8', () => {
    const bytes = new TextEncoder().encode(
      page('<p>一、总体要求</p><p>（一）加强组织领导。</p>').replace('charset="utf-8"', 'charset="gb2312"'),
    );
    expect(readHtml(bytes)).toEqual({ text: '一、总体要求\n（一）加强组织领导。', encoding: 'utf-8' });
  });

  it('a gov.cn zhengce layout: metadata and article in cells of one layout table', () => {
    const html = page(`
      <div class="header"><div class="logo"><h1>中国政府网</h1></div></div>
      <table class="layout"><tr><td>
        <table class="bd1">
          <tr><td><b>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</b></td><td>000014349/2018-00190</td><td><b>主题分类：</b></td><td>综合政务\\其他</td></tr>
          <tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td><td>2018年12月06日</td></tr>
          <tr><td><b>标　　题：</b></td><td colspan="3">国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知</td></tr>
          <tr><td><b>发文字号：</b></td><td>国办发〔2018〕117号</td><td><b>发布日期：</b></td><td>2018年12月10日</td></tr>
        </table>
      </td></tr>
      <tr><td id="UCAP-CONTENT">
        <p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
        <p>一、对落实有关重大政策措施真抓实干、取得明显成效的省（区、市），给予督查激励。（国务院办公厅负责）</p>
        <p>二、对深化“放管服”改革成效明显的地方，给予激励。（国务院办公厅负责）</p>
      </td></tr></table>
      <div class="footer">版权所有：中国政府网</div>`);
    expect(htmlToText(html).split('\n')).toEqual([
      '索引号:000014349/2018-00190',
      '主题分类:综合政务\\其他',
      '发文机关:国务院办公厅',
      '成文日期:2018年12月06日',
      '标题:国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知',
      '发文字号:国办发〔2018〕117号',
      '发布日期:2018年12月10日',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '一、对落实有关重大政策措施真抓实干、取得明显成效的省（区、市），给予督查激励。（国务院办公厅负责）',
      '二、对深化“放管服”改革成效明显的地方，给予激励。（国务院办公厅负责）',
    ]);
  });
});

describe('markup → lines', () => {
  it('block elements and <br> end lines; inline ones do not', () => {
    const html = page(
      '<div>一、<b>总体</b><span>要求</span></div><p>第一行<br>第二行<br><br>第四行</p><ul><li>甲</li><li>乙</li></ul><h2>标题二</h2><h6>六</h6>',
    );
    expect(htmlToText(html)).toBe('一、总体要求\n第一行\n第二行\n\n第四行\n甲\n乙\n标题二\n六');
  });

  it('entities are decoded; &nbsp; is U+00A0 and stays; U+3000 indentation stays', () => {
    const html = page('<p>&nbsp;&nbsp;（一）&lt;加强&gt; &amp; 落实&#x3002;&#12288;</p><p>　　二、保障措施</p>');
    expect(htmlToText(html)).toBe('\u00a0\u00a0（一）<加强> & 落实。\u3000\n\u3000\u3000二、保障措施');
  });

  it('white space collapses; a source line break between Chinese characters disappears, elsewhere it is a space', () => {
    const html = page('<p>地区住房和\n城乡建设局，\n  地区财政局</p><p>PM2.5\n浓度 and\nmore</p><p>加快健全\n“河长制”</p>');
    expect(htmlToText(html)).toBe('地区住房和城乡建设局，地区财政局\nPM2.5 浓度 and more\n加快健全 “河长制”');
  });

  it('<pre> keeps its lines', () => {
    expect(htmlToText(page('<pre>一、甲\n  二、乙</pre>'))).toBe('一、甲\n  二、乙');
  });

  it('a data table: one line per row, cells by tab, empty cells kept', () => {
    const { text } = read('table', 'source.html');
    expect(text.split('\n')).toEqual([
      '某县2024年生态环境保护重点任务分工方案',
      '为抓好各项任务落实，现将重点任务分工如下。',
      '序号\t重点任务\t牵头单位\t责任单位\t完成时限',
      '1\t加强大气污染防治。 开展扬尘专项整治。\t县生态环境局\t县住房城乡建设局、县交通运输局\t2024年12月底前',
      '2\t推进河湖长制。\t县水利局\t各乡镇人民政府\t长期坚持',
      '3\t推进垃圾分类。\t县城市管理局\t\t2024年6月底前',
      '附件：重点任务台账',
    ]);
  });

  it('scripts, styles, forms, hidden blocks, nav, header and footer are dropped', () => {
    const html = page(
      `<header><a href="/">某市人民政府</a></header><nav><a>首页</a><a>政务公开</a></nav>
       <form><input value="搜索"><button>搜索</button></form>
       <div class="article"><p>一、加强领导。</p><p>二、狠抓落实。</p><p>三、强化督查。</p><div style="display:none">隐藏的文字</div>
       <script>document.write("脚本")</script><style>p{color:red}</style><noscript>请启用脚本</noscript></div>
       <footer>版权所有</footer>`,
      '<title>某市人民政府</title>',
    );
    expect(htmlToText(html)).toBe('一、加强领导。\n二、狠抓落实。\n三、强化督查。');
  });

  it('the page title stands in for a missing heading, unless the article starts with it', () => {
    const body =
      '<div class="nav"><a>首页</a></div><div class="content"><p>为加强生态环境保护，制定本方案。</p><p>一、加强领导。</p></div>';
    expect(
      htmlToText(
        page(
          body,
          '<meta name="ArticleTitle" content="某市生态环境保护实施方案"><title>某市生态环境保护实施方案_政府文件_某市人民政府</title>',
        ),
      ).split('\n')[0],
    ).toBe('某市生态环境保护实施方案');
    expect(htmlToText(page(body, '<title>某市生态环境保护实施方案_政府文件_某市人民政府</title>')).split('\n')[0]).toBe(
      '某市生态环境保护实施方案',
    );
    const titled = '<div class="content"><p>某市生态环境保护实施方案</p><p>为加强生态环境保护，制定本方案。</p><p>一、加强领导。</p></div>';
    expect(htmlToText(page(titled, '<title>某市生态环境保护实施方案_某市人民政府</title>')).split('\n')).toEqual([
      '某市生态环境保护实施方案',
      '为加强生态环境保护，制定本方案。',
      '一、加强领导。',
    ]);
  });

  it('metadata written as a list, label and value in one item', () => {
    const html = page(`<div class="info"><ul><li>索 引 号：11130000-2023-00012</li><li>发文字号：冀政办字〔2023〕5号</li></ul></div>
      <div class="main-content"><h1>关于印发某某实施方案的通知</h1><p>一、总体要求。</p><p>二、重点任务。</p><p>三、保障措施。</p></div>`);
    expect(htmlToText(html).split('\n')).toEqual([
      '索引号:11130000-2023-00012',
      '发文字号:冀政办字〔2023〕5号',
      '关于印发某某实施方案的通知',
      '一、总体要求。',
      '二、重点任务。',
      '三、保障措施。',
    ]);
  });
});
