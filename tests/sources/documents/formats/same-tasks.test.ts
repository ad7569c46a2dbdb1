// The same document in every format gives the same tasks as its .txt: parseDocument (today's
// text parser, src/ingest) over readSourceFile's text, compared on what a task is made of: count,
// numbers, kinds, units by role, deadlines (and a problem's measures). Task text is not compared:
// a PDF's lines break where the page did.
//
// Where a PDF's hard line breaks make today's parser differ, the comparison is marked `it.fails`
// with what differs: the parser is being rewritten elsewhere and is not changed here. When the
// rewrite joins such lines, these start to pass and vitest reports them: turn them into `it`.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/sources/documents/index';
import type { DocumentMeta, Task } from '../../../../src/domain/types';
import { SourceError } from '../../../../src/domain/source-error';
import { readSourceFile } from '../../../../src/sources/documents/formats/index';
import { fixture, type FixtureDocument } from './helpers';

const meta: DocumentMeta = {
  slug: 'doc',
  regionCode: '000000',
  kind: '其他',
  sourceUrl: null,
  reporting: 'annual',
  span: { start: '1949-10-01', end: '2100-12-31' },
};
const ROLES = ['lead', 'responsible', 'partner', 'supervisor', 'mentioned'] as const;

type Units = { units: Task['units'] };
const byRole = (t: Units) => Object.fromEntries(ROLES.map((role) => [role, t.units.filter((u) => u.role === role).map((u) => u.name)]));
const deadlines = (t: Pick<Task, 'deadlines'>) => t.deadlines.map((d) => ({ text: d.text, date: d.date }));

/** What the parser makes of a text: the tasks' shape, or its error (without the file name). */
function outcome(text: string) {
  try {
    const doc = parseDocument(text, meta, 'doc');
    return {
      count: doc.tasks.length,
      tasks: doc.tasks.map((t) => ({
        number: t.number,
        kind: t.kind,
        units: byRole(t),
        deadlines: deadlines(t),
        measures: t.measures.map((m) => ({ number: m.number, units: byRole(m), deadlines: deadlines(m) })),
      })),
    };
  } catch (e) {
    if (e instanceof SourceError) return { error: e.message.replace(/^doc: /, '') };
    throw e;
  }
}

async function sameAsText(name: FixtureDocument, file: string) {
  const [txt, other] = await Promise.all([readSourceFile(fixture(name, 'source.txt')), readSourceFile(fixture(name, file))]);
  expect(outcome(other.text)).toEqual(outcome(txt.text));
}

const SAME: Record<FixtureDocument, string[]> = {
  aletai: [
    'source.docx',
    'libreoffice.docx',
    'source.html',
    'libreoffice.html',
    'govcn.html',
    'govcn-gb18030.html',
    'source.gb18030.txt',
    'source.big5.txt',
    'source.utf16le.txt',
    'source.utf16be.txt',
  ],
  // Today's parser finds no task in the Hunan plan's text ("no task found"): every format must
  // fail the same way, and will have to give the same tasks once the parser finds them.
  hunan: ['source.docx', 'source.html', 'libreoffice.html', 'govcn.html'],
  // The seed's .txt is the scraped page (chrome, header fields); the other formats hold the notice.
  haidong: ['source.docx', 'source.html', 'libreoffice.html', 'govcn.html'],
};

describe.each(Object.keys(SAME) as FixtureDocument[])('%s', (name) => {
  it.each(SAME[name])('%s gives the tasks of source.txt', (file) => sameAsText(name, file), 30_000);
});

describe('the PDFs (hard line breaks; today’s parser does not join them)', () => {
  // 7 of 15 measures differ: their 配合单位 line wraps, and the parser reads the label line alone,
  // so the units on the next printed line are lost or cut ((一) ends with 地区 instead of
  // 各县(市)人民政府; (二) with 地区住房和城乡建设 instead of 地区住房和城乡建设局, …).
  it.fails('aletai/source.pdf gives the tasks of source.txt', () => sameAsText('aletai', 'source.pdf'), 30_000);

  // The .txt gives "no task found"; the PDF gives 3 tasks: the 1./(1) items broken across
  // printed lines change the outline, so the tag lines read differently.
  it.fails('hunan/source.pdf gives the tasks of source.txt', () => sameAsText('hunan', 'source.pdf'), 30_000);

  // 5 of 59 tasks differ (3, 5, 13, 18, 28): their 责任单位 line wraps and the last unit is cut at
  // the line end (市农业 for 市农业农村局, 市 for 市卫生健康委, …).
  it.fails('haidong/source.pdf gives the tasks of source.txt', () => sameAsText('haidong', 'source.pdf'), 30_000);

  it('the PDFs still give as many tasks, with the same numbers, as their .txt where it finds any', async () => {
    for (const name of ['aletai', 'haidong'] as const) {
      const txt = outcome((await readSourceFile(fixture(name, 'source.txt'))).text);
      const pdf = outcome((await readSourceFile(fixture(name, 'source.pdf'))).text);
      expect(pdf.tasks?.map((t) => t.number)).toEqual(txt.tasks?.map((t) => t.number));
      expect(txt.tasks?.length).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe('the head a page shows', () => {
  it('the gov.cn-style Haidong page gives the metadata of the scraped .txt', async () => {
    const head = async (file: string) => {
      const doc = parseDocument((await readSourceFile(fixture('haidong', file))).text, meta, 'doc');
      return {
        title: doc.title,
        docNumber: doc.docNumber,
        indexNumber: doc.indexNumber,
        issuer: doc.issuer,
        writtenOn: doc.writtenOn,
        publishedOn: doc.publishedOn,
      };
    };
    const txt = await head('source.txt');
    expect(txt.docNumber).toBe('东政办〔2019〕138号');
    expect(await head('govcn.html')).toEqual(txt);
  });
});
