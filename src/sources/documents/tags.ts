// The unit tag: the parenthesised note that closes a clause and says who does it. A small language of
// its own, read here in three steps — rules stated in it, its labelled fields or role clauses, and the
// unit lists inside them:
//   （市场监管总局负责）   （X牵头，Y、Z按职责分工负责）   （X会同有关部门负责）   （X指导）
//   (牵头单位:X,责任单位:Y、Z)   (牵头部门:X;配合部门:Y;落实单位:Z)   〔责任单位:X,Y、Z,逗号前为牵头单位,下同〕
//   （A、B负责。列第一位者为牵头单位，下同）   （…按职责分工负责。以下均需X落实，不再列出）
// Ordinary parentheses — (日土、噶尔), (2014-2030年), (含) — are not tags: every name of a tag without
// labels must look like a unit.
import type { Deadline, Role, UnitRef } from '../../domain/types';
import { parseDeadlineTag, parseDeadlineValue } from './deadlines';
import { DEADLINE_LABELS, type LabelInfo } from './lines';
import { compact } from './normalize';
import {
  asWritten,
  isVague,
  looksLikeUnit,
  prefixOf,
  splitOutsideParens,
  splitUnitList,
  UNIT_LABELS,
  withSharedPrefix,
  withSharedSuffix,
} from './unit-names';

/** Who leads where a tag names no lead: the first unit listed, the units before the first comma, or nobody we can tell. */
export type LeadRuleKind = 'first' | 'before-comma' | 'formatting-lost';

export interface LeadRule {
  kind: LeadRuleKind;
  /** 下同: the rule holds for every later tag too, until another replaces it. */
  onward: boolean;
  /** The rule as written. */
  text: string;
}

export interface TagUnit extends UnitRef {
  /** The role comes from a role word or a label (X牵头, 配合单位：); false for a bare list, where a lead rule may apply. */
  explicit: boolean;
  /** Which comma-separated clause of its list it stands in (for 逗号前为牵头单位). */
  clause: number;
}

export interface ParsedTag {
  units: TagUnit[];
  leadRule: LeadRule | null;
  /** Units a default rule (以下均需X落实，不再列出) adds to every later task. */
  defaults: UnitRef[];
  /** Deadline fields inside the tag (完成时限：…). */
  deadlines: Deadline[];
}

/** How plans state who leads: 列第一位者为牵头单位, 排在第一位的部门为牵头部门, 排名第一的为牵头单位, 第一个单位为牵头单位, 逗号前为牵头单位, 以黑体字标注的为牵头部门. */
export const LEAD_RULES: Array<{ kind: LeadRuleKind; re: RegExp }> = [
  { kind: 'first', re: /(?:(?:列|排)(?:在|名)?)?(?:第一|首)(?:位|个)?(?:者|的)?(?:部门|单位)?(?:为|是)牵头(?:单位|部门)(?:、单位)?/ },
  { kind: 'before-comma', re: /逗号(?:之)?前(?:面)?(?:的)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)(?:、单位)?/ },
  {
    kind: 'formatting-lost',
    re: /以?(?:黑体|加粗|粗体)(?:字)?(?:标注|标示|标出|显示)?的?(?:单位|部门)?(?:为|是)牵头(?:部门|单位)(?:、单位)?/,
  },
];
const ONWARD = /^[，、]?下同/;
const DEFAULT_RULE = /以下(?:各项)?(?:任务|工作|政策|措施|事项)?均(?:需|由|需要|要)(.+?)(?:负责)?落实[，；]?不再(?:一一)?列出/;

/** Role words that close a clause, longest first: "X牵头督导" is supervision. */
const ROLE_WORDS: Array<[string, Role]> = [
  ['牵头督导', 'supervisor'],
  ['牵头负责', 'lead'],
  ['牵头落实', 'lead'],
  ['牵头组织', 'lead'],
  ['按职责分工负责', 'responsible'],
  ['按职能分工负责', 'responsible'],
  ['按职责分工落实', 'responsible'],
  ['按职责负责', 'responsible'],
  ['共同负责', 'responsible'],
  ['分别负责', 'responsible'],
  ['具体负责', 'responsible'],
  ['负责落实', 'responsible'],
  ['抓好落实', 'responsible'],
  ['牵头', 'lead'],
  ['负责', 'responsible'],
  ['落实', 'responsible'],
  ['参与', 'partner'],
  ['配合', 'partner'],
  ['协助', 'partner'],
  ['协同', 'partner'],
  ['督导', 'supervisor'],
  ['指导', 'supervisor'],
  ['督办', 'supervisor'],
];

/** A unit marked as the lead inside a list: 市发改委（牵头）. */
const LEAD_MARK = /[（(]牵头[）)]$/;

