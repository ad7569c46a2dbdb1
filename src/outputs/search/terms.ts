// Search keys: where Pagefind's Chinese segmentation and a citizen's query disagree, measured
// with tests/e2e/search.test.ts over tests/fixtures/search-queries.json.
//
// How Pagefind 1.6 matches Chinese (measured in Chromium): the browser splits the query with ICU
// (Intl.Segmenter), and ICU knows few names, so 发改局 → 发|改|局, 日月山 → 日|月|山, 湟水河 → 湟|水|河.
// Every piece must be a prefix of some word of the page (AND), and Pagefind indexes every single
// character, so the characters of a short name match almost every long page; ranking then adds
// one BM25 score per distinct word starting with a piece, so long pages win by sheer variety and
// a page where 发, 改 and 局 stand apart ranks with one that says 县发改局.
//
// The fix has two halves. Here, hidden meta fields (k_*) of space-separated n-grams: Pagefind
// splits meta values at spaces only, and adds per field weight × IDF × (share of the query found)²,
// so a field pays only when it holds the whole query. The n-grams start where ICU starts a word,
// as the query will be split, and one field per name keeps the characters of different names from
// adding up. The other half is PAGEFIND_RANKING, which the search page must pass to
// pagefind.options(): the field weights, and termSimilarity so that the piece 局 counts the word
// 局 rather than every word that starts with it.

import { boundedMemo, MEMO_CHARS } from '../../portal/bounded-memo';

const HAN = /\p{Script=Han}/u;

// Node's ICU splits Chinese as Chromium's does (identical on every query of the test set), so the
// index can split a phrase the way a query for it will be split. Created on first use: the search
// page imports PAGEFIND_RANKING from this module, and a browser without Intl.Segmenter must still
// load it.
let segmenter: Intl.Segmenter | undefined;

interface Piece {
  text: string;
  han: boolean;
}

/**
 * A phrase as ICU splits it, with whether each piece is Chinese. Remembered: the same unit names,
 * titles and phrases are split for many records (68,800 calls for 12,722 distinct texts at 10,000
 * tasks; the search records took 2.9 s, 2.2 s with the memo). The pieces are shared: never changed.
 */
export const icuPieces: (text: string) => readonly Readonly<Piece>[] = boundedMemo(
  (text) => {
    segmenter ??= new Intl.Segmenter('zh-cn', { granularity: 'word' });
    return [...segmenter.segment(text)].map((s) => ({
      text: s.segment,
      han: HAN.test(s.segment) && [...s.segment].every((c) => HAN.test(c)),
    }));
  },
  MEMO_CHARS,
  (text) => 2 * text.length,
);

/**
 * N-grams at word starts: for every place where ICU starts a Chinese word, the words from there
 * on, joined one more at a time while they fit in `max` characters (县生态环境局 → 县, 县生态,
 * 县生态环境, 县生态环境局, 生态, 生态环境…). Every piece of a query that ICU splits at the same places
 * (县|发|改|局 inside 湟源县|发|改|局) is then one of them, or a prefix of one; a character inside a
 * word is not (发 inside 开发), so 开发区域 does not answer 发改局.
 *
 * The shorter n-grams repeat what the longer ones already answer, on purpose: Pagefind 1.6 loads
 * only the index chunk where a query piece itself sorts, so when 发 ends one chunk and 发改局 starts
 * the next, a search for 发|改|局 never sees 发改局. The piece itself is always in its own chunk.
 */
export function edgeGrams(text: string, max = 6): string[] {
  const out = new Set<string>();
  const pieces = icuPieces(text);
  for (let i = 0; i < pieces.length; i++) {
    let gram = '';
    for (let j = i; j < pieces.length && pieces[j]!.han; j++) {
      const next = gram + pieces[j]!.text;
      if ([...next].length > max) {
        if (gram === '') out.add([...next].slice(0, max).join(''));
        break;
      }
      gram = next;
      out.add(gram);
    }
  }
  return [...out];
}

/**
 * Words ICU does not know come out as single characters (日月山 → 日|月|山, 扎麻隆 → 扎|麻|隆):
 * names of places, programmes and units. A query for one is split the same way, and its
 * characters also occur scattered over long texts; these runs are what tells the two apart.
 * Returns each run of two or more single-character pieces.
 */
export function unknownWordRuns(text: string): string[] {
  const out = new Set<string>();
  let run = '';
  const flush = () => {
    if ([...run].length >= 2) out.add(run);
    run = '';
  };
  for (const p of icuPieces(text)) {
    if (p.han && [...p.text].length === 1) run += p.text;
    else flush();
  }
  flush();
  return [...out];
}

/** Level words a unit name may start with once the region is dropped (县发改局 → 发改局). */
const LEVEL_PREFIXES = ['自治区党委', '区党委', '自治区', '地区', '地委', '市委', '县委', '区委', '县', '市', '区', '省', '州', '盟'];

/**
 * The forms of a unit name a citizen types: as written, without the region name
 * (湟源县发展和改革局 → 发展和改革局) and without the level word (县发改局 → 发改局).
 */
