// Rules a plan states once and applies onward: who leads where a tag names no lead
// (列第一位者为牵头单位，下同 / 逗号前为牵头单位 / 以黑体字标注的为牵头部门), and units every later task has
// without naming them (以下均需X落实，不再列出). A rule holds from where it is stated; 下同 makes a lead
// rule hold to the end of the document unless a later one replaces it; without 下同 it holds for its own
// tag. Rules may stand in a tag or in the prose around the tasks.
import type { Role, TaskGap, UnitRef } from '../../domain/types';
import type { Block } from './blocks';
import { findTags, LEAD_RULES, type LeadRule, type ParsedTag, type TagUnit } from './tags';
import { parseUnitList } from './unit-names';

/** A rule and the line that states it. */
interface Stated<T> {
  rule: T;
  line: number;
}

export interface RuleState {
  lead: Stated<LeadRule> | null;
  /** Default units, each from the line that states them: they apply to tasks after that line's task. */
  defaults: Stated<{ text: string; units: UnitRef[] }>[];
}

export const newRuleState = (): RuleState => ({ lead: null, defaults: [] });

const DEFAULT_IN_PROSE =
  /以下(?:各项)?(?:任务|工作|政策|措施|事项)?均(?:需|由|需要|要)([^，。；]+?)(?:负责)?落实[，；]?\s*不再(?:一一)?列出/;

/** Rules stated in prose (outside tags): each with its line, in order. */
export function proseRules(
  blocks: readonly Block[],
): Array<{ line: number; lead?: LeadRule; defaults?: { text: string; units: UnitRef[] } }> {
  const out: Array<{ line: number; lead?: LeadRule; defaults?: { text: string; units: UnitRef[] } }> = [];
  for (const b of blocks) {
    if (b.kind !== 'para' && b.kind !== 'item') continue;
    // Blank out the tags: rules inside them are read with their tag.
    let canon = b.canon;
    for (const t of findTags(b.text, b.canon)) canon = canon.slice(0, t.start) + ' '.repeat(t.end - t.start) + canon.slice(t.end);
    const lead = leadRuleIn(canon);
    if (lead) out.push({ line: b.n, lead });
    const d = DEFAULT_IN_PROSE.exec(canon);
    if (d) out.push({ line: b.n, defaults: { text: d[0], units: parseUnitList(d[1], 'responsible') } });
  }
  return out;
}

function leadRuleIn(canon: string): LeadRule | null {
  for (const { kind, re } of LEAD_RULES) {
    const m = re.exec(canon);
    if (m) return { kind, onward: true, text: m[0] };
  }
  return null;
}

const describe = (s: Stated<LeadRule>) => `${s.rule.text} (line ${s.line}${s.rule.onward ? ', 下同' : ''})`;

/** What reading a lead rule left undetermined, for the task's gaps. */
export function leadGap(state: RuleState): TaskGap | null {
  return state.lead?.rule.kind === 'formatting-lost'
    ? { field: 'lead', reason: `原文以字体标注牵头单位（${describe(state.lead)}），纯文本中已无法识别，牵头单位未能确定` }
    : null;
}

/**
 * The units of one list (a tag's, or a task's labelled lines), in order, with the lead rule in force
 * applied where the list names no lead itself; updates the state with the rules the tag states.
 */
export function applyRules(
  state: RuleState,
  tag: Pick<ParsedTag, 'units' | 'leadRule' | 'defaults'>,
  line: number,
  source: string,
): UnitRef[] {
  if (tag.leadRule) state.lead = { rule: tag.leadRule, line };
  const rule = state.lead;
  const explicitLead = tag.units.some((u) => u.explicit && u.role === 'lead');
  const leads = new Set<TagUnit>();
  if (rule && !explicitLead) {
    const responsible = tag.units.filter((u) => u.role === 'responsible');
    if (rule.rule.kind === 'first' && responsible[0]) leads.add(responsible[0]);
    if (rule.rule.kind === 'before-comma' && responsible.some((u) => u.clause > 0))
      for (const u of responsible) if (u.clause === 0) leads.add(u);
  }
  const out = tag.units.map((u): UnitRef => {
    const role: Role = leads.has(u) ? 'lead' : u.role;
    const basis = leads.has(u) ? `lead by ${describe(rule!)}, ${source} (line ${line})` : `${source} (line ${line})`;
    return { name: u.name, role, ...(u.written ? { written: u.written } : {}), basis };
  });
  if (tag.leadRule && !tag.leadRule.onward) state.lead = null;
  if (tag.defaults.length) state.defaults.push({ rule: { text: '以下均需…落实，不再列出', units: tag.defaults }, line });
  return out;
}

/** Default units in force for a task that starts after `line`, each with its basis. */
export function defaultUnits(state: RuleState, taskLine: number): UnitRef[] {
  return state.defaults
    .filter((d) => d.line < taskLine)
    .flatMap((d) => d.rule.units.map((u) => ({ ...u, role: 'responsible' as Role, basis: `default: ${d.rule.text} (line ${d.line})` })));
}
