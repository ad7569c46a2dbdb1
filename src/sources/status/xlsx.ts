// A filled reporting template in XLSX (src/outputs/templates/) → rows of text, as a CSV would give them, for
// the same checks (csv.ts checkTable): dates as YYYY-MM-DD, links as "text|address", formulas as their value,
// rich text as its characters. The sheet read is the first one whose header names known columns (the
// instructions sheet is skipped). Row numbers are the spreadsheet's, so an error points at the row to fix.
import ExcelJS from 'exceljs';
import { SourceError } from '../../domain/source-error';
import { withoutControlCharacters } from '../../domain/control-characters';
import type { TableRow } from './csv';
import { columnOf } from './rows';

/** A date cell's day: Excel dates carry no zone, and exceljs gives them at midnight UTC. */
const day = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));

/** One cell's value as text. */
export function cellValueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return day(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) {
    const text = typeof value.text === 'string' ? value.text : cellValueText(value.text as ExcelJS.CellValue);
    return text && text !== value.hyperlink ? `${text}|${value.hyperlink}` : value.hyperlink;
  }
  if ('formula' in value || 'sharedFormula' in value) return cellValueText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** The rows of the sheet that holds the reports, or an error naming the file. */
export async function readWorkbookRows(bytes: Uint8Array, file: string): Promise<{ sheet: string; rows: TableRow[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new SourceError(
      { file },
      `cannot read the workbook (${e instanceof Error ? e.message : String(e)})`,
      'an Excel .xlsx file (WPS/Excel: 另存为 .xlsx), or a CSV',
    );
  }
  const sheets = wb.worksheets.map((ws) => {
    const rows: TableRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(withoutControlCharacters(cellValueText(row.getCell(c).value)));
      rows.push({ cells, line: number });
    });
    return { sheet: ws.name, rows };
  });
  const withHeader = sheets.find((s) => s.rows.slice(0, 10).some((r) => r.cells.filter((c) => columnOf(c)).length >= 2));
  if (!withHeader)
    throw new SourceError(
      { file },
      `no sheet has a header row naming the report's columns (sheets: ${sheets.map((s) => s.sheet).join(', ') || 'none'})`,
      'the sheet of a reporting template, with its header row (文件, 报告期, 任务, 状态 …)',
    );
  return withHeader;
}
