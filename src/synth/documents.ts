// Synthetic plans in the five text formats of the real ones: the same site chrome, header fields,
// outline markers, unit tags and labelled lines, so the real ingest meets what it meets in the wild.
// Each writer also returns what a correct ingest must find (ExpectedTask), for the tests.
import type { DocumentKind, DocumentSidecar } from '../domain/types';
import type { SynthRegion } from './regions';
import type { Rng } from './rng';
import { chineseNumber } from './numerals';
import {
  deadlinePhrase,
  distinctUnits,
  plainTask,
  uniqueUnits,
  pad2,
  pickKeys,
  pickUnit,
  scopeOf,
  taskBody,
  unitList,
  type ExpectedTask,
  type ExpectedUnit,
  type UnitPick,
} from './text';
import { CAUSE_PHRASES, FINDINGS, GOAL_PHRASES, PLAN_THEMES, PRINCIPLES, REQUIREMENTS, TOPICS, type Topic } from './vocab';

/** The fields of content/documents/<slug>.yaml, exactly as the real ones have them. */
export type SynthMeta = DocumentSidecar & { provenance: string; note: string };

export interface SynthDocument {
  slug: string;
  text: string;
  meta: SynthMeta;
  expected: {
    tasks: ExpectedTask[];
    /** 发文字号 where the text gives one. */
    docNumber: string | null;
    /** The date the page shows as published (YYYY-MM-DD). */
    publishedOn: string;
  };
}

export interface DocContext {
  rng: Rng;
  region: SynthRegion;
  parent: SynthRegion | null;
  slug: string;
  /** Number of tasks (problems for 整改方案) the document must contain. */
  tasks: number;
  year: number;
  /** YYYY-MM-DD */
  writtenOn: string;
  publishedOn: string;
  provenance: string;
}

/** Every synthetic document says what it is, in its metadata and so on its page. */
export const SYNTH_NOTE = '合成数据（非真实文件）：由 npm run synth 生成，仅供测试与性能基准，不得发布。';

const cnDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const cnDatePadded = (iso: string) => `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日`;
const time = (rng: Rng) => `${pad2(rng.int(8, 19))}:${pad2(rng.int(0, 59))}`;

/** Splits `n` items into `parts` runs of near-equal length (each ≥ 1 when n ≥ parts). */
function splitCounts(n: number, parts: number): number[] {
  const k = Math.max(1, Math.min(parts, n));
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(Math.floor((n * (i + 1)) / k) - Math.floor((n * i) / k));
  return out;
}

/** Topics for the sections of a document: distinct where possible. */
function sectionTopics(rng: Rng, count: number): Topic[] {
  const out: Topic[] = [];
  while (out.length < count) out.push(...rng.sample(TOPICS, count - out.length));
  return out;
}

/**
 * `count` tasks in sections of near-equal size, one per topic, numbered on from `first`: `heading(s, topic)`
 * writes a section's heading, `task(n, topic)` writes one task and says what the ingest must find.
 */
function sectionedTasks(
  count: number,
  topics: Topic[],
  heading: (s: number, topic: Topic) => void,
  task: (n: number, topic: Topic) => ExpectedTask,
  first = 1,
): ExpectedTask[] {
  const expected: ExpectedTask[] = [];
  let n = first;
  splitCounts(count, topics.length).forEach((inSection, s) => {
    heading(s, topics[s]);
    for (let i = 0; i < inSection; i++) expected.push(task(n++, topics[s]));
  });
  return expected;
}

/** Units of the region that lead/help a task, as the document writes them on its date. */
function taskUnits(
  ctx: DocContext,
  topic: Topic,
  leads: number,
  partners: number,
  typoRate: number,
): { leads: UnitPick[]; partners: UnitPick[] } {
  const keys = pickKeys(ctx.rng, topic, leads, partners);
  const pick = (k: string) => pickUnit(ctx.rng, ctx.region, k, ctx.writtenOn, typoRate);
  const l = distinctUnits(keys.leads.map(pick));
  const lNames = new Set(l.map((u) => u.written.name));
  return { leads: l, partners: distinctUnits(keys.partners.map(pick)).filter((u) => !lNames.has(u.written.name)) };
}

const collectiveUnit = (region: SynthRegion, role: ExpectedUnit['role']): ExpectedUnit => ({
  name: region.collective,
  role,
  registered: true,
});

// ---------------------------------------------------------------------------------------------
// (a) 分工方案: numbered tasks whose clauses end with unit tags "(地区农牧局)".

