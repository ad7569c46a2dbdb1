// 目标 / 指标: the quantities a task promises, e.g. "森林覆盖率达到38.5%", "全市用水总量控制在7亿立方米".
import type { Target } from '../../domain/types';

const UNITS =
  '微克/立方米|毫克/立方米|毫克/升|%|‰|个百分点|亿立方米|万立方米|立方米|平方公里|万平方米|平方米|万亩|亩|公顷|公里|千米|万千瓦|千瓦|万吨|蒸吨|吨|万座|座|万个|个|处|家|项|户|万人|人|辆|条|次|亿元|万元|元|台|套|所|宗|名|批|类|级|倍|天|小时';
/** A number with a unit; not part of a date (2018年) or an ordinal (第1项). */
const QUANTITY = new RegExp(`(?<![第\\d.])(\\d+(?:\\.\\d+)?)\\s*(${UNITS})(?![年月日号])`);

const COMMITMENT =
  /达到|达|提高到|提高至|提升到|提升至|提高|提升|下降|降低|减少|削减|控制在|控制|保持在|保持|稳定在|不低于|不少于|不超过|以上|以下|以内|完成|建成|新建|改扩建|实现|淘汰|增加|超过|覆盖|占比|率为|累计|全部|每年|推广|建设|实施|培育|打造|治理|新增|创建|整治|改造|修复|种植|造林|植树|恢复/;

/** One target per clause that promises a quantity. */
export function findTargets(prose: string): Target[] {
  const out: Target[] = [];
  for (const raw of prose.split(/[。；;！？\n]|[，,](?![^（(]*[）)])/)) {
    const clause = raw.trim().replace(/^\d{1,2}\s*[.、．]\s*(?=\D|\d{4}年)/, '');
    const q = QUANTITY.exec(clause);
    if (!q || !COMMITMENT.test(clause)) continue;
    // Time spans are not targets: "每季度召开一次", "7天需求量" without a commitment verb were filtered above.
    if (/^\d+\s*(天|小时)$/.test(q[0]) && !/以内|不超过/.test(clause)) continue;
    const text = clause.length > 80 ? clause.slice(0, 79) + '…' : clause;
    if (out.some((t) => t.text === text)) continue;
    out.push({ text, value: Number(q[1]), unit: q[2] });
  }
  return out;
}