export function unitNameForms(name: string, regionNames: readonly string[]): string[] {
  const out = new Set<string>([name]);
  const queue = [name];
  const byLength = [...new Set(regionNames)].filter((r) => r.length > 0).sort((a, b) => b.length - a.length);
  while (queue.length) {
    const n = queue.pop()!;
    for (const prefix of [...byLength, ...LEVEL_PREFIXES]) {
      if (!n.startsWith(prefix)) continue;
      const rest = n.slice(prefix.length);
      // Keep at least two characters and a Chinese start: 市局 → 局 would match everything.
      if ([...rest].length < 2 || !HAN.test(rest[0]!) || out.has(rest)) continue;
      out.add(rest);
      queue.push(rest);
    }
  }
  return [...out];
}

/**
 * Drop the forms that contain a region's name (湟源县发展和改革局, 中共西藏自治区委员会): a search
 * for the region belongs to the region's own page, not to every unit and task in it.
 */
export function withoutRegion(forms: readonly string[], regionNames: readonly string[]): string[] {
  return forms.filter((f) => !regionNames.some((r) => r && f.includes(r)));
}

/** N-grams from every character of a run of unknown-word characters (each is a word start). */
export function runGrams(run: string, max = 6): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++)
    for (let j = i + 1; j <= Math.min(chars.length, i + max); j++) out.push(chars.slice(i, j).join(''));
  return out;
}

/** Meta field value: Pagefind splits meta values at spaces only, so each n-gram stays one word. */
export function joinKeys(grams: Iterable<string>): string {
  return [...new Set(grams)].filter((g) => g !== '').join(' ');
}

/** Keys of names and titles: n-grams at ICU word starts. */
export function phraseKeys(phrases: readonly (string | null | undefined)[], max = 6): string[] {
  return phrases.flatMap((p) => (p ? edgeGrams(p, max) : []));
}

/** Keys of body text: only its unknown-word runs (the rest Pagefind's content index matches well). */
export function runKeys(text: string, max = 6): string[] {
  return unknownWordRuns(text).flatMap((r) => runGrams(r, max));
}

/**
 * The hidden meta fields that carry keys. Pagefind adds, per field, weight × (IDF of the query
 * pieces found in it) × (share of the query found)²: a field only pays when it holds the whole
 * query, and one field per name keeps the characters of different names from adding up to it.
 */
export const KEY_FIELDS = {
  /** The page's own name: a department's or region's names, a document's title. */
  name: 'k_name',
  /** Other forms of the page's name (a department's names with its region). */
  alias: 'k_alias',
  /** A task's title. */
  topic: 'k_topic',
  /** A task's lead units, one field each (the last takes the rest). */
  lead: ['k_lead1', 'k_lead2', 'k_lead3'],
  /** Unknown-word runs of a task's text. */
  text: 'k_text',
  /** A task's number as typed: 任务/问题 and the number in Arabic and Chinese numerals (query.ts). */
  number: 'k_num',
  /** A task's deadlines as date tokens (d20191231, m1231): what deadline phrases become (query.ts). */
  due: 'k_due',
  /** A document's number and the numbers it cites, as ICU splits their written form (query.ts). */
  docNumber: 'k_docno',
} as const;

/**
 * Key fields of a task record. The other units a task names get no field: their names as written
 * are in the content, their departments' pages answer for them, and a field for them (measured)
 * changed no result while adding a quarter to the index.
 */
export function taskKeys(t: { title: string; leads: readonly (readonly string[])[]; text: string }): Record<string, string> {
  // No dedup across fields: each field must hold all of a query by itself to count.
  const out: Record<string, string> = {};
  const put = (field: string, grams: Iterable<string>) => {
    const value = joinKeys(grams);
    if (value) out[field] = value;
  };
  put(KEY_FIELDS.topic, phraseKeys([t.title]));
  const n = KEY_FIELDS.lead.length;
  t.leads.forEach((forms, i) => {
    if (i < n - 1) put(KEY_FIELDS.lead[i]!, phraseKeys(forms));
  });
  if (t.leads.length >= n) put(KEY_FIELDS.lead[n - 1]!, phraseKeys(t.leads.slice(n - 1).flat()));
  put(KEY_FIELDS.text, runKeys(t.text));
  return out;
}

/**
 * Key fields of a department, region or document page: its name(s), and other forms of them.
 * Like taskKeys, no dedup across the two: each must hold a whole query by itself.
 */
export function pageKeys(names: readonly (string | null | undefined)[], aliases: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = { [KEY_FIELDS.name]: joinKeys(phraseKeys(names)) };
  const alias = joinKeys(phraseKeys(aliases));
  if (alias && alias !== out[KEY_FIELDS.name]) out[KEY_FIELDS.alias] = alias;
  return out;
}

/**
 * Ranking for the search page: pagefind.options({ ranking: PAGEFIND_RANKING }). termSimilarity: the
 * piece 局 counts the word 局, hardly every word that starts with it (局面, 局部…). metaWeights: a
 * page's own name (20) outweighs a task's title, a lead unit and its text together (6 + 6 + 3),
 * so a search for a department or region finds its page first; title and lead units count alike.
 */
export const PAGEFIND_RANKING = {
  termSimilarity: 8,
  metaWeights: {
    [KEY_FIELDS.name]: 20,
    [KEY_FIELDS.alias]: 8,
    [KEY_FIELDS.topic]: 6,
    ...Object.fromEntries(KEY_FIELDS.lead.map((f) => [f, 6])),
    [KEY_FIELDS.text]: 3,
    [KEY_FIELDS.number]: 10,
    [KEY_FIELDS.due]: 10,
    [KEY_FIELDS.docNumber]: 20,
  } as Record<string, number>,
};