export function writeFengong(ctx: DocContext): SynthDocument {
  const { rng, region, year } = ctx;
  const theme = rng.pick(PLAN_THEMES);
  const outline = `${ctx.parent?.name ?? region.name}${theme}规划纲要(${year - 1}-2030年)`;
  const title = `${region.name}贯彻实施《${outline}》分工方案`;
  // Inside 《》 the outline's own title goes in <>, as the real notices write it.
  const quoted = `${region.name}贯彻实施<${outline}>分工方案`;
  const notice = `${region.government}关于印发《${quoted}》的通知`;
  const docNumber = `${region.docPrefix}〔${year}〕${rng.int(10, 199)}号`;
  const stamp = `${ctx.publishedOn} ${time(rng)}`;
  const L: string[] = [
    `- 索引号:hc${region.code}/${year}-${String(rng.int(1, 99999)).padStart(5, '0')}`,
    `- 发文字号:${docNumber}`,
    `- 发文机构:${region.governmentShort}`,
    `- 名 称:${notice}`,
    '- 公文种类 :建设规划',
    `- 发布日期:${stamp}`,
    notice,
    `发布时间:${stamp} 浏览次数:`,
    `${region.collective},${region.governmentShort}各局、委、办:`,
    `《${quoted}》已经${region.governmentShort}${year}年第${rng.int(2, 30)}次常务会议研究通过,现印发给你们,请认真抓好贯彻执行。`,
    region.government,
    cnDate(ctx.writtenOn),
    title,
    `为深入贯彻落实《${outline}》确定的一系列政策措施,全面推进${theme},根据有关部门、单位职责,现提出如下分工方案。`,
  ];
  const sectionCount = ctx.tasks <= 30 ? 1 : Math.min(5, Math.ceil(ctx.tasks / 25));
  const expected = sectionedTasks(
    ctx.tasks,
    sectionTopics(rng, sectionCount),
    (s, sectionTopic) => L.push(`${chineseNumber(s + 1)}、${sectionCount === 1 ? '工作分工' : rng.pick(sectionTopic.sections)}`),
    (n, sectionTopic) => {
      const topic = rng.chance(0.7) ? sectionTopic : rng.pick(TOPICS);
      const body = taskBody(rng, topic, region, year, { targetChance: 0.3, sentences: [1, 4] });
      // Cut the sentences into 1–3 runs, each closed by its own tag.
      const runs = splitCounts(body.sentences.length, rng.int(1, Math.min(3, body.sentences.length)));
      let pos = 0;
      let line = `${n}.${rng.chance(0.1) ? ' ' : ''}`;
      const units: ExpectedUnit[] = [];
      for (const len of runs) {
        line += body.sentences.slice(pos, pos + len).join('');
        pos += len;
        const tag = fengongTag(ctx, topic);
        line += tag.text;
        units.push(...tag.expected);
      }
      L.push(line);
      return plainTask(n, String(n), line.replace(/^\d+\.\s?/, ''), units, body.targets);
    },
  );
  L.push(`${chineseNumber(sectionCount + 1)}、工作要求`);
  rng.sample(REQUIREMENTS, 3).forEach(([head, text], i) => L.push(`(${chineseNumber(i + 1)})${head}。${text}。`));
  return finish(ctx, L, '分工方案', 'annual', `${ctx.writtenOn}`, '2030-12-31', expected, { docNumber });
}

function fengongTag(ctx: DocContext, topic: Topic): { text: string; expected: ExpectedUnit[] } {
  const { rng } = ctx;
  const [open, close] = rng.chance(0.85) ? ['(', ')'] : ['（', '）'];
  const form = rng.next();
  if (form < 0.15) {
    // "(A牵头,B、C配合)"
    const u = taskUnits(ctx, topic, 1, 3, 0.01);
    if (u.partners.length > 0) {
      const lead = unitList(u.leads, 'lead', false);
      const partners = unitList(u.partners, 'partner', rng.chance(0.5));
      const sep = rng.chance(0.5) ? ',' : '，';
      return {
        text: `${open}${lead.text}牵头${sep}${partners.text}${rng.pick(['配合', '参与'])}${close}`,
        expected: [...lead.expected, ...partners.expected],
      };
    }
  }
  const u = taskUnits(ctx, topic, 1, form < 0.55 ? 0 : 2, 0.015);
  const list = unitList([...u.leads, ...u.partners], 'responsible', rng.chance(0.6));
  return { text: `${open}${list.text}${close}`, expected: list.expected };
}

