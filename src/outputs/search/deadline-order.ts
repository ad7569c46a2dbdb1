// Sorting search results by deadline without Pagefind's sort index. Pagefind keeps a sort's page
// order in its metadata, which every reader downloads with the first query whatever order they want:
// 12–14 KB per shard at 10,000 tasks (measured: a first query's median 317 KB with it, 289 KB without).
// Instead each shard carries a file of its pages' deadlines, written beside its index (stage.ts) and
// fetched only when a reader sorts (client.ts). Browser-safe: no Node imports.

/** The deadline file in each shard's folder. */
export const DEADLINES_FILE = 'qingdan-deadlines.json';

/**
 * Pages by deadline: Pagefind page id prefix (the language, "zh-cn_") → deadline date → the rest of
 * each id, space-separated. Ids are Pagefind's fragment names (zh-cn_a3a67ed; a longer one where
 * the short hash collides). Pages without a dated deadline are not listed.
 */
export type DeadlineFile = Record<string, Record<string, string>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date a record sorts by: its deadline when that is a date (records.ts puts it in meta). */
export function sortDate(meta: Readonly<Record<string, string>>): string | null {
  const deadline = meta.deadline ?? '';
  return ISO_DATE.test(deadline) ? deadline : null;
}

/**
 * The deadline file of one shard, from its pages' ids and dates: in id order, so the same pages give
 * the same bytes whatever order Pagefind hands its files over in.
 */
export function deadlineFile(pages: Iterable<{ id: string; date: string | null }>): DeadlineFile {
  const out: DeadlineFile = {};
  for (const { id, date } of [...pages].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!date) continue;
    const cut = id.indexOf('_') + 1;
    const byDate = (out[id.slice(0, cut)] ??= {});
    byDate[date] = byDate[date] ? `${byDate[date]} ${id.slice(cut)}` : id.slice(cut);
  }
  return out;
}

/** Page id → deadline date, over the deadline files of every shard. */
export function deadlineIndex(files: readonly DeadlineFile[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const file of files)
    for (const [prefix, byDate] of Object.entries(file))
      for (const [date, rests] of Object.entries(byDate)) for (const rest of rests.split(' ')) if (rest) index.set(prefix + rest, date);
  return index;
}

/** Results by deadline, earliest first, undated last; equal deadlines keep their order (relevance). */
export function sortByDeadline<T extends { id: string }>(results: readonly T[], index: ReadonlyMap<string, string>): T[] {
  const keyed = results.map((r, i) => ({ r, i, date: index.get(r.id) ?? '9999-12-31' }));
  keyed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  return keyed.map((k) => k.r);
}
