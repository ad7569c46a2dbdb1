// Building blocks of synthetic plan text: task bodies, unit lists and tags, deadlines, numerals.
// Each returns the text and what a correct ingest must find in it, so tests can hold the real
// ingest to the generator's intent.
import type { Role } from '../domain/types';
import { writeUnit, type WrittenUnit } from './departments';
import type { SynthRegion } from './regions';
import type { Rng } from './rng';
import { CONNECTIVES, DEADLINE_SENTENCES, type Topic } from './vocab';

export interface ExpectedUnit {
  /** Name after a dropped prefix is restored. */
  name: string;
  role: Role;
  /** As written when it differs from `name`. */
  written?: string;
  /** False for deliberate typos and bodies the registry does not list. */
  registered: boolean;
}

export interface ExpectedTask {
  /** The local id the ingest is expected to give: t12, p3. */
  localId: string;
  number: string;
  kind: 'task' | 'problem';
  /** The task's text as written, without its number: tags included, labelled unit lines and measures not. */
  text: string;
  units: ExpectedUnit[];
  /** Targets the task states, in order. */
  targets: Array<{ value: number; unit: string }>;
  measures: number;
}

/** What the ingest must find for task `n`, a plain task (no measures) written as `number`. */
export function plainTask(n: number, number: string, text: string, units: ExpectedUnit[], targets: ExpectedTask['targets']): ExpectedTask {
  return { localId: `t${n}`, number, kind: 'task', text, units: uniqueUnits(units), targets, measures: 0 };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** A number with its decimals, never in exponent form: 38.5, 100, 30.89. */
export function formatValue(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return decimals > 0 ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export interface Body {
  title: string;
  /** Full sentences, each ending with 。 */
  sentences: string[];
  targets: Array<{ value: number; unit: string }>;
}

/** Scope word for targets: 全县, 全市, 全地区, 全省, 全区. */
export function scopeOf(region: SynthRegion): string {
  return region.style === 'autonomous' ? '全区' : `全${region.prefix}`;
}

/** A date deadline phrase in one of the forms plans use: 2019年6月底前, 2020年底前, 2019年9月30日前. */
export function deadlinePhrase(rng: Rng, year: number): string {
  const y = year + rng.int(0, 2);
  const form = rng.int(0, 2);
  if (form === 0) return `${y}年${rng.int(3, 12)}月底前`;
  if (form === 1) return `${y}年底前`;
  const m = rng.pick([3, 6, 9, 12]);
  return `${y}年${m}月${m === 6 || m === 9 ? 30 : 31}日前`;
}

/**
 * A task body: a title sentence, 1–4 topic sentences, at most one target and sometimes a dated step.
 * Targets sit in their own clause so that each is one target for the ingest.
 */
export function taskBody(
  rng: Rng,
  topic: Topic,
  region: SynthRegion,
  year: number,
  opts: { targetChance: number; sentences: [number, number] },
): Body {
  const title = rng.pick(topic.titles);
  const sentences: string[] = [title + '。'];
  const picked = rng.sample(topic.sentences, rng.int(opts.sentences[0], opts.sentences[1]));
  for (const s of picked) sentences.push(rng.pick(CONNECTIVES) + s + '。');
  const targets: Body['targets'] = [];
  if (topic.targets.length && rng.chance(opts.targetChance)) {
    const t = rng.pick(topic.targets);
    const raw = t.min + rng.next() * (t.max - t.min);
    const text = formatValue(raw, t.decimals);
    const value = Number(text);
    const goalYear = rng.pick([2020, 2025, 2025, 2030, 2035].filter((y) => y > year)) ?? year + 3;
    sentences.push(`到${goalYear}年,${t.text.replace('{s}', scopeOf(region)).replace('{v}', text)}。`);
    targets.push({ value, unit: t.unit });
  }
  if (rng.chance(0.35)) {
    sentences.splice(
      rng.int(1, sentences.length - 1) || 1,
      0,
      rng.pick(DEADLINE_SENTENCES).replace('{d}', deadlinePhrase(rng, year)) + '。',
    );
  }
  return { title, sentences, targets };
}

export interface UnitPick {
  written: WrittenUnit;
  /** A deliberate typo: the written name differs from every registry alias. */
  typo: boolean;
}

/** One department of the region as the document writes it; now and then with a scraping typo. */
export function pickUnit(rng: Rng, region: SynthRegion, key: string, date: string, typoRate: number): UnitPick {
  const w = writeUnit(region, key, date, rng.chance(0.3) ? 1 : 0);
  if (w.rest.length >= 4 && rng.chance(typoRate)) {
    // Scraped pages lose characters inside names (区发展委 for 区发展改革委); the suffix survives.
    const drop = rng.int(1, w.rest.length - 3);
    const rest = w.rest.slice(0, drop) + w.rest.slice(drop + 1);
    return { written: { ...w, rest, name: w.prefix + rest }, typo: true };
  }
  return { written: w, typo: false };
}

/** Department keys for a task of a topic: leads first, then 0–`maxPartners` partners, no repeats. */
export function pickKeys(rng: Rng, topic: Topic, leads: number, maxPartners: number): { leads: string[]; partners: string[] } {
  const leadKeys = rng.sample(topic.leads, Math.min(leads, topic.leads.length));
  const partners = rng.sample(
    topic.partners.filter((k) => !leadKeys.includes(k)),
    rng.int(0, maxPartners),
  );
  return { leads: leadKeys, partners };
}

/** True when the ingest restores a prefix dropped before this name (a bare 局/厅/委/办/处 name). */
export function prefixDroppable(rest: string): boolean {
  // A rest that itself starts like a prefix (市场监管局) would read as a unit of its own: keep it whole.
  return /^[\u4e00-\u9fa5]{1,10}(局|厅|委|办|处)$/.test(rest) && !/^(自治区|地区|地委|行署|[省市县区州旗盟])/.test(rest);
}

/**
 * A list of units as plans write it, "A、B、C": with `dropPrefix`, items after the first that share
 * its prefix lose it (地区林业局、国土资源局、农牧局). Returns the text and the expected units.
 */
export function unitList(units: UnitPick[], role: Role, dropPrefix: boolean): { text: string; expected: ExpectedUnit[] } {
  const parts: string[] = [];
  const expected: ExpectedUnit[] = [];
  let lastPrefix: string | null = null;
  units.forEach((u, i) => {
    const w = u.written;
    const drop = dropPrefix && i > 0 && lastPrefix === w.prefix && prefixDroppable(w.rest);
    parts.push(drop ? w.rest : w.name);
    expected.push({ name: w.name, role, ...(drop ? { written: w.rest } : {}), registered: !u.typo });
    // The ingest keeps the prefix of the last item that had one of its own.
    if (!drop) lastPrefix = w.prefix;
  });
  return { text: parts.join('、'), expected };
}

/** Removes units that repeat a name already in the list (a task names each unit once). */
export function distinctUnits(units: UnitPick[]): UnitPick[] {
  const seen = new Set<string>();
  return units.filter((u) => {
    if (seen.has(u.written.name)) return false;
    seen.add(u.written.name);
    return true;
  });
}

/**
 * Each unit once per role, as written first: a task whose tags name 市财政局 twice has it once. (The
 * generator never names one unit both in prose and in a tag of one task, so there is nothing else to merge.)
 */
export function uniqueUnits(units: ExpectedUnit[]): ExpectedUnit[] {
  const seen = new Set<string>();
  return units.filter((u) => {
    const key = `${u.role}\u0000${u.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
