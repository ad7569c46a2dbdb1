// Unit names in labelled lines ("责任单位：A、B，C") and in end-of-clause tags ("(A牵头，B参与)").
import type { Role, UnitRef } from '../../domain/types';
import { compact } from './normalize';

/** Label words before a colon that name units, and the role they give. */
export const UNIT_LABELS: Record<string, Role> = {
  牵头单位: 'lead',
  牵头部门: 'lead',
  主办单位: 'lead',
  主责单位: 'lead',
  责任单位: 'responsible',
  责任部门: 'responsible',
  负责部门: 'responsible',
  负责单位: 'responsible',
  实施单位: 'responsible',
  配合单位: 'partner',
  配合部门: 'partner',
  参与单位: 'partner',
  协办单位: 'partner',
  协助单位: 'partner',
  督导单位: 'supervisor',
  督办单位: 'supervisor',
  指导单位: 'supervisor',
};

/** Role words that close a clause inside a tag, longest first: "X牵头督导" is supervision. */
const ROLE_WORDS: Array<[string, Role]> = [
  ['牵头督导', 'supervisor'],
  ['牵头负责', 'lead'],
  ['共同负责', 'responsible'],
  ['分别负责', 'responsible'],
  ['按职责分工负责', 'responsible'],
  ['按职责负责', 'responsible'],
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

/** How government units end. "处" and "室" included: 地区公安处, 督查室. */
const UNIT_SUFFIX =
  /(局|厅|委|办|部|处|院|室|署|政府|管委会|委员会|小组|中心|公司|集团|支行|分行|银行|联社|协会|工委|监委|队|所|站|团|会|办公室|专署|\（[^（）]*\）)$/;

/** Region prefixes a list may share: "(地区住房城乡建设局、交通局)". */
const REGION_PREFIX = /^(自治区|地区|地委|行署|[省市县区州旗盟](?:委|党委|政府)?)/;

const COLLECTIVE = /^(各|有关|相关|全|其他|其它)/;

export function looksLikeUnit(name: string): boolean {
  const n = compact(name).replace(/等$/, '');
  if (n.length < 2 || n.length > 40) return false;
  if (/^\d/.test(n) || /\d{4}年/.test(n)) return false;
  return UNIT_SUFFIX.test(n);
}

/** Split on list separators that stand outside parentheses. */
export function splitOutsideParens(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function stripRoleWord(item: string): { name: string; role: Role | null } {
  for (const [word, role] of ROLE_WORDS) {
    if (item.endsWith(word) && item.length > word.length) return { name: item.slice(0, -word.length), role };
  }
  return { name: item, role: null };
}

/**
 * Restore a region prefix a list dropped: after 地区住房城乡建设局, 交通局 means 地区交通局.
 * Only bare department names take it; collectives and names of other bodies do not.
 */
function withSharedPrefix(names: string[]): Array<{ name: string; written?: string }> {
  let prefix: string | null = null;
  return names.map((name) => {
    // 市场监管局, 区域…: the first character is part of a word, not a region prefix.
    const own = /^(市场|区域|县域|省级|市级|县级)/.test(name) ? undefined : REGION_PREFIX.exec(name)?.[1];
    if (own) {
      prefix = own;
      return { name };
    }
    if (prefix && !COLLECTIVE.test(name) && /^[\u4e00-\u9fa5]{1,10}(局|厅|委|办|处)$/.test(name)) {
      return { name: prefix + name, written: name };
    }
    return { name };
  });
}

function cleanName(name: string): string {
  return (
    compact(name)
      .replace(/^[、，；。\s]+|[、，；。\s]+$/g, '')
      // "区水利厅等有关部门": the named unit; the vague rest stays in the text.
      .replace(/等(有关|相关)?(部门|单位)?$/, '')
  );
}

/**
 * Units of a labelled line's value: "各县区人民政府，市自然资源规划局、市水务局。"
 * `firstLeads` applies the convention 列第一位者为牵头单位.
 */
export function parseUnitList(value: string, role: Role, firstLeads = false): UnitRef[] {
  const names = splitOutsideParens(value.replace(/[。.]$/, ''), /[、，；,;]/)
    .map(cleanName)
    .filter((n) => n !== '');
  return withSharedPrefix(names).map((u, i) => ({
    ...u,
    role: firstLeads && role === 'responsible' ? (i === 0 ? 'lead' : 'responsible') : role,
  }));
}

export interface TagParse {
  units: UnitRef[];
}

/**
 * A parenthesised group at the end of a clause, if it is a unit tag.
 * Forms: (A) (A、B) (A牵头，B参与) (A指导) (A等和各有关省级人民政府负责) (负责部门：A；适用范围：B).
 * Returns null for ordinary parentheses: (日土、噶尔) (2014-2030年) (湖).
 */
export function parseUnitTag(inner: string, firstLeads = false): TagParse | null {
  const text = compact(inner);
  if (text === '') return null;
  // Labelled form inside the tag.
  if (/^[\u4e00-\u9fa5]{2,6}：/.test(text)) {
    const units: UnitRef[] = [];
    for (const pair of splitOutsideParens(text, /[；;]/)) {
      const m = /^([\u4e00-\u9fa5]{2,6})：(.*)$/.exec(pair);
      if (!m) return null;
      const role = UNIT_LABELS[m[1]];
      if (role) units.push(...parseUnitList(m[2], role, firstLeads));
      else if (!/范围|时限|时间|备注|说明/.test(m[1])) return null;
    }
    return units.length ? { units } : null;
  }
  const units: UnitRef[] = [];
  for (const clause of splitOutsideParens(text, /[，；,;]/)) {
    const { name: clauseBody, role: clauseRole } = stripRoleWord(clause);
    const items = splitOutsideParens(clauseBody, /[、,]/).flatMap((item) =>
      // "国家发展改革委等和各有关省级人民政府" joins two units with 和 after 等.
      item.includes('等和') ? item.split('等和') : [item],
    );
    const names = items.map(cleanName);
    if (names.length === 0 || !names.every(looksLikeUnit)) return null;
    const role: Role = clauseRole ?? 'responsible';
    withSharedPrefix(names).forEach((u, i) => {
      const r: Role = clauseRole === null && firstLeads && units.length === 0 && i === 0 ? 'lead' : role;
      units.push({ ...u, role: r });
    });
  }
  // With the convention, a tag without role words: first listed leads, the rest are responsible.
  return units.length ? { units } : null;
}

const ROLE_RANK: Record<Role, number> = { lead: 0, supervisor: 1, responsible: 2, partner: 3, mentioned: 4 };

/** Merge unit lists: one entry per name and role; 'mentioned' drops when a real role exists. */
export function mergeUnits(lists: UnitRef[][]): UnitRef[] {
  const out: UnitRef[] = [];
  for (const list of lists) {
    for (const u of list) {
      if (out.some((o) => o.name === u.name && o.role === u.role)) continue;
      if (u.role === 'mentioned' && out.some((o) => o.name === u.name)) continue;
      if (u.role !== 'mentioned') {
        const idx = out.findIndex((o) => o.name === u.name && o.role === 'mentioned');
        if (idx >= 0) out.splice(idx, 1);
      }
      out.push(u);
    }
  }
  return out.sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role]);
}
