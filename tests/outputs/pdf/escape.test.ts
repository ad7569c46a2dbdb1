// Text into typst markup (escape.ts): every markup character escaped, checked on what a real compile makes of it.
import { describe, expect, it, vi } from 'vitest';
import { escapeTypst, escapeTypstLines, typstString } from '../../../src/outputs/pdf/escape';
import { HOSTILE_TEXT } from '../../fixtures/portal-pdf';
import { compileSnippet, pdftotext, snippetCompiler, snippetText, toFile } from './poppler';

// Real typst compiles and poppler runs: generous limits for a busy CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('escapeTypst', () => {
  it('backslash-escapes every markup character', () => {
    for (const c of ['#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '\\', '/', '~', '=', '-', '+', '"', "'", '.', ':']) {
      expect(escapeTypst(`a${c}b`)).toBe(`a\\${c}b`);
    }
    expect(escapeTypst('中文，没有特殊字符')).toBe('中文，没有特殊字符');
  });

  it('collapses whitespace and newlines so escaped text never starts a source line', () => {
    expect(escapeTypst('  一\n\n= 二\t三 ')).toBe('一 \\= 二 三');
    expect(escapeTypst('a\u0000b\u001Fc\u2028d')).toBe('abcd');
  });

  it('keeps lines and paragraphs in escapeTypstLines', () => {
    expect(escapeTypstLines('一\n- 二\n\n\n1. 三')).toBe('一 \\\n\\- 二\n\n1\\. 三');
  });

  it('prints hostile text exactly as written and creates no markup elements', () => {
    const samples = [
      HOSTILE_TEXT,
      '#read("/etc/passwd") #import "x.typ": * $ a^2 $',
      '= 标题\n- 列表\n+ 编号\n/ 术语: 解释\n1. 一\n2) 二',
      'http://example.com/a_b*c // 不是注释 /* 也不是 */',
      '--- -- ... -? ~ \\u{41} \\',
      '<label> @ref [内容] {代码} "双引" \'单引\'',
    ];
    for (const s of samples) {
      const doc = compileSnippet(`#block[${escapeTypst(s)}]\n\n${escapeTypstLines(s)}`);
      // (Smart quotes are not queryable: the exact-text comparison below catches curly quotes.)
      for (const sel of ['heading', 'list', 'enum', 'terms', 'strong', 'emph', 'raw', 'math.equation', 'ref', 'link']) {
        expect(snippetCompiler.query(doc, { selector: sel }), `${sel} in ${s}`).toEqual([]);
      }
      const expected = s.replace(/\s+/g, '');
      expect(pdftotext(toFile(snippetCompiler.pdf(doc))).replace(/\s+/g, '')).toBe(expected + expected);
    }
  });

  it('typstString survives quotes, backslashes and newlines', () => {
    const s = 'a"b\\c\nd#e';
    expect(snippetText(`#text(${typstString(s)})`)).toBe('a"b\\cd#e');
  });
});