// ---------------------------------------------------------------------------------------------
// (b) 工作要点: （一） sections, "1. " tasks, 牵头单位/责任单位 lines with mixed punctuation.

export function writeYaodian(ctx: DocContext): SynthDocument {
  const { rng, region, year } = ctx;
  const theme = rng.pick(PLAN_THEMES);
  const title = `${region.name}${theme}${year}年度工作要点`;
  const docNumber = `${region.docPrefix.replace(/发$/, '')}办〔${year}〕${rng.int(10, 199)}号`;
  const colon = () => (rng.chance(0.7) ? ':' : '：');
  const L: string[] = [
    '网站无障碍 适老版',
    ' ',
    `索引号: 发文字号: ${docNumber}`,
    '发文机关: 主题分类: 生态环境',
    `成文日期: ${cnDatePadded(ctx.writtenOn)} 发布日期: ${cnDatePadded(ctx.publishedOn)}`,
    `${region.government}办公室`,
    `关于印发${region.name}${theme}`,
    `${year}年度工作要点的通知`,
    '',
    `${region.collective},${region.governmentShort}有关部门:`,
    '',
    `《${title}》已经${region.governmentShort}同意,现印发给你们,请结合实际,认真贯彻实施。`,
    '',
    ' ',
    '',
    `              ${cnDate(ctx.writtenOn)}`,
    '',
    '',
    `${region.name}${theme}`,
    '',
    `${year}年度工作要点`,
    '',
    ' ',
    '',
    `${year}年是推进${theme}的关键之年,为加快推动全${region.prefix}${year}年${theme}工作任务落到实处,结合工作实际,提出如下工作要点。`,
    '',
  ];
  const groups = ctx.tasks <= 12 ? 1 : Math.min(3, Math.ceil(ctx.tasks / 20));
  const expected: ExpectedTask[] = [];
  splitCounts(ctx.tasks, groups).forEach((groupCount, g) => {
    L.push(`${chineseNumber(g + 1)}、${g === 0 ? '重点任务及责任分工' : rng.pick(['深化改革创新', '强化支撑保障', '推进重点工程'])}`, '');
    const sections = Math.max(1, Math.min(8, Math.ceil(groupCount / 6)));
    const inGroup = sectionedTasks(
      groupCount,
      sectionTopics(rng, sections),
      (s, sectionTopic) => L.push(`（${chineseNumber(s + 1)}）${rng.pick(sectionTopic.sections)}`, ''),
      (n, sectionTopic) => {
        const topic = rng.chance(0.8) ? sectionTopic : rng.pick(TOPICS);
        const body = taskBody(rng, topic, region, year, { targetChance: 0.35, sentences: [2, 5] });
        L.push(`${n}. ${body.sentences.join('')}`, '');
        const u = taskUnits(ctx, topic, rng.chance(0.25) ? 2 : 1, 6, 0.01);
        const lead = unitList(u.leads, 'lead', false);
        L.push(`牵头单位${colon()}${lead.text}`, '');
        const units = [...lead.expected];
        const resp = unitList(u.partners, 'responsible', false);
        const comma = rng.chance(0.6) ? ',' : '，';
        const respParts: string[] = [];
        if (rng.chance(0.85)) {
          respParts.push(region.collective);
          units.push(collectiveUnit(region, 'responsible'));
        }
        if (resp.text) respParts.push(resp.text);
        else if (rng.chance(0.5) || respParts.length === 0) {
          const youguan = region.style === 'diqu' ? '行署有关部门' : `${region.prefix}政府有关部门`;
          respParts.push(youguan);
          units.push({ name: youguan, role: 'responsible', registered: true });
        }
        units.push(...resp.expected);
        L.push(`责任单位${colon()}${respParts.join(comma)}`, '');
        return plainTask(n, String(n), body.sentences.join(''), units, body.targets);
      },
      expected.length + 1,
    );
    expected.push(...inGroup);
  });
  L.push(`${chineseNumber(groups + 1)}、工作要求`, '');
  rng.sample(REQUIREMENTS, 4).forEach(([head, text], i) => L.push(`(${chineseNumber(i + 1)})${head}。${text}。`, ''));
  L.push('相关解读');
  return finish(ctx, L, '工作要点', 'quarterly', `${year}-01-01`, `${year}-12-31`, expected, { docNumber });
}

