// The link rule (src/domain/links.ts): one allow-list for every URL that reaches a page, a feed, a PDF or
// a data file, whether it comes from documents' metadata, status data or the Markdown of a progress note.
import { describe, expect, it } from 'vitest';
import { isAllowedUrl, linkableUrl } from '../../src/domain/links';

describe('isAllowedUrl', () => {
  it.each([
    'https://www.gov.cn/a.html',
    'http://example.gov.cn/',
    'HTTPS://WWW.GOV.CN/A.HTML',
    'https://www.gov.cn',
    'https://www.gov.cn./x',
    'https://www.gov.cn:8443/a?b=1&c=2#d',
    'https://www.gov.cn/zhengce/中文路径/?q=生态#第二条',
    'https://www.gov.cn/a%20b',
    'https://xn--fiq228c.cn/',
    'http://1.2.3.4/x',
    'https://[2001:db8::1]/x',
    '/tasks/a/t1/',
    '/methodology/#overdue',
    '/',
  ])('allows %s', (u) => expect(isAllowedUrl(u)).toBe(true));

  it.each([
    // Schemes that run script or carry a document of their own, in any case.
    ['javascript', 'javascript:alert(1)'],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript with slashes', 'javascript://www.gov.cn/%0aalert(1)'],
    ['data', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['VBScript', 'VBScript:msgbox(1)'],
    ['file', 'file:///etc/passwd'],
    ['ftp', 'ftp://x.cn/a'],
    ['mailto', 'mailto:a@b.cn'],
    ['blob', 'blob:https://x.cn/uuid'],
    // Other hosts without a scheme, and relative paths.
    ['protocol-relative', '//evil.example/'],
    ['protocol-relative, backslash', '/\\evil.example/'],
    ['backslashes', '\\\\evil.example\\'],
    ['https with one slash', 'https:/evil.example/'],
    ['https without slashes', 'https:evil.example'],
    ['https with backslashes', 'https:\\\\evil.example\\'],
    ['relative', 'tasks/a'],
    ['dot-relative', './a'],
    ['bare host', 'www.gov.cn/a'],
    ['empty', ''],
    // Credentials, and the host hidden behind them.
    ['user and password', 'http://user:pw@x.cn/'],
    ['user only', 'https://user@x.cn/'],
    ['empty userinfo', 'https://@x.cn/'],
    ['gov.cn before @', 'https://www.gov.cn@evil.example/'],
    ['encoded @ stays in the host', 'https://www.gov.cn%40evil.example/'],
    // Malformed.
    ['no host', 'https://'],
    ['no host, path', 'https:///a'],
    ['port too large', 'https://x.cn:99999/'],
    ['port not a number', 'https://x.cn:ab/'],
    ['underscore host', 'https://a_b.cn/'],
    ['host with a space', 'https://a b.cn/'],
    ['non-ASCII host', 'https://政府.cn/'],
    ['look-alike host (Cyrillic а)', 'https://www.gоv.cn/'],
    ['unclosed IPv6', 'https://[::1/'],
    // Whitespace and control characters that browsers strip or that hide a scheme.
    ['leading space', ' https://x.cn/'],
    ['trailing space', 'https://x.cn/ '],
    ['leading space before javascript', ' javascript:alert(1)'],
    ['tab inside javascript', 'java\tscript:alert(1)'],
    ['newline inside javascript', 'java\nscript:alert(1)'],
    ['carriage return', 'java\rscript:alert(1)'],
    ['NUL', 'java\u0000script:alert(1)'],
    ['NUL in path', 'https://x.cn/\u0000'],
    ['C1 control', 'https://x.cn/\u0085'],
    ['zero-width space', 'https://x.cn/\u200b'],
    ['zero-width joiner in scheme', 'java\u200dscript:alert(1)'],
    ['right-to-left override', 'https://x.cn/\u202egnp.exe'],
    ['BOM', '\ufeffhttps://x.cn/'],
    ['ideographic space', 'https://x.cn/\u3000'],
    ['no-break space', 'https://x.cn/\u00a0'],
    ['line separator', 'https://x.cn/\u2028'],
    ['lone surrogate', 'https://x.cn/\ud800'],
    ['quote', 'https://x.cn/"onmouseover="alert(1)'],
    ['angle brackets', 'https://x.cn/<script>'],
    ['backtick', 'https://x.cn/`'],
    ['backslash in path', 'https://x.cn\\@evil.example/'],
  ])('refuses %s: %j', (_, u) => expect(isAllowedUrl(u)).toBe(false));

  it('refuses what is not a string', () => {
    for (const v of [null, undefined, 1, {}, ['https://x.cn/']]) expect(isAllowedUrl(v as unknown as string)).toBe(false);
  });
});

describe('linkableUrl', () => {
  it('gives the URL if it may be a link, else null', () => {
    expect(linkableUrl('https://www.gov.cn/a.html')).toBe('https://www.gov.cn/a.html');
    expect(linkableUrl('/tasks/a/t1/')).toBe('/tasks/a/t1/');
    expect(linkableUrl('javascript:alert(1)')).toBeNull();
    expect(linkableUrl(' https://x.cn/')).toBeNull();
    expect(linkableUrl(null)).toBeNull();
    expect(linkableUrl(undefined)).toBeNull();
  });
});
