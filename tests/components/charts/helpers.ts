// Shared by the chart tests: status counts from a partial table, and the segments a chart draws.
import { ALL_STATUSES } from '../../../src/domain/status-catalogue';
import type { Status, StatusCounts } from '../../../src/domain/types';

export function counts(partial: Partial<Record<Status, number>>): StatusCounts {
  return Object.fromEntries(ALL_STATUSES.map((s) => [s, partial[s] ?? 0])) as StatusCounts;
}

/** Segment widths (fractions) of each row, in order, with their classes. */
export function segments(svg: string): { row: number; cls: string; x: number; w: number }[] {
  const out: { row: number; cls: string; x: number; w: number }[] = [];
  const rows = svg.split('<div class="bar-row">').slice(1);
  rows.forEach((r, row) => {
    for (const m of r.matchAll(/<rect class="seg ([^"]+)" x="([\d.]+)%" y="\d+" width="([\d.]+)%"/g)) {
      out.push({ row, cls: m[1], x: Number(m[2]) / 100, w: Number(m[3]) / 100 });
    }
  });
  return out;
}
