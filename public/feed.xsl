<?xml version="1.0" encoding="utf-8"?>
<!--
  清单 qingdan: an Atom feed opened in a browser, shown as a page in Chinese. Feed readers never use this
  file; browsers fetch it through the feed's <?xml-stylesheet?> line. XSLT 1.0, no scripts, no external
  requests: the styles are inline and every link points at this site.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="http://www.w3.org/2005/Atom" exclude-result-prefixes="a">
  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>

  <!-- "2026-12-03T00:00:00+08:00" → "2026年12月3日" -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:value-of select="concat(substring($value, 1, 4), '年', number(substring($value, 6, 2)), '月', number(substring($value, 9, 2)), '日')"/>
  </xsl:template>

  <xsl:template match="/">
    <xsl:apply-templates select="a:feed"/>
  </xsl:template>

  <xsl:template match="a:feed">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="a:title"/>（订阅源）</title>
        <style>
          :root { --fg: #1a1a1a; --muted: #4b5563; --rule: #d1d5db; --panel: #f5f7f6; --link: #0b57d0; --brand: #0f4c3a; --demo-bg: #fff4d6; --demo-fg: #4a2500; --demo-edge: #b45309; color-scheme: light; }
          * { box-sizing: border-box; }
          body { margin: 0; color: var(--fg); background: #fff; font: 17px/1.7 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif; }
          header.site { background: var(--brand); color: #fff; padding: 0.6rem 1rem; }
          header.site a { color: #fff; font-weight: 700; text-decoration: none; }
          main { max-width: 46rem; margin: 0 auto; padding: 0 1rem 3rem; }
          h1 { font-size: 1.5rem; line-height: 1.4; margin: 1.25rem 0 0.5rem; }
          h2 { font-size: 1.15rem; line-height: 1.5; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
          a { color: var(--link); }
          .about { background: var(--panel); border: 1px solid var(--rule); border-left: 6px solid var(--brand); border-radius: 4px; padding: 0.6rem 1rem; margin: 1rem 0; }
          .about p { margin: 0.25rem 0; }
          code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; background: #fff; padding: 0 0.2em; }
          .demo { background: var(--demo-bg); color: var(--demo-fg); border: 2px solid var(--demo-edge); border-left-width: 8px; border-radius: 4px; padding: 0.6rem 1rem; margin: 1rem 0; }
          .meta { color: var(--muted); font-size: 0.92em; margin: 0 0 0.4rem; }
          ol.entries { list-style: none; padding: 0; margin: 0; }
          ol.entries > li { border-top: 1px solid var(--rule); padding: 1rem 0; }
          .summary { white-space: pre-line; margin: 0; overflow-wrap: anywhere; }
          .tag { display: inline-block; font-size: 0.8em; line-height: 1.5; padding: 0 0.4em; margin-left: 0.3em; border: 1px solid var(--muted); border-radius: 3px; white-space: nowrap; }
          .tag.demo-tag { border: 1px dashed var(--demo-edge); background: var(--demo-bg); color: var(--demo-fg); }
          .empty { color: var(--muted); }
        </style>
      </head>
      <body>
        <header class="site"><a href="/">清单 · 生态文明任务公开</a></header>
        <main>
          <h1><xsl:value-of select="a:title"/></h1>
          <div class="about" role="note" aria-label="什么是订阅源">
            <p>这是一个<strong>订阅源（Atom）</strong>：把本页网址复制到订阅阅读器（RSS/Atom 阅读器）中，即可在任务状态变化时收到更新。</p>
            <p>订阅网址：<code><xsl:value-of select="a:link[@rel='self']/@href"/></code></p>
            <xsl:if test="a:link[@rel='alternate']">
              <p>网页版：<a href="{a:link[@rel='alternate']/@href}">查看对应页面</a>。更新于 <xsl:call-template name="date"><xsl:with-param name="value" select="a:updated"/></xsl:call-template>。</p>
            </xsl:if>
          </div>
          <xsl:if test="a:subtitle">
            <xsl:choose>
              <xsl:when test="a:entry/a:category[@term='demo']">
                <p class="demo" role="note"><xsl:value-of select="a:subtitle"/></p>
              </xsl:when>
              <xsl:otherwise>
                <p><xsl:value-of select="a:subtitle"/></p>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="a:entry">
              <ol class="entries">
                <xsl:apply-templates select="a:entry"/>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty">目前没有任何状态变化。</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="a:entry">
    <li>
      <article>
        <h2><a href="{a:link[@rel='alternate']/@href}"><xsl:value-of select="a:title"/></a></h2>
        <p class="meta">
          <xsl:call-template name="date"><xsl:with-param name="value" select="a:updated"/></xsl:call-template>
          <xsl:if test="a:author/a:name"> · <xsl:value-of select="a:author/a:name"/></xsl:if>
          <xsl:for-each select="a:category">
            <span>
              <xsl:attribute name="class">
                <xsl:choose>
                  <xsl:when test="@term='demo'">tag demo-tag</xsl:when>
                  <xsl:otherwise>tag</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:value-of select="@label"/>
            </span>
          </xsl:for-each>
        </p>
        <p class="summary"><xsl:value-of select="a:summary"/></p>
      </article>
    </li>
  </xsl:template>
</xsl:stylesheet>
