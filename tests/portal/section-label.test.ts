// Section and task numbers written the way the documents write them (section-label.ts).
import { describe, expect, it } from 'vitest';
import { sectionLabel, sectionNumber, taskName, taskNumberMark } from '../../src/portal/section-label';

describe('section labels', () => {
  it('shows the number as the text writes it, punctuation and all', () => {
    expect(sectionNumber({ marker: '一、', number: '一', implicit: false })).toBe('一、');
    expect(sectionNumber({ marker: '(一)', number: '一', implicit: false })).toBe('(一)');
    expect(sectionNumber({ marker: '12.', number: '12', implicit: false })).toBe('12.');
    expect(sectionNumber({ marker: '②', number: '2', implicit: false })).toBe('②');
    expect(sectionNumber({ marker: '', number: '3', implicit: true })).toBe('第3组');
  });

  it('joins number and title as the text does, with a space only after a word-like marker', () => {
    expect(sectionLabel({ marker: '（一）', number: '一', implicit: false, title: '优化国土空间开发格局' })).toBe(
      '（一）优化国土空间开发格局',
    );
    expect(sectionLabel({ marker: '一、', number: '一', implicit: false, title: '总体要求' })).toBe('一、总体要求');
    expect(sectionLabel({ marker: '第三条', number: '三', implicit: false, title: '适用范围' })).toBe('第三条 适用范围');
    expect(sectionLabel({ marker: '', number: '1', implicit: true, title: '第1组' })).toBe('第1组（原文未设标题）');
  });
});

describe('task numbers', () => {
  it('writes the mark the way the text does', () => {
    expect(taskNumberMark({ marker: '4.' })).toBe('4.');
    expect(taskNumberMark({ marker: '（十四）' })).toBe('（十四）');
    expect(taskNumberMark({ marker: '(十四)' })).toBe('(十四)');
    expect(taskNumberMark({ marker: '' })).toBe('');
    expect(taskName('任务', '4')).toBe('任务 4');
    expect(taskName('问题', '一')).toBe('问题一');
  });
});
