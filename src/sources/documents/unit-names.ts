// Unit names in lists as plans write them: "省医保局、财政厅、人力资源社会保障厅", "各省辖市政府和济源示范区、
// 航空港区管委会", "市州、县市区人民政府". Split, cleaned, a dropped shared prefix or suffix restored, and
// every name checked to look like a unit — so ordinary parentheses ("(日土、噶尔)") never pass as tags.
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
  落实单位: 'responsible',
  承办单位: 'responsible',
  配合单位: 'partner',
  配合部门: 'partner',
  参与单位: 'partner',
  参与部门: 'partner',
  协办单位: 'partner',
  协助单位: 'partner',
  督导单位: 'supervisor',
  督办单位: 'supervisor',
  指导单位: 'supervisor',
  // The short forms of tables and tags: （牵头：X；配合：Y）.
  牵头: 'lead',
  主办: 'lead',
  配合: 'partner',
  参与: 'partner',
  协办: 'partner',
  督导: 'supervisor',
};

/** How government units end. "处" and "室" included: 地区公安处, 督查室. */
const UNIT_SUFFIX =
  /(局|厅|委|办|部|处|院|室|署|政府|管委会|委员会|小组|中心|公司|集团|支行|分行|银行|联社|协会|工委|监委|队|所|站|团|会|办公室|专署|联|协|社|台|机制|平台|单位|机关|组委|营管部|\（[^（）]*\）)$/;

/** A collective: 各县（市）人民政府, 各平台, 各市房地产融资协调机制. */
const COLLECTIVE = /^(各|有关|相关|全|其他|其它)/;

/** Words that name nobody: 有关部门, 相关单位, 其他有关部门, 市级各有关部门, 省直有关单位. */
const VAGUE =
  /^(?:(?:省|市|县|区|州|自治区)(?:级|直|本级)?)?各?(?:有关|相关|其他|其它)(?:有关|相关)?(?:部门|单位|方面|机构|企业)(?:和|及)?(?:单位|部门)?$/;
export const isVague = (name: string): boolean => VAGUE.test(cleanName(name));

/** Region prefixes a list may share: "(地区住房城乡建设局、交通局)", "示范区交通运输局、住房和城乡建设局". */
const REGION_PREFIX = /^((?:自治区|示范区|开发区|高新区|新区|地区|[省市县区州旗盟])(?:党委|委|政府)?|地委|行署)/;

/** A place the suffix of the next item may belong to: 市州, 县市区, 济源示范区, 航空港区. */
const PLACE = /(省|市|县|区|州|盟|旗|示范区|开发区|新区|园区|市州|县市区)$/;

/** Suffixes a list writes once for several places: "市州、县市区人民政府". */
const SHARED_SUFFIX = /(人民政府|政府|管委会|党委|党工委|管理委员会)$/;

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

/** A name as written, cleaned: spaces out, list punctuation and a trailing 等 / 等有关部门 gone. */
export function cleanName(name: string): string {
  return compact(name)
    .replace(/^[、，；。：\s]+|[、，；。：\s]+$/g, '')
    .replace(/^(由|请|会同)/, '')
    .replace(/等(有关|相关)?(部门|单位)?(和|及)?(单位|部门)?$/, '')
    .replace(/(会同|协同|联合)(有关|相关)(部门|单位|方面)$/, '');
}

/** 和/及/与 join two units where the part before it is a unit itself: 各省辖市政府和济源示范区…, never 住房和城乡建设局. */
function splitJoined(item: string): string[] {
  // At the first 和/及/与 with a unit (or a place, or words that name nobody) on its left: 住房和城乡建设局 has one inside.
  for (const m of item.matchAll(/和|及|与/g)) {
    const left = item.slice(0, m.index);
    const right = item.slice(m.index! + 1);
    if (!left || !right) continue;
    const leftOk = looksLikeUnit(left) || PLACE.test(left) || isVague(left);
    const rightOk = looksLikeUnit(right) || PLACE.test(right) || /[和及与]/.test(right);
    if (leftOk && rightOk) {
      const rest = splitJoined(right);
      if (rest.length > 1 || looksLikeUnit(right) || PLACE.test(right)) return [left, ...rest];
    }
  }
  return [item];
}

/** The items of a unit list, cleaned, vague words dropped: "A、B，C和D" → [A, B, C, D]. */
export function splitUnitList(value: string): string[] {
  return splitOutsideParens(value.replace(/[。.]$/, ''), /[、，,；;]/)
    .flatMap((item) => splitJoined(item))
    .map(cleanName)
    .filter((n) => n !== '' && !VAGUE.test(n));
}

