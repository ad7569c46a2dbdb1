// Rules a plan states once: who leads where a tag names no lead, and default units for later tasks.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/domain/types';
import { buildBlocks } from '../../../src/sources/documents/blocks';
import { parseDocument } from '../../../src/sources/documents/index';
import { classifyLines } from '../../../src/sources/documents/lines';
import { canonical } from '../../../src/sources/documents/normalize';
import { applyRules, defaultUnits, leadGap, newRuleState, proseRules } from '../../../src/sources/documents/rules';
import { readUnitTag } from '../../../src/sources/documents/tags';

const meta: DocumentMeta = {
  slug: 'snippet',
  regionCode: '542500',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '2018-01-01', end: '2030-12-31' },
};
const parse = (text: string) => parseDocument(text, meta, 'snippet.txt');
const units = (list: { name: string; role: string }[]) => list.map((u) => `${u.name}:${u.role}`);
const taskUnits = (text: string) => parse(text).tasks.map((t) => units(t.units));

describe('lead rules', () => {
  it.each([['各项任务第一个单位为牵头单位，其余为责任单位。'], ['排名第一的为牵头单位,下同。'], ['排在第一位的部门为牵头部门。']])(
    'stated in prose, the rule holds for the tags after it: %s',
    (rule) => {
      const doc = parse(`${rule}\n1.甲事项。（省农业农村厅、省财政厅）\n2.乙事项。(省自然资源厅、省农业农村厅)`);
      expect(doc.tasks.map((t) => units(t.units))).toEqual([
        ['省农业农村厅:lead', '省财政厅:responsible'],
        ['省自然资源厅:lead', '省农业农村厅:responsible'],
      ]);
    },
  );

  it('列第一位者为牵头单位，下同: the first listed unit leads, in this and every later tag', () => {
    const doc = parse(
      '各项任务责任单位中列第一位者为牵头单位,下同。\n1.甲事项。(市发展改革委、市财政局)\n2.乙事项。（市水务局、市林草局）',
    );
    expect(units(doc.tasks[0].units)).toEqual(['市发展改革委:lead', '市财政局:responsible']);
    expect(units(doc.tasks[1].units)).toEqual(['市水务局:lead', '市林草局:responsible']);
  });

  it.each([
    [
      '，',
      '1.甲事项。（市发展改革委、市财政局。列第一位者为牵头单位，下同）\n2.乙事项。（市水务局、市林草局）\n3.丙事项。（市教育局牵头，市财政局配合）',
    ],
    [
      ',',
      '1.甲事项。(市发展改革委、市财政局。列第一位者为牵头单位,下同)\n2.乙事项。(市水务局、市林草局)\n3.丙事项。(市教育局牵头,市财政局配合)',
    ],
  ])('a rule with 下同 in a tag holds for later tags; a tag naming its lead keeps it (%s)', (_, text) => {
    expect(taskUnits(text)).toEqual([
      ['市发展改革委:lead', '市财政局:responsible'],
      ['市水务局:lead', '市林草局:responsible'],
      ['市教育局:lead', '市财政局:partner'],
    ]);
  });

  it('a rule without 下同 holds for its own tag only', () => {
    expect(taskUnits('1.甲事项。（市发展改革委、市财政局。排在第一位的为牵头单位）\n2.乙事项。（市水务局、市林草局）')).toEqual([
      ['市发展改革委:lead', '市财政局:responsible'],
      ['市水务局:responsible', '市林草局:responsible'],
    ]);
  });

  it('排名第一的为牵头单位，下同 stated before the tasks', () => {
    expect(taskUnits('各项任务排名第一的为牵头单位，下同。\n1.甲事项。(市发展改革委、市财政局)\n2.乙事项。（市水务局、市林草局）')).toEqual(
      [
        ['市发展改革委:lead', '市财政局:responsible'],
        ['市水务局:lead', '市林草局:responsible'],
      ],
    );
  });

  it('逗号前为牵头单位: the units before the first comma lead, where the list has one', () => {
    expect(taskUnits('1.甲事项。（市发展改革委、市财政局，逗号前为牵头单位，下同）\n2.乙事项。（市水务局，市林草局、市教育局）')).toEqual([
      ['市发展改革委:responsible', '市财政局:responsible'],
      ['市水务局:lead', '市林草局:responsible', '市教育局:responsible'],
    ]);
  });

  it('以黑体字标注的为牵头部门: the lead is left open and the gap says why', () => {
    const doc = parse('各项任务以黑体字标注的为牵头部门。\n1.甲事项。(市发展改革委、市财政局)\n2.乙事项。');
    expect(units(doc.tasks[0].units)).toEqual(['市发展改革委:responsible', '市财政局:responsible']);
    const lead = doc.tasks[0].gaps.filter((g) => g.field === 'lead');
    expect(lead).toEqual([
      { field: 'lead', reason: '原文以字体标注牵头单位（以黑体字标注的为牵头部门 (line 1, 下同)），纯文本中已无法识别，牵头单位未能确定' },
    ]);
    // A task that names no unit has no lead to miss.
    expect(doc.tasks[1].gaps.filter((g) => g.field === 'lead')).toEqual([]);
  });
});

