// Traditional → simplified with OpenCC: only text written in traditional characters is
// converted; simplified text comes back as the very same string; lines are kept.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/sources/text-decode';
import { countScript, isTraditional, simplifiedWord, toSimplified } from '../../src/sources/traditional';
import { REPORTED_STATUSES } from '../../src/domain/status-catalogue';
import { DOCUMENTS, fixture, fixtureBytes } from './documents/formats/helpers';

describe('simplified text is returned unchanged', () => {
  const files = [
    ...DOCUMENTS.map((name) => fixture(name, 'source.txt')),
    ...readdirSync('content/documents')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `content/documents/${f}`),
  ];
  it.each(files)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    const result = toSimplified(text);
    expect(result.converted).toBe(false);
    expect(result.from).toBeUndefined();
    expect(result.text).toBe(text);
  });

  it('a simplified plan quoting traditional names stays as it is', () => {
    const text = '（三）加强两岸交流。支持“臺灣同胞”来大陆发展，落实《關於促進兩岸交流合作的若干措施》。\n牵头单位：市台办\n';
    expect(isTraditional(text)).toBe(false);
    expect(toSimplified(text).text).toBe(text);
  });

  it('text without Chinese characters', () => {
    expect(toSimplified('1. plan\n\n2. report\n')).toEqual({ text: '1. plan\n\n2. report\n', converted: false });
  });
});

describe('traditional text is converted', () => {
  it('the Big5 fixture (Taiwan standard) gives back the simplified original, line for line', () => {
    const traditional = decodeText(fixtureBytes('aletai', 'source.big5.txt')).text;
    const original = readFileSync(fixture('aletai', 'source.txt'), 'utf8');
    expect(countScript(traditional).simplified).toBe(0);
    const result = toSimplified(traditional);
    expect(result).toEqual({ text: original, converted: true, from: 'tw' });
    expect(result.text.split('\n')).toHaveLength(traditional.split('\n').length);
  });

  it('Hong Kong forms (綫, 衞) are read as Hong Kong text', () => {
    const text = '一、加強公共衞生體系建設\n\n（一）完善綫上服務。由衞生署負責，發展局配合。\n';
    const result = toSimplified(text);
    expect(result.converted).toBe(true);
    expect(result.from).toBe('hk');
    expect(result.text).toBe('一、加强公共卫生体系建设\n\n（一）完善线上服务。由卫生署负责，发展局配合。\n');
  });

  it('keeps blank lines, line ends and white space', () => {
    const text = '\n關於印發實施方案的通知\n\n  （一）加強組織領導。\t\n\n';
    const result = toSimplified(text);
    expect(result.text).toBe('\n关于印发实施方案的通知\n\n  （一）加强组织领导。\t\n\n');
  });
});

describe('simplifiedWord: status words and column names typed in traditional characters', () => {
  it('gives the word as the catalogue writes it', () => {
    expect(['尚未啟動', '未達到序時進度', '達到序時進度', '超過序時進度', '已完成', '已銷號', '長期堅持'].map(simplifiedWord)).toEqual([
      ...REPORTED_STATUSES,
    ]);
    expect(['文件', '報告期', '任務', '狀態', '進展情況', '佐證資料', '指標', '報告單位', '報告日期', '來源'].map(simplifiedWord)).toEqual([
      '文件',
      '报告期',
      '任务',
      '状态',
      '进展情况',
      '佐证资料',
      '指标',
      '报告单位',
      '报告日期',
      '来源',
    ]);
  });

  it('leaves simplified words as they are', () => {
    for (const word of REPORTED_STATUSES) expect(simplifiedWord(word)).toBe(word);
  });
});
