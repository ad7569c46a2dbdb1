// Phases of a build from its log: pure functions over timestamped lines, so they are testable
// without building anything. Where the build reports its own phase timings (lines
// "[qingdan:phase] <name> <seconds>s", or a JSON file), those win; otherwise phases are cut at
// the boundaries Astro and the output integrations print.
import type { LogLine } from './proc.ts';

export type PhaseSource = 'build-report' | 'log-boundaries' | 'separate-process';

export interface Phases {
  seconds: Record<string, number>;
  sources: Record<string, PhaseSource>;
}

const ANSI = /\u001b\[[0-9;]*m/g;
export const stripAnsi = (s: string) => s.replace(ANSI, '');

/** "04:14:27 [qingdan-cards] cards: …" → "qingdan-cards"; null for untagged lines and for the
 * build's own phase reports ("[qingdan:phase] ingest 1.2s"), which are read separately. */
export function tagOf(line: string): string | null {
  const m = /^\s*(?:\d{2}:\d{2}:\d{2}\s+)?(?:\[[A-Z]+\]\s+)?\[([^\]\s]+)\]/.exec(stripAnsi(line));
  return m && m[1] !== 'qingdan:phase' ? m[1] : null;
}

/** The portal's name for an integration's log label. */
export function phaseNameOf(tag: string): string {
  if (/card/i.test(tag)) return 'cards';
  if (/pdf|report/i.test(tag)) return 'pdf';
  if (/search|pagefind/i.test(tag)) return 'search';
  if (/sitemap/i.test(tag)) return 'sitemap';
  if (/feed/i.test(tag)) return 'feeds';
  return tag.replace(/^qingdan[-:]/, '');
}

/** Tags Astro itself uses; everything else after the pages is an integration. */
/** What the portal loader prints (src/portal/portal.ts), inside page generation: no integration's start. */
const PORTAL_TAG = 'qingdan';
const ASTRO_TAGS = new Set([
  'build',
  'vite',
  'types',
  'content',
  'assets',
  'check',
  'config',
  'router',
  'ERROR',
  'WARN',
  'glob-loader',
  'markdown',
]);

/**
 * Phase timings the build reports itself: lines "[qingdan:phase] ingest 1.23s", and the summaries
 * output stages print ("[qingdan-search] search: 375 records in 3 shards (1 indexed, 2 from cache)
 * in 3.2 s"; the last such line of a stage wins). Coarse forms ("in 3 min") count too.
 */
export function reportedPhases(lines: LogLine[]): Record<string, number> {
  const explicit: Record<string, number> = {};
  const summaries: Record<string, number> = {};
  for (const { text } of lines) {
    const clean = stripAnsi(text);
    const m = /\[qingdan:phase\]\s+([a-z][\w-]*)\s+(\d+(?:\.\d+)?)\s*s\b/.exec(clean);
    if (m) {
      explicit[m[1]] = (explicit[m[1]] ?? 0) + Number(m[2]);
      continue;
    }
    // Astro's own total for the `astro build` step (pages, data, feeds; ingest included).
    // "in 18.15s", or past a minute "in 6m 48s".
    const astro = /\[build\] \d+ page\(s\) built in (?:(\d+)m )?(\d+(?:\.\d+)?)s\b/.exec(clean);
    if (astro) {
      summaries.astro = Number(astro[1] ?? 0) * 60 + Number(astro[2]);
      continue;
    }
    const tag = tagOf(clean);
    if (!tag || ASTRO_TAGS.has(tag)) continue;
    const secs = /\bin (\d+(?:\.\d+)?)\s*s\b/.exec(clean);
    const mins = /\bin (\d+(?:\.\d+)?)\s*min\b/.exec(clean);
    if (secs) summaries[phaseNameOf(tag)] = Number(secs[1]);
    else if (mins) summaries[phaseNameOf(tag)] = Number(mins[1]) * 60;
  }
  return { ...summaries, ...explicit };
}

/** A phase as a span of the step's clock: [start, end] in seconds since the step started. */
export type Window = [number, number];

/**
 * Phases from Astro's log: setup (config, types, build info), bundle (vite), pages (generating
 * static routes), integrations (everything after the pages), then one phase per integration in
 * the order they log, each until the next one starts or the build reports it is done.
 */
