// Extra index terms where Pagefind's Chinese segmentation and a citizen's query disagree.
// Filled in from measurements (tests/e2e/search.test.ts), not guesses.
//
// How Pagefind 1.6 matches Chinese (measured, see tests/search-terms.test.ts for the pure parts):
// the browser splits the query with Intl.Segmenter (ICU), so 发改局 → 发|改|局 and 日月山 → 日|月|山;
// every piece must be a *prefix* of some word of the page (AND); pages are ranked by BM25 over
// those words plus a boost for meta fields whose whitespace-separated words the pieces prefix.
// Content is segmented by Pagefind (single characters for unknown words), so short names always
// match somewhere, but a page where the characters are scattered ranks like one where they stand
// together. Meta fields are not segmented: a meta word is kept exactly as written.

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Maximal runs of Chinese characters. */
export function hanRuns(text: string): string[] {
  return text.match(HAN_RUN) ?? [];
}

// The browser splits queries with ICU (Intl.Segmenter); Node ships the same ICU data, so the
// index can split phrases the way a query for them will be split.
const segmenter = new Intl.Segmenter('zh-cn', { granularity: 'word' });

interface Piece {
  text: string;
  han: boolean;
}

/** A phrase as ICU splits it, with whether each piece is Chinese. */
export function icuPieces(text: string): Piece[] {
  return [...segmenter.segment(text)].map((s) => ({ text: s.segment, han: HAN.test(s.segment) && [...s.segment].every((c) => HAN.test(c)) }));
}

/**
 * Edge n-grams at word starts: for every place where ICU starts a Chinese word, the Chinese text
 * from there on, cut at `max` characters. A query that ICU splits at the same places (县发改局 →
 * 县|发|改|局 inside 湟源县发改局, 生态|环境|局 inside 县生态环境局) then finds each of its pieces as a
 * prefix here, and only where the pieces stand together in this order... or at least start words:
 * 发 inside 开发 is no word start, so 开发区 does not answer 发改局.
 */
export function edgeGrams(text: string, max = 8): string[] {
  const out = new Set<string>();
  const pieces = icuPieces(text);
  for (let i = 0; i < pieces.length; i++) {
    if (!pieces[i]!.han) continue;
    let gram = '';
    for (let j = i; j < pieces.length && pieces[j]!.han; j++) gram += pieces[j]!.text;
    out.add([...gram].slice(0, max).join(''));
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

/**
 * Alternatives written in brackets: 河(湖)长制 → 河长制, 湖长制; 县(区) → 县, 区. The bracketed
 * run replaces as many characters before it; both readings are returned.
 */
export function bracketAlternatives(text: string): string[] {
  const out = new Set<string>();
  const re = /(\p{Script=Han}+)[(（](\p{Script=Han}{1,2})[)）](\p{Script=Han}*)/gu;
  for (const m of text.matchAll(re)) {
    const [, before, alt, after] = m;
    if (alt.length > before.length) continue;
    out.add(before + after);
    out.add(before.slice(0, before.length - alt.length) + alt + after);
  }
  return [...out];
}

/** Level words a unit name may start with once the region is dropped (县发改局 → 发改局). */
const LEVEL_PREFIXES = ['自治区', '地区', '县', '市', '区', '省', '州', '盟', '地'];

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

/** Edge n-grams from every character of a run of unknown-word characters (all are word starts). */
export function runGrams(run: string, max = 8): string[] {
  const chars = [...run];
  return chars.map((_, i) => chars.slice(i, i + max).join(''));
}

/** Meta field value: Pagefind splits meta values at spaces only, so each n-gram stays one word. */
export function joinKeys(grams: Iterable<string>, exclude: ReadonlySet<string> = new Set()): string {
  return [...new Set(grams)].filter((g) => g && !exclude.has(g)).join(' ');
}

/** Keys of names and titles: n-grams at ICU word starts (or at every character, mode 'char'). */
export function phraseKeys(phrases: readonly (string | null | undefined)[], max = 8): string[] {
  const mode = process.env.QD_EDGE ?? 'word';
  return phrases.flatMap((p) => (!p ? [] : mode === 'char' ? hanRuns(p).flatMap((r) => runGrams(r, max)) : edgeGrams(p, max)));
}

/** Keys of body text: only its unknown-word runs (the rest Pagefind's content index matches well). */
export function runKeys(text: string, max = 8): string[] {
  return unknownWordRuns(text).flatMap((r) => runGrams(r, max));
}

/** Convenience: keys of phrases and of a body text as one meta value. */
export function searchKeys(phrases: readonly (string | null | undefined)[], text = '', max = 8): string {
  return joinKeys([...phraseKeys(phrases, max), ...runKeys(text, max)]);
}

/** Extra content lines for a record: readings the text implies but never writes out. */
export function extraTerms(body: string, unitNames: readonly string[]): string[] {
  void unitNames;
  return bracketAlternatives(body);
}

/** Drop the forms that start with a region's name: those belong to the region's own page. */
export function withoutRegion(forms: readonly string[], regionNames: readonly string[]): string[] {
  return forms.filter((f) => !regionNames.some((r) => r && f.startsWith(r)));
}