describe('default units', () => {
  it('a default rule that later tasks inherit', () => {
    const doc = parse('1.甲事项。(省发展改革委)\n以下均需试点城市政府落实，不再列出。\n2.乙事项。(省财政厅)');
    expect(units(doc.tasks[0].units)).toEqual(['省发展改革委:responsible']);
    expect(units(doc.tasks[1].units)).toEqual(['省财政厅:responsible', '试点城市政府:responsible']);
  });

  it.each([
    ['，', '1.甲事项。(省发展改革委按职责分工负责。以下均需试点城市政府落实，不再列出)\n2.乙事项。(省财政厅)'],
    [',', '1.甲事项。(省发展改革委按职责分工负责。以下均需试点城市政府落实,不再列出)\n2.乙事项。(省财政厅)'],
  ])('a default rule in a tag applies from the next task (%s)', (_, text) => {
    const doc = parse(text);
    expect(taskUnits(text)).toEqual([['省发展改革委:responsible'], ['省财政厅:responsible', '试点城市政府:responsible']]);
    expect(doc.tasks[1].units[1].basis).toBe('default: 以下均需…落实，不再列出 (line 1)');
  });
});

describe('the rule state', () => {
  const tag = (inner: string) => readUnitTag(canonical(inner))!;

  it('applyRules: a lead rule from the tag, with the basis of each unit', () => {
    const state = newRuleState();
    expect(applyRules(state, tag('市发改委、市财政局。列第一位者为牵头单位，下同'), 3, 'tag')).toEqual([
      { name: '市发改委', role: 'lead', basis: 'lead by 列第一位者为牵头单位，下同 (line 3, 下同), tag (line 3)' },
      { name: '市财政局', role: 'responsible', basis: 'tag (line 3)' },
    ]);
    expect(state.lead).toEqual({ rule: { kind: 'first', onward: true, text: '列第一位者为牵头单位，下同' }, line: 3 });
    expect(units(applyRules(state, tag('地区水务局、交通局'), 5, 'tag'))).toEqual(['地区水务局:lead', '地区交通局:responsible']);
  });

  it('applyRules: a rule without 下同 is dropped after its tag; an explicit lead is never overridden', () => {
    const state = newRuleState();
    applyRules(state, tag('市发改委、市财政局。排在第一位的为牵头单位'), 1, 'tag');
    expect(state.lead).toBeNull();
    state.lead = { rule: { kind: 'first', onward: true, text: '列第一位者为牵头单位' }, line: 1 };
    expect(units(applyRules(state, tag('市财政局配合，市发改委牵头'), 2, 'tag'))).toEqual(['市财政局:partner', '市发改委:lead']);
  });

  it('defaultUnits: only for tasks after the line that states them', () => {
    const state = newRuleState();
    applyRules(state, tag('省发改委负责。以下均需试点城市政府落实，不再列出'), 4, 'tag');
    expect(defaultUnits(state, 4)).toEqual([]);
    expect(defaultUnits(state, 5)).toEqual([
      { name: '试点城市政府', role: 'responsible', basis: 'default: 以下均需…落实，不再列出 (line 4)' },
    ]);
  });

  it('leadGap: only for a rule the plain text cannot follow', () => {
    const state = newRuleState();
    expect(leadGap(state)).toBeNull();
    state.lead = { rule: { kind: 'first', onward: true, text: '列第一位者为牵头单位' }, line: 1 };
    expect(leadGap(state)).toBeNull();
    state.lead = { rule: { kind: 'formatting-lost', onward: true, text: '加粗的为牵头单位' }, line: 2 };
    expect(leadGap(state)?.field).toBe('lead');
  });

  it('proseRules: rules in prose with their lines; rules inside tags are left to the tags', () => {
    const blocks = buildBlocks(
      classifyLines(
        [
          '各项任务责任单位中列第一位者为牵头单位，下同。',
          '1.甲事项。（市发改委、市财政局。逗号前为牵头单位）',
          '以下均需各县区人民政府落实,不再列出。',
          '2.乙事项。',
        ].join('\n'),
      ),
    );
    expect(proseRules(blocks)).toEqual([
      { line: 1, lead: { kind: 'first', onward: true, text: '列第一位者为牵头单位' } },
      {
        line: 3,
        defaults: {
          text: '以下均需各县区人民政府落实，不再列出',
          units: [{ name: '各县区人民政府', role: 'responsible' }],
        },
      },
    ]);
  });
});
