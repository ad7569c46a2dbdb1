// The pure parts of the search keys (src/outputs/search/terms.ts). Their effect on ranking is
// measured in the browser by tests/e2e/search.test.ts.
import { describe, expect, it } from 'vitest';
import {
  edgeGrams,
  icuPieces,
  joinKeys,
  KEY_FIELDS,
  PAGEFIND_RANKING,
  pageKeys,
  phraseKeys,
  runGrams,
  runKeys,
  taskKeys,
  unitNameForms,
  unknownWordRuns,
  withoutRegion,
} from '../../../src/outputs/search/terms';

/** Does every ICU piece of `query` start one of the keys? (What Pagefind checks per meta field.) */
function covers(keys: string[], query: string): boolean {
  return icuPieces(query)
    .filter((p) => p.text.trim() !== '')
    .every((p) => keys.some((k) => k.startsWith(p.text)));
}

describe('icuPieces', () => {
  it('splits as the browser does: unknown names into single characters, known words whole', () => {
    expect(icuPieces('县发改局').map((p) => p.text)).toEqual(['县', '发', '改', '局']);
    expect(icuPieces('生态环境局').map((p) => p.text)).toEqual(['生态', '环境', '局']);
  });
  it('marks only all-Chinese pieces as Chinese', () => {
    expect(icuPieces('到2025年，').map((p) => [p.text, p.han])).toEqual([
      ['到', true],
      ['2025', false],
      ['年', true],
      ['，', false],
    ]);
  });
});

describe('edgeGrams', () => {
  it('starts n-grams at every word start, adding one word at a time', () => {
    expect(edgeGrams('县生态环境局')).toEqual([
      '县',
      '县生态',
      '县生态环境',
      '县生态环境局',
      '生态',
      '生态环境',
      '生态环境局',
      '环境',
      '环境局',
      '局',
    ]);
  });
  it('holds each query piece itself, not only longer words it starts (chunk loading)', () => {
    const grams = edgeGrams('湟源县发改局');
    for (const piece of ['发', '改', '局']) expect(grams).toContain(piece);
  });
  it('does not start inside a word: 发 inside 开发', () => {
    const grams = edgeGrams('重点开发区域');
    expect(grams.some((g) => g.startsWith('发'))).toBe(false);
    expect(grams.some((g) => g.startsWith('开发'))).toBe(true);
  });
  it('stops at non-Chinese text and at max characters', () => {
    expect(edgeGrams('2025年森林覆盖率', 3)).toEqual(['年', '年森林', '森林', '覆盖', '覆盖率', '率']);
    expect(edgeGrams('PM2.5')).toEqual([]);
  });
  it('cuts a single word longer than max', () => {
    expect(edgeGrams('塔里木河', 2)).toEqual(['塔里']);
  });
  it('answers a query that is part of the phrase, whatever the query splits into', () => {
    const keys = edgeGrams('湟源县发展和改革局');
    expect(covers(keys, '发展和改革局')).toBe(true);
    expect(covers(keys, '改革局')).toBe(true);
    expect(covers(keys, '林草局')).toBe(false);
  });
});

describe('unknownWordRuns', () => {
  it('finds the runs of single-character pieces: names ICU does not know', () => {
    const runs = unknownWordRuns('推动日月山、宗家沟等景区智慧旅游数字系统');
    expect(runs).toContain('日月山');
  });
  it('ignores single characters that stand alone between known words', () => {
    expect(unknownWordRuns('生态环境保护')).toEqual([]);
  });
  it('yields keys that answer the name and not its scattered characters', () => {
    const keys = runKeys('湟水河出境(扎麻隆)断面水质');
    expect(covers(keys, '扎麻隆')).toBe(true);
    expect(covers(keys, '湟水河')).toBe(true);
    expect(covers(runKeys('2020年12月31日前完成矿山治理'), '日月山')).toBe(false);
  });
});

describe('runGrams', () => {
  it('gives every piece of the run from every character, up to max', () => {
    expect(runGrams('扎麻隆', 2)).toEqual(['扎', '扎麻', '麻', '麻隆', '隆']);
  });
});

