// The link policy (src/domain/links.ts): every URL from documents' metadata, the registry or status data.
import { describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../src/domain/links';

describe('isAllowedUrl', () => {
  it.each(['https://www.gov.cn/a.html', 'http://example.gov.cn/', '/tasks/a/t1/'])('allows %s', (u) => expect(isAllowedUrl(u)).toBe(true));
  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil.example/',
    'ftp://x.cn/a',
    'mailto:a@b.cn',
    'tasks/a',
    'https://',
    'https://a b.cn/',
  ])('refuses %s', (u) => expect(isAllowedUrl(u)).toBe(false));
});
