// The hidden fields a search record carries for queries as people type them (records.ts, query.ts):
// task numbers, deadlines as date tokens, document numbers as a query for them is split.
import { describe, expect, it } from 'vitest';
import { makePortal } from '../../fixtures/portal-data';
import { searchRecords } from '../../../src/outputs/search/records';
import { KEY_FIELDS } from '../../../src/outputs/search/terms';

const portal = makePortal([
  {
    slug: 'ali-typed',
    regionCode: '542500',
    docNumber: '阿行发〔2018〕66号',
    tasks: [
      { localId: 't44', number: '44', text: '推进厕所革命。', units: [{ name: '地区农牧局', role: 'lead' }] },
      {
        localId: 'p12',
        number: '十二',
        kind: 'problem',
        text: '油气回收治理。',
        deadline: { text: '第1项目标立行立改，长期', date: null },
        measures: [{ number: '1', text: '限时完成油气回收治理任务(2018年6月30日)。' }],
        units: [{ name: '地区农牧局', role: 'lead' }],
      },
    ],
  },
]);
const records = searchRecords(portal);
const meta = (suffix: string) => records.find((r) => r.url.endsWith(suffix))!.meta;
const words = (m: Record<string, string>, field: string) => (m[field] ?? '').split(' ').filter(Boolean);

describe('search records: what queries as people type them meet', () => {
  it('gives a task its number both ways, after 任务 or 问题', () => {
    expect(words(meta('/ali-typed/t44/'), KEY_FIELDS.number)).toEqual(['任务', '44', '四十四']);
    expect(words(meta('/ali-typed/p12/'), KEY_FIELDS.number)).toEqual(['问题', '十二', '12']);
  });

  it('gives a task its deadlines as date tokens, the dates its measures set included', () => {
    expect(words(meta('/ali-typed/t44/'), KEY_FIELDS.due)).toEqual(expect.arrayContaining(['d20201231', 'm1231']));
    expect(words(meta('/ali-typed/p12/'), KEY_FIELDS.due)).toEqual(expect.arrayContaining(['d20180630', 'm0630', '长期']));
    expect(words(meta('/ali-typed/t44/'), KEY_FIELDS.due)).not.toContain('长期');
  });

  it('gives a document its number as a query for it is split', () => {
    expect(words(meta('/documents/ali-typed/'), KEY_FIELDS.docNumber)).toEqual(['阿', '行', '发', '2018', '66', '号']);
  });
});

describe('search records: what the result line says', () => {
  // Reported once, then silent: 未报告 now, and the last word reported beside it.
  const silent = makePortal(
    [
      {
        slug: 'ali-silent',
        regionCode: '542500',
        tasks: [
          { localId: 't1', deadline: null, reports: { '2019': { status: '已销号' } } },
          { localId: 't2', deadline: null },
          { localId: 't3', deadline: null, reports: { '2021': { status: '达到序时进度' } } },
        ],
      },
    ],
    '2021-12-31',
  );
  const line = (suffix: string) => searchRecords(silent).find((r) => r.url.endsWith(suffix))!.meta;

  it('gives 未报告 the last status reported and its period, when there was one', () => {
    expect(line('/ali-silent/t1/')).toMatchObject({ status: '未报告', lastReported: '2019年，已销号' });
    expect(line('/ali-silent/t2/')).toMatchObject({ status: '未报告', lastReported: '' });
    expect(line('/ali-silent/t3/')).toMatchObject({ status: '达到序时进度', lastReported: '' });
  });
});