// ---------------------------------------------------------------------------------------------
// (c) 实施方案: navigation chrome, indented text, (一) sections, 牵头单位/配合单位 lines.

export function writeShishi(ctx: DocContext): SynthDocument {
  const { rng, region, year } = ctx;
  const theme = rng.pick(PLAN_THEMES);
  const title = `《${region.name}贯彻落实<关于加快推进${theme}的行动方案> 的实施方案》`;
  const I = '    ';
  const L: string[] = [
    `欢迎来到${region.government}网站 [登录]`,
    '当前时间:',
    `${region.government}门户网`,
    ...['首页', '政务要闻', '政府信息公开', '领导之窗', '政民互动', '专题专栏'].map((x) => `  • ${x}`),
    `${I}首页>新闻>政府信息公开>政府文件`,
    '',
    `${I}${title}`,
    '',
    `${I}来源:${region.prefix}生态环境局  日期:${ctx.publishedOn}  信息员:admin  签发领导:  浏览:${rng.int(0, 999)}次  打印`,
    '',
    `${I}为全面贯彻落实${ctx.parent?.name ?? region.name}关于加快推进${theme}的部署要求,结合${region.name}实际,制定如下实施方案。`,
    '',
    `${I}一、总体要求`,
    '',
    `${I}坚持生态优先、绿色发展,推动减污降碳协同增效和山水林田湖草沙冰系统治理,促进经济社会发展全面绿色转型,为${theme}贡献${region.name}力量。`,
    '',
    `${I}二、主要目标`,
    '',
    // Targets of the plan as a whole sit in prose, outside any task.
    `${I}2025年,${scopeOf(region)}${theme}取得明显成效,生态安全格局得到进一步巩固提升。2035年,生态文明制度体系健全高效,基本实现生态环境治理体系和治理能力现代化。`,
    '',
    `${I}三、重点任务`,
    '',
  ];
  const sections = Math.max(1, Math.min(9, Math.ceil(ctx.tasks / 3)));
  const expected = sectionedTasks(
    ctx.tasks,
    sectionTopics(rng, sections),
    (s, topic) => L.push(`${I}(${chineseNumber(s + 1)})${rng.pick(topic.sections)}`, ''),
    (n, topic) => {
      const body = taskBody(rng, topic, region, year, { targetChance: 0.45, sentences: [2, 6] });
      L.push(`${I}${n}.${body.sentences.join('')}`, '');
      const u = taskUnits(ctx, topic, rng.chance(0.35) ? 2 : 1, 7, 0.01);
      const lead = unitList(u.leads, 'lead', false);
      L.push(`${I}牵头单位:${lead.text}`, '');
      const partner = unitList(u.partners, 'partner', false);
      const units = [...lead.expected, ...partner.expected];
      const parts = [partner.text].filter(Boolean);
      if (rng.chance(0.8) || parts.length === 0) {
        parts.push(region.collective);
        units.push(collectiveUnit(region, 'partner'));
      }
      L.push(`${I}配合单位:${parts.join(',')}`, '');
      return plainTask(n, String(n), body.sentences.join(''), units, body.targets);
    },
  );
  L.push(`${I}四、组织保障`, '');
  rng.sample(REQUIREMENTS, 4).forEach(([head, text], i) => L.push(`${I}(${chineseNumber(i + 1)})${head}。${text}。`, ''));
  L.push(
    `${I}附件:${title}的文件解读`,
    '',
    `${I}https://www.example.gov.cn/index.php?s=news&c=show&id=${rng.int(1000, 9999)}`,
    '',
    '',
    `${I}友情链接`,
    `${I}合成政务服务网`,
  );
  return finish(ctx, L, '实施方案', 'annual', ctx.writtenOn, '2035-12-31', expected);
}

// ---------------------------------------------------------------------------------------------
// (d) 整改方案: problems 一、… with 原因分析/整改目标/整改时限, measures ending with a deadline
// tag, and 责任单位/督导单位 lines.