export function phaseWindows(lines: LogLine[], totalSeconds: number): Record<string, Window> {
  const clean = lines.map((l) => ({ t: l.t, text: stripAnsi(l.text) }));
  const find = (re: RegExp, from = 0) => clean.findIndex((l, i) => i >= from && re.test(l.text));
  const out: Record<string, Window> = {};
  const bundleAt = find(/Building static entrypoints/);
  const routesAt = find(/generating static routes/);
  const builtAt = find(/page\(s\) built in|\[build\] Complete!/);
  const end = builtAt >= 0 ? clean[builtAt].t : totalSeconds;
  if (bundleAt >= 0) out.setup = [0, clean[bundleAt].t];
  if (bundleAt >= 0 && routesAt >= 0) out.bundle = [clean[bundleAt].t, clean[routesAt].t];
  if (routesAt < 0) return out;

  // Integration phases start at their first tagged line after the routes.
  const starts: Array<{ name: string; index: number }> = [];
  for (let i = routesAt + 1; i < clean.length; i++) {
    const tag = tagOf(clean[i].text);
    if (!tag || ASTRO_TAGS.has(tag) || tag === PORTAL_TAG) continue;
    const name = phaseNameOf(tag);
    if (!starts.some((s) => s.name === name)) starts.push({ name, index: i });
  }
  // Pages end where Astro says the routes are done, or where the first integration speaks.
  const routesDone = find(/✓ Completed in/, routesAt + 1);
  const firstIntegration = starts.length ? starts[0].index : -1;
  const pagesEndIndex = routesDone >= 0 && (firstIntegration < 0 || routesDone < firstIntegration) ? routesDone : firstIntegration;
  const pagesEnd = pagesEndIndex >= 0 ? clean[pagesEndIndex].t : end;
  out.pages = [clean[routesAt].t, pagesEnd];
  // Everything after the pages until Astro reports the build done: the output integrations together.
  out.integrations = [pagesEnd, Math.max(pagesEnd, end)];
  starts.forEach((s, k) => {
    const from = clean[s.index].t;
    const stop = k + 1 < starts.length ? clean[starts[k + 1].index].t : end;
    out[s.name] = [from, Math.max(from, stop)];
  });
  return out;
}

/** Windows of the phases integrations time themselves: a summary "… in 4.1 s" at t spans [t − 4.1, t]. */
export function reportedWindows(lines: LogLine[]): Record<string, Window> {
  const out: Record<string, Window> = {};
  for (const line of lines) {
    const seconds = reportedPhases([line]);
    for (const [name, s] of Object.entries(seconds)) out[name] = [Math.max(0, line.t - s), line.t];
  }
  return out;
}

/** Durations of windows. */
export function durations(windows: Record<string, Window>): Record<string, number> {
  return Object.fromEntries(Object.entries(windows).map(([k, [a, b]]) => [k, b - a]));
}

/** Back-compatible shorthand: the durations of the log-boundary phases. */
export function phasesFromLog(lines: LogLine[], totalSeconds: number): Record<string, number> {
  return durations(phaseWindows(lines, totalSeconds));
}

/** Peak of the samples inside each window (MB); phases too short to hold a sample are left out. */
export function peaksIn(samples: Array<{ t: number; mb: number }>, windows: Record<string, Window>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, [a, b]] of Object.entries(windows)) {
    const inside = samples.filter((s) => s.t >= a && s.t <= b).map((s) => s.mb);
    if (inside.length) out[name] = Math.max(...inside);
  }
  return out;
}

/** Combine: the build's own report first, then log boundaries, then separately measured phases. */
export function mergePhases(reported: Record<string, number>, fromLog: Record<string, number>, separate: Record<string, number>): Phases {
  const seconds: Record<string, number> = {};
  const sources: Record<string, PhaseSource> = {};
  const put = (values: Record<string, number>, source: PhaseSource) => {
    for (const [k, v] of Object.entries(values)) {
      if (k in seconds || !Number.isFinite(v)) continue;
      seconds[k] = Math.round(v * 100) / 100;
      sources[k] = source;
    }
  };
  put(reported, 'build-report');
  put(fromLog, 'log-boundaries');
  put(separate, 'separate-process');
  return { seconds, sources };
}

/** Counts the build prints about cards and PDFs: rendered vs reused. Null when it printed nothing. */
export interface RenderCounts {
  cardsRendered: number | null;
  pdfsRendered: number | null;
  /** Pages with a cacheKey (src/build/page-cache/) rendered, and reused from the previous build. */
  pagesRendered: number | null;
  pagesReused: number | null;
}

export function renderCounts(lines: LogLine[]): RenderCounts {
  let cardsRendered: number | null = null;
  let pdfsRendered: number | null = null;
  let pagesRendered: number | null = null;
  let pagesReused: number | null = null;
  for (const { text } of lines) {
    const t = stripAnsi(text);
    const cards = /cards:.*?(\d+) reused from cache, (\d+) to render/.exec(t);
    if (cards) cardsRendered = Number(cards[2]);
    const pdfs = /(\d+) reports: (\d+) rendered, (\d+) from cache/.exec(t);
    if (pdfs) pdfsRendered = Number(pdfs[2]);
    const pages = /pages: \d+ keyed, (\d+) rendered, (\d+) reused/.exec(t);
    if (pages) [pagesRendered, pagesReused] = [Number(pages[1]), Number(pages[2])];
  }
  return { cardsRendered, pdfsRendered, pagesRendered, pagesReused };
}

/** The p-th percentile (0–100) by nearest rank; null for no data. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