/**
 * Restore a region prefix a list dropped: after 地区住房城乡建设局, 交通局 means 地区交通局. Only bare
 * department names take it; collectives, names with a place of their own and ministries do not.
 */
export function withSharedPrefix(names: string[], carried: string | null = null): Array<{ name: string; written?: string }> {
  let prefix = carried;
  return names.map((name) => {
    // The list's prefix is its first name's: an item with a place of its own (市农机局 in a 示范区 list) does not change it.
    const own = prefixOf(name);
    if (own) {
      prefix ??= own;
      return { name };
    }
    if (prefix && takesPrefix(name)) return { name: (isPartyDepartment(name) ? prefix : placeOf(prefix)) + name, written: name };
    return { name };
  });
}

/** 宣传部, 组织部: departments of the party committee, which take 市委 whole; others take only its place. */
const isPartyDepartment = (name: string): boolean => /部$/.test(name);

/** The place a prefix names: 市委 → 市, 地委 and 行署 → 地区, 县政府 → 县. */
function placeOf(prefix: string): string {
  if (prefix === '地委' || prefix === '行署') return '地区';
  return prefix.replace(/(?:党委|委|政府)$/, '') || prefix;
}

/**
 * A bare department name such as 财政厅, 宣传部 or 总工会; not a collective, a national body, a ministry
 * (财政部), a party body that names its own level (团省委) or a vertically managed office named after its
 * place (山东金融监管局, 广元银保监分局, 人行重庆营管部).
 */
function takesPrefix(name: string): boolean {
  if (COLLECTIVE.test(name) || /^(国家|国务院|中央|全国)/.test(name)) return false;
  if (/[省市县区]委/.test(name) || VERTICAL.test(name) || PROVINCES.test(name)) return false;
  if (/部$/.test(name)) return /^(组织|宣传|统战|政法)/.test(name);
  return (
    /^[\u4e00-\u9fa5]{0,14}(局|厅|委|办|处|委员会|办公室|中心|总工会|妇联|科协|残联|工商联|文联|侨联|协会)$/.test(name) && name.length >= 2
  );
}

/** Offices managed from above, named after their place rather than the plan's region. */
const VERTICAL = /(银保监|金融监管|证监|人民银行|人行|海关|分局|分行|支行|营管部)/;

/** Names starting with a province-level place are its own offices, never the plan's region's. */
const PROVINCES =
  /^(北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)/;

/** The region prefix a list's first name carries, for lists that go on in a later clause. */
export function prefixOf(name: string): string | null {
  if (/^(市场|区域|县域|省级|市级|县级)/.test(name)) return null;
  return REGION_PREFIX.exec(name)?.[1] ?? null;
}

/** Restore a suffix a list wrote once for several places: 市州、县市区人民政府 → 市州人民政府, 县市区人民政府. */
export function withSharedSuffix(names: string[]): string[] {
  const out = [...names];
  for (let i = out.length - 2; i >= 0; i--) {
    if (looksLikeUnit(out[i]) || !PLACE.test(out[i])) continue;
    const next = SHARED_SUFFIX.exec(out[i + 1]);
    const nextPlace = next ? out[i + 1].slice(0, -next[1].length) : '';
    if (next && PLACE.test(nextPlace)) out[i] = out[i] + next[1];
  }
  return out;
}

/** Units of a list as plans write them, each with `role`; `carried` is a prefix an earlier list of the same tag set. */
export function parseUnitList(value: string, role: Role, carried: string | null = null): UnitRef[] {
  return withSharedPrefix(withSharedSuffix(splitUnitList(value)), carried).map((u) => ({ ...u, role }));
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

/**
 * Names as the text writes them: lists are read from the canonical copy of a text (（） for ()), so each
 * name is looked up there and taken from the text itself, brackets and all. `canon` and `text` are the
 * same text (same length) before spaces are removed.
 */
export function asWritten<U extends { name: string; written?: string }>(units: U[], canon: string, text: string): U[] {
  const c = compact(canon);
  const t = compact(text);
  if (c.length !== t.length) return units;
  let from = 0;
  return units.map((u) => {
    const w = u.written ?? u.name;
    const i = c.indexOf(w, from) >= 0 ? c.indexOf(w, from) : c.indexOf(w);
    if (i < 0) return u;
    from = i + w.length;
    const original = t.slice(i, i + w.length);
    if (original === w) return u;
    return u.written ? { ...u, name: u.name.slice(0, u.name.length - w.length) + original, written: original } : { ...u, name: original };
  });
}