export function writeZhenggai(ctx: DocContext): SynthDocument {
  const { rng, region, year } = ctx;
  const team = `中央第${chineseNumber(rng.int(1, 8))}生态环境保护督察组`;
  const title = `${region.name}贯彻落实${team}督察反馈意见整改方案`;
  const P = '  ';
  const inspected = `${year - 1}年${rng.int(4, 9)}月`;
  const L: string[] = [
    '最热',
    '',
    `${region.name}公开${team}督察整改方案`,
    '',
    `${ctx.publishedOn} ${time(rng)}`,
    '',
    `${P}${inspected},${team}对${region.name}开展了为期一个月的督察,并于${cnDate(ctx.writtenOn)}反馈了督察意见。${region.name}高度重视,及时研究制定《${title}》,对整改工作进行全面统筹和系统安排。`,
    '',
    `${P}针对督察组反馈意见,《整改方案》梳理分解列出${ctx.tasks}项问题,逐一分析了问题产生原因,明确了整改目标、时限、措施以及责任单位和督导单位。`,
    '',
  ];
  const expected: ExpectedTask[] = [];
  for (let n = 1; n <= ctx.tasks; n++) {
    const topic = rng.pick(TOPICS);
    const problem = rng.pick(topic.problems);
    const problemText = `${problem}。${rng.pick(FINDINGS)}。`;
    L.push(`${P}${chineseNumber(n)}、${problemText}`, '');
    L.push(`${P}原因分析:${rng.pick(CAUSE_PHRASES)}。`, '');
    const goals = rng.int(1, 3);
    const goalTexts = rng.sample(GOAL_PHRASES, goals).map((g) => g.replace('{t}', rng.pick(topic.titles)));
    L.push(`${P}整改目标:${goalTexts.map((g, i) => `${i + 1}.${g}`).join(';')}。`, '');
    const limits = goalTexts.map((_, i) => {
      const standing = rng.pick(['长期', '立行立改,长期', '']);
      const date = deadlinePhrase(rng, year).replace(/前$/, '');
      return `${i + 1}.第${i + 1}项目标${rng.chance(0.3) && standing ? standing : `${date}前完成${standing ? ',' + standing : ''}`}`;
    });
    L.push(`${P}整改时限:${limits.join(';')}。`, '');
    const measures = rng.int(2, 6);
    const sentences = rng.sample(topic.sentences, measures);
    for (let m = 0; m < measures; m++) {
      const text = sentences[m % sentences.length];
      L.push(`${P}${m + 1}.${text}(${measureDeadline(rng, year)})。`, '');
    }
    const u = taskUnits(ctx, topic, 1, 6, 0.02);
    const resp = unitList([...u.leads, ...u.partners], 'responsible', false);
    const units: ExpectedUnit[] = [...resp.expected];
    let respText = resp.text;
    if (rng.chance(0.8)) {
      respText += `,${region.collective}`;
      units.push(collectiveUnit(region, 'responsible'));
    }
    L.push(`${P}责任单位:${respText}。`, '');
    if (rng.chance(0.4)) {
      const sup: UnitPick[] = [pickUnit(rng, region, 'dwdcs', ctx.writtenOn, 0), pickUnit(rng, region, 'dcs', ctx.writtenOn, 0)];
      if (rng.chance(0.5)) sup.push(pickUnit(rng, region, 'sthj', ctx.writtenOn, 0));
      const list = unitList(distinctUnits(sup), 'supervisor', false);
      // 整改办: a working office no registry lists; the portal must show it as unverified.
      const office = `${region.altPrefixes[0] ?? region.prefix}整改办`;
      L.push(`${P}督导单位:${office}、${list.text}。`, '');
      units.push({ name: office, role: 'supervisor', registered: false }, ...list.expected);
    }
    expected.push({
      localId: `p${n}`,
      number: chineseNumber(n),
      kind: 'problem',
      text: problemText,
      units: uniqueUnits(units),
      targets: [],
      measures,
    });
  }
  L.push('最新', '', '推荐');
  const reporting = rng.chance(0.2) ? 'monthly' : 'quarterly';
  return finish(ctx, L, '整改方案', reporting, ctx.writtenOn, `${year + 2}-12-31`, expected);
}

function measureDeadline(rng: Rng, year: number): string {
  const r = rng.next();
  if (r < 0.45) {
    const y = year + rng.int(0, 2);
    const m = rng.pick([3, 6, 9, 12]);
    return `${y}年${m}月${m === 6 || m === 9 ? 30 : 31}日`;
  }
  if (r < 0.75) return '长期';
  if (r < 0.85) return '立即启动';
  if (r < 0.93) return '立行立改';
  return `${year}年12月31日,长期`;
}

// ---------------------------------------------------------------------------------------------
// (e) 实施意见: reposted on a trade site; （一） items numbered through the whole text, units in prose only.

