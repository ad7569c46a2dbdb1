// Targets (目标) against the latest reported value: "森林覆盖率达到38.5%" vs 37.9% (2020年).
import type { Period, StatusReport, Target } from '../domain/types';
import { comparePeriods } from '../domain/periods';

export interface TargetProgress {
  target: Target;
  index: number;
  latest: { value: number; unit: string | null; note?: string; period: Period; demo: boolean } | null;
  /** value / target.value when both are numbers and the target is positive. */
  ratio: number | null;
}

/** For each target of the task, the value from the most recent period that reported one. */
export function targetProgress(targets: readonly Target[], reports: readonly StatusReport[]): TargetProgress[] {
  const ordered = [...reports].sort((a, b) => comparePeriods(b.period, a.period));
  return targets.map((target, index) => {
    for (const r of ordered) {
      const ind = r.indicators.find((i) => i.target === index);
      if (!ind) continue;
      const ratio = target.value !== null && target.value > 0 ? ind.value / target.value : null;
      return {
        target,
        index,
        latest: {
          value: ind.value,
          unit: ind.unit ?? target.unit,
          ...(ind.note ? { note: ind.note } : {}),
          period: r.period,
          demo: r.source === 'demo',
        },
        ratio,
      };
    }
    return { target, index, latest: null, ratio: null };
  });
}
