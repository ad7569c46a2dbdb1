// Section and task numbers written the way the documents write them (section-label.ts).
import { describe, expect, it } from 'vitest';
import { sectionLabel, sectionNumber, taskName, taskNumberMark } from '../../src/components/section-label';

describe('section labels', () => {
  it('restores the punctuation of each level', () => {
    expect(sectionNumber({ level: 1, number: '一', implicit: false })).toBe('一、');
    expect(sectionNumber({ level: 2, number: '（一）', implicit: false })).toBe('（一）');
    expect(sectionNumber({ level: 3, number: '12', implicit: false })).toBe('12.');
    expect(sectionNumber({ level: 4, number: '3', implicit: false })).toBe('（3）');
    expect(sectionNumber({ level: 5, number: '2', implicit: false })).toBe('②');
    expect(sectionLabel({ level: 2, number: '一', implicit: false, title: '优化国土空间开发格局' })).toBe('（一）优化国土空间开发格局');
    expect(sectionLabel({ level: 3, number: '1', implicit: true, title: '第1组' })).toBe('第1组（原文未设标题）');
  });
});

describe('task numbers', () => {
  it('writes the mark the way the text does', () => {
    expect(taskNumberMark('4')).toBe('4.');
    expect(taskNumberMark('2-3')).toBe('2-3.');
    expect(taskNumberMark('一')).toBe('一、');
    expect(taskNumberMark('（十四）')).toBe('（十四）');
    expect(taskName('任务', '4')).toBe('任务 4');
    expect(taskName('问题', '一')).toBe('问题一');
  });
});
