// Text into HTML, SVG and XML (escape.ts): the five metacharacters escaped, characters XML 1.0 forbids dropped.
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/portal/escape';

describe('escapeXml', () => {
  it('escapes the five metacharacters and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(escapeXml('a\u0000b\u0008c\u000Bd\tē\n')).toBe('abcd\tē\n');
    expect(escapeXml('😀 \uD800x')).toBe('😀 x');
  });
});

describe('svg helpers', () => {
  it('escapes markup and quotes, drops XML-illegal control characters', () => {
    expect(escapeXml(`<script>"a"&'b'</script>\u0001`)).toBe('&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&lt;/script&gt;');
  });
});
