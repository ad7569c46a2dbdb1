// File names offered when a reader saves a PDF report or CSV (the `download` attribute): what the file
// is, in Chinese, instead of the last part of its URL (2019.pdf, 542500.csv).

/** A title as a file name: no characters that file systems refuse, no book-title marks, spaces collapsed. */
export function fileNameOf(title: string, extension: string): string {
  const base = title
    .replace(/[《》]/g, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'qingdan'}.${extension}`;
}

/** 海东市2019年度任务落实情况报告.pdf: the title the report itself carries (src/outputs/pdf/report-model.ts). */
export const regionReportFileName = (regionName: string, year: string) => fileNameOf(`${regionName}${year}年度任务落实情况报告`, 'pdf');

/** 《title》2019年度落实情况报告, as a file name: the title the report itself carries. */
export const documentReportFileName = (documentTitle: string, year: string) => fileNameOf(`${documentTitle}${year}年度落实情况报告`, 'pdf');

/** 海东市任务清单.csv, 《title》任务清单.csv. */
export const taskTableFileName = (what: string) => fileNameOf(`${what}任务清单`, 'csv');
