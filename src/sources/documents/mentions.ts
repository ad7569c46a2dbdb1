// Units that prose names without a role: "自治区生态环境厅会同发展改革…", "自治区水利厅负责…".
import type { UnitRef } from '../../domain/types';
import { canonical } from './normalize';

/** Where a unit name starts: a province-level prefix or a named place. */
const PREFIX =
  /(?:(?:新疆维吾尔|西藏|内蒙古|广西壮族|宁夏回族)?自治区|(?<=^|[，。；、：（\s]|由|会同|和|与|及)[省市县](?=[\u4e00-\u9fa5]{2})|[^\s\p{P}的为和与及在对把将从向以是了我各有关相等全本该其之并或而由被所其中一二三四五六七八九十]{2,6}?(?:省|自治州|地区|市|州|盟|县|旗))/u;

/** Words that end a name: the verb or connective that follows the unit. */
const STOP_WORDS =
  /会同|负责|牵头|要|组织(?!部)|督促|指导|制定|研究|建立|加强|加大|对|在|将|与|按照|依照|依托|开展|完成|适时|严格|限时|定期|明确|全面|联合|共同|作出|根据|和各|等|及|以|把|为|向|从|已|于|并|是|的|，|。|；|、|：|（|）|“|”|《|》|\s/;

/** How a unit name ends, longest alternatives first. */
const SUFFIX =
  /(领导小组办公室|整改办|督查室|办公厅|办公室|委员会|管委会|纪委监委|宣传部|组织部|统战部|编办|小组|法院|检察院|人民政府|政府|行署|厅|局|委|办)$/;

const NOT_A_UNIT = /^(各|有关|相关|全|本|该|我|其他|其它|所在|当地|上级|同级)/;

/** Words that end like a unit but are not one: 格局, 布局, 大局… */
const NOT_A_UNIT_END = /(格局|布局|大局|全局|结局|开局|时局|新局|破局|大委|之委|办法|举办|创办|兴办|督办|承办|申办|代办|包办)$/;

/** Mentioned units in prose, in order of appearance, without duplicates. */
export function findMentionedUnits(text: string): UnitRef[] {
  // Read on the canonical copy (same length): half-width , ; ( ) end names as their full-width forms do.
  let prose = canonical(text);
  const found: UnitRef[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      found.push({ name, role: 'mentioned' });
    }
  };
  // Titles of laws and plans (《…办法》) name no unit.
  prose = prose.replace(/《[^《》]*》/g, (t) => ' '.repeat(t.length));
  const re = new RegExp(PREFIX.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(prose))) {
    // "会同省财政厅": the connective is not part of the place name.
    const lead = /^(会同|配合|协同|联合|牵头|负责|督促|指导|由|和|与|及)/.exec(m[0])?.[0] ?? '';
    const start = m.index + lead.length;
    const prefix = m[0].slice(lead.length);
    if (prefix.length < 1 || NOT_A_UNIT.test(prose.slice(start, start + 3))) continue;
    const rest = prose.slice(start + prefix.length, start + prefix.length + 16);
    const stop = STOP_WORDS.exec(rest);
    const body = stop ? rest.slice(0, stop.index) : rest;
    const name = longestUnitPrefix(prefix, body);
    // "…办法", "…局面": the suffix was the start of another word.
    if (!name || /^[法面势限]/.test(prose.slice(start + name.length, start + name.length + 1))) continue;
    add(name);
    // A list that follows shares the prefix: "…工业和信息化厅、住房和城乡建设厅、交通运输厅等".
    let pos = start + name.length;
    while (prose[pos] === '、') {
      const next = prose.slice(pos + 1, pos + 17);
      const nextStop = STOP_WORDS.exec(next);
      const candidate = longestUnitPrefix('', nextStop ? next.slice(0, nextStop.index) : next);
      if (!candidate || candidate.length < 3) break;
      add(new RegExp(`^${PREFIX.source}`, 'u').test(candidate) ? candidate : prefix + candidate);
      pos += 1 + candidate.length;
    }
    re.lastIndex = pos;
  }
  return found;
}

function longestUnitPrefix(prefix: string, body: string): string | null {
  for (let end = body.length; end >= 1; end--) {
    const candidate = prefix + body.slice(0, end);
    if (SUFFIX.test(candidate) && !NOT_A_UNIT_END.test(candidate)) return candidate;
  }
  return null;
}