describe('unitNameForms', () => {
  const regions = ['湟源县', '湟源', '西宁市', '西宁', '青海省', '青海'];
  it('drops the region name and then the level word', () => {
    const forms = unitNameForms('湟源县发展和改革局', regions);
    expect(forms).toEqual(expect.arrayContaining(['湟源县发展和改革局', '县发展和改革局', '发展和改革局']));
  });
  it('turns 县发改局 into 发改局 and 地委宣传部 into 宣传部', () => {
    expect(unitNameForms('县发改局', [])).toContain('发改局');
    expect(unitNameForms('地委宣传部', [])).toContain('宣传部');
    expect(unitNameForms('区党委组织部', [])).toContain('组织部');
  });
  it('never leaves a single character or a non-Chinese start', () => {
    expect(unitNameForms('市局', [])).toEqual(['市局']);
    expect(unitNameForms('区(中)直有关部门', [])).toEqual(['区(中)直有关部门']);
  });
});

describe('withoutRegion', () => {
  it('drops forms that contain a region name anywhere', () => {
    expect(withoutRegion(['中共西藏自治区委员会', '区党委', '湟源县林业和草原局', '县林草局'], ['西藏自治区', '西藏', '湟源县'])).toEqual([
      '区党委',
      '县林草局',
    ]);
  });
});

describe('joinKeys', () => {
  it('joins distinct n-grams with spaces', () => {
    expect(joinKeys(['林草局', '草局', '林草局', '', '局'])).toBe('林草局 草局 局');
  });
});

describe('taskKeys', () => {
  const keys = taskKeys({
    title: '助力打造高原洁净城市',
    leads: [['县生态环境局', '生态环境局'], ['县发改局', '发改局'], ['县城管局'], ['县卫健局']],
    text: '持续开展湟水河入河排污口排查',
  });
  const words = (field: string) => (keys[field] ?? '').split(' ');
  it('gives each lead unit a field of its own, the last taking the rest', () => {
    expect(covers(words('k_lead2'), '发改局')).toBe(true);
    expect(covers(words('k_lead1'), '发改局')).toBe(false);
    expect(words('k_lead3')).toEqual(expect.arrayContaining(['县城管局', '县卫健局']));
  });
  it('repeats a shared n-gram in every field that needs it', () => {
    // 局 ends every unit name; dropping it from later fields would leave them short of 局.
    for (const f of ['k_lead1', 'k_lead2', 'k_lead3']) expect(words(f)).toContain('局');
  });
  it('keeps the title and the text in their own fields', () => {
    expect(covers(words(KEY_FIELDS.topic), '洁净')).toBe(true);
    expect(covers(words(KEY_FIELDS.topic), '湟水河')).toBe(false);
    expect(covers(words(KEY_FIELDS.text), '湟水河')).toBe(true);
  });
  it('omits empty fields', () => {
    expect(Object.keys(taskKeys({ title: '强化监督管理', leads: [], text: '' }))).toEqual([KEY_FIELDS.topic]);
  });
});

describe('pageKeys', () => {
  it('puts the page name in k_name and other forms in k_alias, each whole', () => {
    const keys = pageKeys(['县林草局'], ['湟源县林业和草原局']);
    expect(covers(keys[KEY_FIELDS.name]!.split(' '), '林草局')).toBe(true);
    expect(covers(keys[KEY_FIELDS.alias]!.split(' '), '湟源县林业和草原局')).toBe(true);
    expect(keys[KEY_FIELDS.alias]!.split(' ')).toContain('局');
  });
  it('leaves k_alias out when it says nothing more', () => {
    expect(Object.keys(pageKeys(['湟源县'], ['湟源县']))).toEqual([KEY_FIELDS.name]);
  });
  it('covers a document title for a query in its middle', () => {
    expect(covers(phraseKeys(['海东市生态文明先行示范区建设2019年度工作要点']), '先行示范区')).toBe(true);
  });
});

describe('PAGEFIND_RANKING', () => {
  it('weights every key field, and a page name above a task title, lead unit and text together', () => {
    const w = PAGEFIND_RANKING.metaWeights;
    const fields = [KEY_FIELDS.name, KEY_FIELDS.alias, KEY_FIELDS.topic, ...KEY_FIELDS.lead, KEY_FIELDS.text];
    for (const f of fields) expect(w[f], f).toBeGreaterThan(0);
    const taskMax = w[KEY_FIELDS.topic]! + Math.max(...KEY_FIELDS.lead.map((f) => w[f]!)) + w[KEY_FIELDS.text]!;
    expect(w[KEY_FIELDS.name]!).toBeGreaterThan(taskMax);
    expect(PAGEFIND_RANKING.termSimilarity).toBeGreaterThan(1);
  });
});
