// The files and folders the output stages write and prune themselves, which the site-dir integration leaves alone.
import { describe, expect, it } from 'vitest';
import { DATA_FILES, documentCsvUrl, regionCsvUrl } from '../../src/outputs/data/files';
import { isOutputFile, OUTPUT_FOLDERS } from '../../src/outputs/owned-files';
import { TEMPLATE_FORMATS, templateUrl } from '../../src/domain/urls';

const inSite = (url: string) => url.slice(1);
const folderOf = (url: string) => inSite(url).replace(/[^/]+$/, '');

describe('owned files', () => {
  it('names every data file and every template file, and no page', () => {
    for (const url of [DATA_FILES.tasks.json, DATA_FILES.reports.csv, DATA_FILES.documents.json])
      expect(isOutputFile(inSite(url)), url).toBe(true);
    for (const format of TEMPLATE_FORMATS) expect(isOutputFile(inSite(templateUrl('plan-2020', format))), format).toBe(true);
    for (const path of [
      'documents/plan-2020/index.html',
      'documents/plan-2020/x/template.csv',
      'documents/template.csv',
      'data/index.html',
      'data/tasks.schema.json',
    ])
      expect(isOutputFile(path), path).toBe(false);
  });

  it('names the folders of the per-region and per-document files, cards, reports and the search index', () => {
    expect(OUTPUT_FOLDERS).toEqual(
      expect.arrayContaining([folderOf(regionCsvUrl('630000')), folderOf(documentCsvUrl('plan-2020')), 'cards/', 'reports/', 'pagefind/']),
    );
    expect(OUTPUT_FOLDERS).not.toContain('documents/');
  });
});
