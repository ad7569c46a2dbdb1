// The same document in every format gives the same tasks as its .txt: parseDocument over
// readSourceFile's text, compared on what a task is made of: count, numbers, kinds, units by role,
// deadlines (and a problem's measures). Task text is not compared: a PDF's lines break where the
// page did, and the parser joins them (a 责任单位 list wrapped mid-name, an item broken across lines).
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
    'source.pdf',
  ],
  hunan: ['source.docx', 'source.html', 'libreoffice.html', 'govcn.html', 'source.pdf'],
  // The seed's .txt is the scraped page (chrome, header fields); the other formats hold the notice.
  haidong: ['source.docx', 'source.html', 'libreoffice.html', 'govcn.html', 'source.pdf'],
};

describe.each(Object.keys(SAME) as FixtureDocument[])('%s', (name) => {
  it('source.txt gives tasks', async () => {
    expect(outcome((await readSourceFile(fixture(name, 'source.txt'))).text).count).toBeGreaterThan(5);
  });
  it.each(SAME[name])('%s gives the tasks of source.txt', (file) => sameAsText(name, file), 30_000);
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