/** Labels inside a tag that carry no unit but do not stop it being a tag. */
const OTHER_TAG_LABEL = /(范围|时限|时间|期限|备注|说明|依据|电话|要求)$/;

const LABEL_IN_TAG = new RegExp(
  `(${Object.keys(UNIT_LABELS).join('|')}|[\\u4e00-\\u9fa5]{0,6}(?:范围|时限|时间|期限|备注|说明|依据|电话|要求))：`,
  'g',
);

function stripRoleWord(clause: string): { body: string; role: Role | null } {
  for (const [word, role] of ROLE_WORDS) {
    if (clause.endsWith(word) && clause.length > word.length) return { body: clause.slice(0, -word.length), role };
  }
  return { body: clause, role: null };
}

/** Rules stated inside a tag, cut out of its text: what is left is units and role words. */
function takeRules(text: string): { rest: string; leadRule: LeadRule | null; defaults: string | null } {
  let rest = text;
  let leadRule: LeadRule | null = null;
  for (const { kind, re } of LEAD_RULES) {
    const m = re.exec(rest);
    if (!m) continue;
    const after = rest.slice(m.index + m[0].length);
    const onward = ONWARD.test(after);
    const end = m.index + m[0].length + (onward ? ONWARD.exec(after)![0].length : 0);
    leadRule = { kind, onward, text: rest.slice(m.index, end) };
    rest = rest.slice(0, m.index) + '；' + rest.slice(end);
  }
  let defaults: string | null = null;
  const d = DEFAULT_RULE.exec(rest);
  if (d) {
    defaults = d[1];
    rest = rest.slice(0, d.index) + '；' + rest.slice(d.index + d[0].length);
  }
  return { rest, leadRule, defaults };
}

interface ListPart {
  text: string;
  role: Role | null;
  explicit: boolean;
  /** Names of a labelled field are units because the label says so; a bare list must look like units. */
  labelled: boolean;
}

/** The sentences of a tag as lists with their roles: labelled fields, or role clauses split at commas. */
function listParts(sentence: string): { parts: ListPart[]; deadlines: Deadline[] } | null {
  const labels = [...sentence.matchAll(LABEL_IN_TAG)];
  const deadlines: Deadline[] = [];
  if (labels.length > 0) {
    if (sentence.slice(0, labels[0].index).replace(/[，；、\s]/g, '') !== '') return null;
    const parts: ListPart[] = [];
    labels.forEach((m, i) => {
      const key = m[1];
      const value = sentence.slice(m.index! + m[0].length, i + 1 < labels.length ? labels[i + 1].index : sentence.length);
      const role = UNIT_LABELS[key];
      if (role) parts.push({ text: value, role, explicit: true, labelled: true });
      else if ((DEADLINE_LABELS as readonly string[]).some((l) => key.endsWith(l.slice(-2)))) deadlines.push(...parseDeadlineValue(value));
      else if (!OTHER_TAG_LABEL.test(key)) parts.push({ text: value, role: null, explicit: false, labelled: false });
    });
    return { parts, deadlines };
  }
  const parts = splitOutsideParens(sentence, /[，,]/).map((clause): ListPart => {
    const { body, role } = stripRoleWord(clause);
    return { text: body, role, explicit: role !== null, labelled: false };
  });
  return { parts, deadlines };
}

/**
 * A parenthesised group's inner text, read as a unit tag; null when it is ordinary parentheses.
 * Names keep the text's own brackets; a prefix or suffix a list dropped is restored.
 */
export function parseUnitTag(inner: string, written: string = inner): ParsedTag | null {
  const text = compact(inner);
  if (text === '') return null;
  const { rest, leadRule, defaults } = takeRules(text);
  const units: TagUnit[] = [];
  const deadlines: Deadline[] = [];
  let prefix: string | null = null;
  for (const sentence of splitOutsideParens(rest, /[；;。]/)) {
    const read = listParts(sentence);
    if (!read) return null;
    deadlines.push(...read.deadlines);
    read.parts.forEach((part, partIndex) => {
      const clauses = part.labelled ? splitOutsideParens(part.text, /[，,]/) : [part.text];
      clauses.forEach((clauseText, clauseIndex) => {
        // "市发改委（牵头）、市财政局": a unit marked as leading inside a list.
        const marked = splitUnitList(clauseText).map((n) => ({ name: n.replace(LEAD_MARK, ''), leads: LEAD_MARK.test(n) }));
        const names = withSharedSuffix(marked.map((m) => m.name));
        // "市级各有关部门按职责分工负责": a role clause naming nobody in particular adds no unit.
        if (part.explicit && names.length === 0 && splitOutsideParens(clauseText, /[、]/).every(isVague)) return;
        // A bare list must be all units; a clause with a role word (X牵头, Y、Z负责) may name other bodies too
        // (广元国际铁路港), as long as one of them reads as a unit.
        const enough = part.explicit ? names.some(looksLikeUnit) : names.every(looksLikeUnit);
        if (!part.labelled && (names.length === 0 || !enough)) throw new NotATag();
        for (const [i, u] of withSharedPrefix(names, prefix).entries()) {
          const leads = marked[i]?.leads ?? false;
          const role = leads ? 'lead' : (part.role ?? 'responsible');
          units.push({ ...u, role, explicit: part.explicit || leads, clause: part.labelled ? clauseIndex : partIndex });
          prefix = prefixOf(u.name) ?? prefix;
        }
      });
    });
  }
  const defaultUnits = defaults
    ? withSharedPrefix(withSharedSuffix(splitUnitList(defaults)), prefix).map((u) => ({ ...u, role: 'responsible' as Role }))
    : [];
  if (units.length === 0 && !leadRule && defaultUnits.length === 0) return null;
  return { units: asWritten(units, inner, written), leadRule, defaults: asWritten(defaultUnits, inner, written), deadlines };
}

