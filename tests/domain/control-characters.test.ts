// Control characters dropped where input is read (control-characters.ts).
import { describe, expect, it } from 'vitest';
import { dataWithoutControlCharacters, withoutControlCharacters } from '../../src/domain/control-characters';

describe('withoutControlCharacters', () => {
  it('drops C0 controls, DEL and C1 controls', () => {
    expect(withoutControlCharacters('整\u0000改\u0007完\u001b成\u007f了\u0085。\u000b')).toBe('整改完成了。');
  });

  it('keeps tab, line feed, form feed and carriage return, and every other character', () => {
    const text = '第一条\t责任单位\n第二条\f\r\n〔2018〕\u200b😀';
    expect(withoutControlCharacters(text)).toBe(text);
  });

  it('gives the same answer however often it is called (no regex state carried over)', () => {
    expect([1, 2, 3].map(() => withoutControlCharacters('a\u0000b'))).toEqual(['ab', 'ab', 'ab']);
  });
});

describe('dataWithoutControlCharacters', () => {
  it('cleans every string inside lists and maps, leaving other values', () => {
    const data = { reports: [{ progress: '完成\u0000', count: 3, ok: true, evidence: [{ title: '\u001b通报' }] }], note: null };
    expect(dataWithoutControlCharacters(data)).toEqual({
      reports: [{ progress: '完成', count: 3, ok: true, evidence: [{ title: '通报' }] }],
      note: null,
    });
  });
});

describe('dataWithoutControlCharacters on shared values', () => {
  it('visits a list shared many times once (YAML aliases), in linear time', () => {
    let level: unknown[] = ['a\u0000'];
    for (let i = 0; i < 60; i++) level = [level, level]; // 2^60 paths, 61 lists
    const started = Date.now();
    dataWithoutControlCharacters(level);
    expect(Date.now() - started).toBeLessThan(1000);
    let inner: unknown = level;
    while (Array.isArray(inner) && Array.isArray(inner[0])) inner = inner[0];
    expect(inner).toEqual(['a']);
  });
});