export function writeYijian(ctx: DocContext): SynthDocument {
  const { rng, region, year } = ctx;
  const theme = rng.pick(PLAN_THEMES);
  const title = `${region.name}关于加强${theme}的实施意见`;
  const issuerUnit = mentionName(region, 'sthj');
  const L: string[] = [
    '首页 > 资讯',
    '',
    `《${title}》征求意见`,
    '',
    '来源:合成环保网',
    `时间:${ctx.publishedOn} 09:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`,
    '热度:',
    '',
    `${issuerUnit}发布《${title}(征求意见稿)》,并公开征求意见。`,
    '',
    title,
    '',
    `${region.prefix === '区' ? '自治区' : region.prefix}直各有关部门,${region.collective}:`,
    '',
    `为深入贯彻落实国家关于${theme}的部署,结合${region.name}实际,提出如下实施意见。`,
    '',
    '一、总体要求',
    '',
    `坚持以生态文明思想为指导,完整、准确、全面贯彻新发展理念,加快推进${theme}。`,
    '',
    ...rng.sample(PRINCIPLES, 3).flatMap(([head, text]) => [`——${head}。${text}。`, '']),
    `到2025年,${theme}制度基本建立。到2035年,${theme}体系全面建立。`,
    '',
  ];
  const sections = Math.max(1, Math.min(8, Math.ceil(ctx.tasks / 4)));
  const expected = sectionedTasks(
    ctx.tasks,
    sectionTopics(rng, sections),
    (s, topic) => L.push(`${chineseNumber(s + 2)}、${rng.pick(topic.sections)}`, ''),
    (n, topic) => {
      const body = taskBody(rng, topic, region, year, { targetChance: 0.25, sentences: [2, 4] });
      const units: ExpectedUnit[] = [];
      let text = body.sentences.join('');
      if (rng.chance(0.6)) {
        // A unit named in the prose, without a role: "…。合成省01林业和草原局会同有关部门负责。"
        const key = rng.pick(topic.leads.filter((k) => k !== 'xcb' && k !== 'zzb').concat('sthj'));
        const name = mentionName(region, key);
        text += `${name}会同有关部门${rng.pick(['负责', '组织实施', '抓好落实'])}。`;
        units.push({ name, role: 'mentioned', registered: true });
      }
      L.push(`（${chineseNumber(n)}）${text}`, '');
      return plainTask(n, chineseNumber(n), text, units, body.targets);
    },
  );
  L.push('Baidu', 'map');
  return finish(ctx, L, '实施意见', 'annual', ctx.writtenOn, '2035-12-31', expected, { issuer: issuerUnit });
}

/**
 * How prose names a department of the region: the full official name for a province (合成省01生态环境厅),
 * the 自治区 form for an autonomous region (自治区生态环境厅), as real texts do.
 */
function mentionName(region: SynthRegion, key: string): string {
  const official: Record<string, string> = {
    sthj: '生态环境厅',
    lc: '林业和草原局',
    sl: '水利厅',
    nync: '农业农村厅',
    zrzy: '自然资源厅',
    fgw: '发展和改革委员会',
    zj: '住房和城乡建设厅',
    wl: '文化和旅游厅',
    gx: '工业和信息化厅',
    yj: '应急管理厅',
    qx: '气象局',
  };
  const own = official[key] ?? '生态环境厅';
  return region.style === 'autonomous' ? `自治区${own}` : `${region.name}${own}`;
}

// ---------------------------------------------------------------------------------------------

function finish(
  ctx: DocContext,
  lines: string[],
  kind: DocumentKind,
  reporting: SynthMeta['reporting'],
  spanStart: string,
  spanEnd: string,
  tasks: ExpectedTask[],
  extra: { issuer?: string; docNumber?: string } = {},
): SynthDocument {
  const { issuer } = extra;
  const meta: SynthMeta = {
    provenance: ctx.provenance,
    region: ctx.region.code,
    kind,
    sourceUrl: null,
    ...(issuer ? { issuer } : {}),
    reporting,
    span: { start: spanStart, end: spanEnd },
    note: SYNTH_NOTE,
  };
  return {
    slug: ctx.slug,
    text: lines.join('\n') + '\n',
    meta,
    expected: { tasks, docNumber: extra.docNumber ?? null, publishedOn: ctx.publishedOn },
  };
}

export const WRITERS: Record<'分工方案' | '工作要点' | '实施方案' | '整改方案' | '实施意见', (ctx: DocContext) => SynthDocument> = {
  分工方案: writeFengong,
  工作要点: writeYaodian,
  实施方案: writeShishi,
  整改方案: writeZhenggai,
  实施意见: writeYijian,
};
