// The search page's script: Pagefind's JS API (self-hosted under /pagefind/), our own
// accessible markup instead of Pagefind's UI. Works from a URL: /search/?q=垃圾&sort=deadline. Results
// follow the words as they are typed, and the URL follows the results.
// The index comes in shards (shards.ts): the first is /pagefind/ itself, the others are merged into it.
import { DEADLINES_FILE, deadlineIndex, sortByDeadline, type DeadlineFile } from './deadline-order';
import { SHARDS_MANIFEST, type ShardsManifest } from './shards-manifest';
import { orderedSource, type PagefindResult, type ResultSource } from './result-order';
import { mayNeedConversion, normaliseQuery, queryWords } from './query';
import { PARTIAL_NOTE, partialResults } from './partial';
import { PAGEFIND_RANKING } from './terms';
import { escapeXml } from '../../portal/escape';

interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<PagefindSearch | null>;
  debouncedSearch(q: string | null, o?: Record<string, unknown>, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 10;
/** How long typing pauses before the results follow: long enough to skip the keystrokes of one word. */
const TYPING_PAUSE_MS = 250;
const PAGEFIND_OPTIONS = { excerptLength: 40, ranking: PAGEFIND_RANKING };

/** Excerpts hold our own text plus Pagefind's <mark>: keep the marks, escape everything else. */
export function safeExcerpt(html: string): string {
  return html
    .split(/(<\/?mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : escapeXml(decodeEntities(part.replace(/<[^>]*>/g, '')))))
    .join('');
}

/** The entities Pagefind writes in excerpts, back to text. */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Traditional characters and variants → simplified, with OpenCC loaded from the site the first time
 * a query needs it (simplify.ts, a chunk of its own). Null when it cannot be loaded: the query then
 * goes as typed.
 */
let simplifier: Promise<((text: string) => string) | null> | undefined;
async function simplified(q: string): Promise<string> {
  if (!mayNeedConversion(q)) return q;
  simplifier ??= import('./simplify').then(
    (m) => m.toSimplified,
    () => {
      simplifier = undefined; // try again on the next query
      return null;
    },
  );
  const convert = await simplifier;
  return convert ? convert(q) : q;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function main() {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const filterPanel = root.querySelector<HTMLDetailsElement>('[data-filter-panel]')!;
  const filtersBox = root.querySelector<HTMLElement>('[data-filters]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sortSelect.value = params.get('sort') === 'deadline' ? 'deadline' : '';

  let pagefind: Pagefind;
  let shards: string[];
  try {
    const path = '/pagefind/pagefind.js';
    const [module, manifest] = await Promise.all([
      import(/* @vite-ignore */ path) as Promise<Pagefind>,
      fetch(`/pagefind/${SHARDS_MANIFEST}`).then((r) =>
        r.ok ? (r.json() as Promise<ShardsManifest>) : Promise.reject(new Error(`${r.status}`)),
      ),
    ]);
    pagefind = module;
    shards = manifest.shards;
    await pagefind.options(PAGEFIND_OPTIONS);
    for (const shard of shards) await pagefind.mergeIndex(shard, PAGEFIND_OPTIONS);
  } catch {
    status.textContent = '搜索索引加载失败，请稍后再试。';
    return;
  }

  // Sorting by deadline: each shard's deadline file (deadline-order.ts), fetched the first time a
  // reader sorts, so that a reader who does not sort never downloads it.
  let deadlines: Promise<Map<string, string>> | undefined;
  const deadlineMap = () =>
    (deadlines ??= Promise.all(
      ['/pagefind/', ...shards].map((base) =>
        fetch(`${base}${DEADLINES_FILE}`).then((r) =>
          r.ok ? (r.json() as Promise<DeadlineFile>) : Promise.reject(new Error(`${r.status}`)),
        ),
      ),
    ).then(deadlineIndex));

  const selected = new Map<string, Set<string>>();
  for (const [key, value] of params) {
    if (!key.startsWith('f.')) continue;
    const name = key.slice(2);
    if (!selected.has(name)) selected.set(name, new Set());
    selected.get(name)!.add(value);
  }

  // Facets: one fieldset per filter, checkboxes with counts. Loaded when the reader opens the panel
  // (or arrives with a choice in the URL): Pagefind's filter indexes of every shard are about a third
  // of what a first query would otherwise download (154 of 574 KB at 10,000 tasks).
  let facets: Promise<void> | undefined;
  const loadFacets = () =>
    (facets ??= (async () => {
      filtersBox.setAttribute('aria-busy', 'true');
      filtersBox.replaceChildren(el('p', {}, '正在加载筛选条件…'));
      try {
        renderFacets(await pagefind.filters());
      } catch {
        facets = undefined; // try again when the panel is opened again
        filtersBox.replaceChildren(el('p', {}, '筛选条件加载失败，请收起后重新展开。'));
      } finally {
        filtersBox.removeAttribute('aria-busy');
      }
    })());

  function renderFacets(available: Record<string, Record<string, number>>) {
    filtersBox.replaceChildren();
    for (const [name, values] of Object.entries(available)) {
      // Long lists (hundreds of departments) fold away; a group with a choice made stays open.
      const details = el('details');
      const narrow = window.matchMedia('(max-width: 720px)').matches; // on a phone the results come first
      if ((!narrow && Object.keys(values).length <= 8) || selected.has(name)) details.open = true;
      details.append(el('summary', {}, `${name}（${Object.keys(values).length}）`));
      const fieldset = el('fieldset');
      fieldset.append(el('legend', { class: 'sr-only' }, name));
      const entries = Object.entries(values).sort((a, b) => b[1] - a[1]);
      entries.forEach(([value, count], i) => {
        const id = `f-${name}-${i}`;
        const box = el('input', { type: 'checkbox', id, name: `f.${name}`, value });
        if (selected.get(name)?.has(value)) box.checked = true;
        const label = el('label', { for: id }, `${value}（${count}）`);
        const row = el('div', { class: 'facet' });
        row.append(box, label);
        fieldset.append(row);
      });
      details.append(fieldset);
      filtersBox.append(details);
    }
  }

  filterPanel.addEventListener('toggle', () => {
    if (filterPanel.open) void loadFacets();
  });
  if (selected.size > 0) filterPanel.open = true;
  if (filterPanel.open) await loadFacets(); // also when the reader opened it while the index loaded

  let results: ResultSource = orderedSource([]);
  let shown = 0;
  let generation = 0;

  async function renderMore() {
    const data = await results.next(PAGE_SIZE);
    for (const d of data) {
      const li = el('li', { class: 'result' });
      const a = el('a', { href: d.url }, d.meta.title ?? d.url);
      const h = el('h3');
      h.append(a);
      li.append(h);
      const facts = el('p', { class: 'result-facts' });
      const parts: string[] = [];
      if (d.meta.status) {
        const notes = [d.meta.overdue, d.meta.lastReported && `最近一次报告：${d.meta.lastReported}`].filter(Boolean);
        parts.push(`状态：${d.meta.status}${notes.length ? `（${notes.join('；')}）` : ''}`);
      }
      if (d.meta.lead) parts.push(`牵头：${d.meta.lead}`);
      if (d.meta.deadline) parts.push(`时限：${d.meta.deadline}`);
      if (d.meta.region) parts.push(`地区：${d.meta.region}`);
      facts.textContent = parts.join(' · ');
      if (parts.length) li.append(facts);
      if (d.meta.demo) li.append(el('p', { class: 'demo-note' }, d.meta.demo));
      const excerpt = el('p', { class: 'result-excerpt' });
      excerpt.innerHTML = safeExcerpt(d.excerpt);
      li.append(excerpt);
      list.append(li);
    }
    shown += data.length;
    more.hidden = shown >= results.count;
  }

  async function run(pushUrl: boolean) {
    const q = input.value.trim();
    const filters: Record<string, string[]> = {};
    if (filtersBox.querySelector('input[type="checkbox"]')) {
      for (const box of filtersBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
        const name = box.name.slice(2);
        (filters[name] ??= []).push(box.value);
      }
    } else {
      // The facets are not drawn (not opened, or failed to load): the choices in the URL still hold.
      for (const [name, values] of selected) filters[name] = [...values];
    }
    const anyFilter = Object.keys(filters).length > 0;
    if (pushUrl) {
      const next = new URLSearchParams();
      if (q) next.set('q', q);
      if (sortSelect.value) next.set('sort', sortSelect.value);
      for (const [name, values] of Object.entries(filters)) for (const v of values) next.append(`f.${name}`, v);
      history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);
    }
    list.replaceChildren();
    shown = 0;
    if (!q && !anyFilter) {
      results = orderedSource([]);
      more.hidden = true;
      status.textContent = '请输入关键词，例如：垃圾、厕所革命、湟水河、生态环境局。';
      return;
    }
    const mine = ++generation;
    status.textContent = '正在搜索…';
    const byDeadline = sortSelect.value === 'deadline';
    let found: ResultSource;
    // What Pagefind is given: simplified characters, document numbers and deadline phrases in the
    // index's forms (query.ts). The reader's own words stay in the box and in the URL.
    let converted = ''; // the simplified form, when conversion changed the query
    let partial = false;
    try {
      const simple = q ? await simplified(q) : '';
      if (simple !== q) converted = simple;
      const asSearched = normaliseQuery(simple);
      const [search, index] = await Promise.all([pagefind.search(asSearched || null, { filters }), byDeadline ? deadlineMap() : undefined]);
      if (mine !== generation || !search) return;
      let hits = search.results;
      // No page holds every word: the pages that hold most of them, said so above them.
      const words = hits.length === 0 ? queryWords(asSearched) : [];
      if (words.length >= 2) {
        hits = await partialResults(words, async (w) => (await pagefind.search(w, { filters }))?.results ?? []);
        if (mine !== generation) return;
        partial = hits.length > 0;
      }
      found = orderedSource(index ? sortByDeadline(hits, index) : hits);
    } catch {
      deadlines = undefined; // try again on the next search
      if (mine === generation) status.textContent = '搜索索引加载失败，请稍后再试。';
      return;
    }
    results = found;
    const keyword = q ? `（关键词：${q}${converted ? `，按简体“${converted}”搜索` : ''}）` : '';
    status.textContent = !results.count
      ? `没有找到与“${q}”相关的结果。可以换一个词，或去掉筛选条件。`
      : partial
        ? `${PARTIAL_NOTE}：找到 ${results.count} 条结果${keyword}`
        : `找到 ${results.count} 条结果${keyword}`;
    status.classList.toggle('partial', partial);
    await renderMore();
  }

  // Results follow the words as they are typed: a pause of TYPING_PAUSE_MS, not every keystroke. While an
  // input method composes (pinyin, wubi) the box holds letters the reader has not chosen yet: wait for the
  // characters. Enter still searches at once.
  let typing: ReturnType<typeof setTimeout> | undefined;
  const searchSoon = () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(true), TYPING_PAUSE_MS);
  };
  input.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) searchSoon();
  });
  input.addEventListener('compositionend', searchSoon);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    void run(true);
  });
  sortSelect.addEventListener('change', () => void run(true));
  filtersBox.addEventListener('change', () => void run(true));
  more.addEventListener('click', () => void renderMore());
  // Words typed while the index loaded count as typed now; a query from the URL is already in it.
  await run(input.value !== (params.get('q') ?? ''));
}

void main();
