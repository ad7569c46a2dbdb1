// The status catalogue (status-catalogue.ts): every status word once, reported and derived kept apart, a
// distinct ASCII slug each, and which words report completion.
import { describe, expect, it } from 'vitest';
import {
  ALL_STATUSES,
  DERIVED_STATUSES,
  EXCLUSIVE_STATUSES,
  REPORTED_STATUSES,
  STATUS,
  STATUS_CATALOGUE,
  STATUS_DESCRIPTIONS,
  isComplete,
  isSelfReportedComplete,
  isVerifiedClosed,
  statusEntry,
  statusTable,
} from '../../src/domain/status-catalogue';

describe('the catalogue', () => {
  it('holds every status once, in display order: the reported words, then the derived ones', () => {
    expect(STATUS_CATALOGUE.map((e) => e.word)).toEqual([...ALL_STATUSES]);
    expect(new Set(ALL_STATUSES).size).toBe(ALL_STATUSES.length);
    expect(ALL_STATUSES).toEqual([...REPORTED_STATUSES, ...DERIVED_STATUSES]);
    expect(Object.values(STATUS).sort()).toEqual([...ALL_STATUSES].sort());
  });

  it('keeps the words a unit may enter apart from the ones the portal derives', () => {
    expect(REPORTED_STATUSES).toEqual(['尚未启动', '未达到序时进度', '达到序时进度', '超过序时进度', '已完成', '已销号', '长期坚持']);
    expect(DERIVED_STATUSES).toEqual(['未报告', '已逾期']);
    expect(REPORTED_STATUSES.filter((s) => (DERIVED_STATUSES as readonly string[]).includes(s))).toEqual([]);
    // 已逾期 is a flag on top of a status: every other status is one a task has exactly one of.
    expect(EXCLUSIVE_STATUSES).toEqual(ALL_STATUSES.filter((s) => s !== STATUS.overdue));
  });

  it('gives every status a distinct ASCII slug for CSS', () => {
    const slugs = STATUS_CATALOGUE.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('finds the entry of a status, and makes tables in catalogue order', () => {
    for (const s of ALL_STATUSES) expect(statusEntry(s).word).toBe(s);
    const table = statusTable((e) => e.slug);
    expect(Object.keys(table)).toEqual([...ALL_STATUSES]);
    expect(table[STATUS.unreported]).toBe('unreported');
  });

  it('gives colours as #rrggbb, and breaks a printed word only between its parts', () => {
    for (const e of STATUS_CATALOGUE) {
      for (const c of [e.colours.bg, e.colours.fg, e.highContrast.bg, e.highContrast.fg]) expect(c, e.word).toMatch(/^#[0-9a-f]{6}$/);
      if (e.printLines) expect(e.printLines.join(''), e.word).toBe(e.word);
    }
    // 未报告 is an absence, drawn dashed, in both modes.
    expect(statusEntry(STATUS.unreported).colours.dashed).toBe(true);
    expect(statusEntry(STATUS.unreported).highContrast.dashed).toBe(true);
  });
});

describe('counting and completion', () => {
  it('describes every status', () => {
    for (const s of ALL_STATUSES) expect(STATUS_DESCRIPTIONS[s].length).toBeGreaterThan(4);
  });
});

describe('completion', () => {
  it('reports completion by two words only: 已完成 self-reported, 已销号 verified', () => {
    expect(ALL_STATUSES.filter(isSelfReportedComplete)).toEqual(['已完成']);
    expect(ALL_STATUSES.filter(isVerifiedClosed)).toEqual(['已销号']);
    expect(STATUS_CATALOGUE.filter((e) => e.completion !== null).map((e) => [e.word, e.completion])).toEqual([
      ['已完成', 'self-reported'],
      ['已销号', 'verified'],
    ]);
  });

  it('isComplete: either form of completion stops the overdue clock, nothing else does', () => {
    expect(ALL_STATUSES.filter(isComplete)).toEqual(['已完成', '已销号']);
    for (const s of ['长期坚持', '超过序时进度', '未报告', '已逾期'] as const) expect(isComplete(s), s).toBe(false);
  });
});