class NotATag extends Error {}

/** parseUnitTag, with "not a tag" as null. */
export function readUnitTag(inner: string, written: string = inner): ParsedTag | null {
  try {
    return parseUnitTag(inner, written);
  } catch (e) {
    if (e instanceof NotATag) return null;
    throw e;
  }
}

export type TagMatch =
  | { kind: 'units'; start: number; end: number; inner: string; tag: ParsedTag }
  | { kind: 'deadline'; start: number; end: number; inner: string; deadline: Deadline };

const OPEN: Record<string, string> = { '（': '）', '〔': '〕', '【': '】', '［': '］' };
const CLOSE = new Set(Object.values(OPEN));

/** Every outermost bracketed group of a canonical text: [start, end) with its inner text. */
function bracketGroups(canon: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const stack: string[] = [];
  let start = -1;
  for (let i = 0; i < canon.length; i++) {
    const ch = canon[i];
    if (OPEN[ch]) {
      if (stack.length === 0) start = i;
      stack.push(OPEN[ch]);
    } else if (CLOSE.has(ch) && stack.length) {
      if (stack[stack.length - 1] === ch) stack.pop();
      else stack.length = 0; // mismatched: forget the group
      if (stack.length === 0 && start >= 0) {
        out.push({ start, end: i + 1 });
        start = -1;
      }
    }
  }
  return out;
}

/**
 * The tags of a text (canonical copy, same length as the text): unit tags and deadline tags that close
 * a clause — "…保护。(地区农牧局)" or "…(长期)。"; "党校(行政学院)将…" is no tag.
 */
export function findTags(text: string, canon: string): TagMatch[] {
  const out: TagMatch[] = [];
  for (const { start, end } of bracketGroups(canon)) {
    const before = canon.slice(0, start).trimEnd().slice(-1);
    const after = canon.slice(end).trimStart().slice(0, 1);
    if (!(after === '' || /[。；，、！？（〔【\n]/.test(after) || /[。；！？]/.test(before))) continue;
    const inner = text.slice(start + 1, end - 1);
    const innerCanon = canon.slice(start + 1, end - 1);
    // "…领导小组办公室（市发展改革委）": a name glossed by another, not a unit tag (a deadline still is one).
    const glossed = /[局厅委办室处院署会部队所站]$/.test(before);
    const tag = glossed ? null : readUnitTag(innerCanon, inner);
    if (tag) {
      out.push({ kind: 'units', start, end, inner, tag });
      continue;
    }
    const deadline = parseDeadlineTag(innerCanon);
    if (deadline) out.push({ kind: 'deadline', start, end, inner, deadline: { ...deadline, text: compact(inner) } });
  }
  return out;
}

/** Whether a text holds a unit tag anywhere. */
export const hasUnitTag = (text: string, canon: string): boolean => findTags(text, canon).some((t) => t.kind === 'units');

/** Whether a text ends with a unit tag (trailing punctuation allowed): "…保护。(地区农牧局)". */
export function endsWithUnitTag(text: string, canon: string): boolean {
  const last = findTags(text, canon)
    .filter((t) => t.kind === 'units')
    .at(-1);
  return last !== undefined && canon.slice(last.end).replace(/[\s。；，、！？]/g, '') === '';
}

/**
 * A labelled line's units (责任单位：X、Y，Z), read as a tag holding that one field: clauses at commas,
 * a dropped prefix or suffix restored, units marked （牵头） leading. [] for a label that names no units.
 */
export function labelList(label: LabelInfo): TagUnit[] {
  if (!(label.key in UNIT_LABELS)) return [];
  return readUnitTag(`${label.key}：${label.valueCanon}`, `${label.key}：${label.value}`)?.units ?? [];
}
