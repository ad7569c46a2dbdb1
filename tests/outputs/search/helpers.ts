// Shared by the search tests: a portal of six documents of five tasks each.
import { makePortal } from '../../fixtures/portal-data';
import type { SpecDocument } from '../../fixtures/portal';

/** Six documents of five tasks; `changed` flips the 2020 status of one task of the fourth. */
export function portalOf(changed = false) {
  const specs: SpecDocument[] = Array.from({ length: 6 }, (_, d) => ({
    slug: `plan-${d}`,
    title: `第${d}号生态环境保护工作方案`,
    regionCode: d % 2 ? '542521' : '542500',
    tasks: Array.from({ length: 5 }, (_, t) => ({
      localId: `t${t}`,
      text: `推进第${d}-${t}项草原生态保护。(地区农牧局)`,
      units: [{ name: '地区农牧局', role: 'lead' as const }],
      deadline: t === 4 ? null : { text: `${2019 + t}年底前`, date: `${2019 + t}-12-31` },
      reports: { '2020': { status: changed && d === 3 && t === 2 ? ('已完成' as const) : ('达到序时进度' as const) } },
    })),
  }));
  return makePortal(specs);
}
