// Shared by the PDF tests: the demo label and what a spec or a typst source is read for.
export const DEMO = '示例数据（非官方）';

/** The 9 status counts of a spec's totals, in ALL_STATUSES order (尚未启动 … 长期坚持, 未报告, 已逾期). */
export const countsList = (counts: { count: number }[]) => counts.map((c) => c.count);

/** The typst source's level-1 headings. */
export const chapters = (source: string) => [...source.matchAll(/^= (.*)$/gm)].map((m) => m[1]);
