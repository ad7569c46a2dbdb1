// Shared by the open-data tests: the site URL, and a CSV file read back through papaparse.
import Papa from 'papaparse';
import { expect } from 'vitest';
import { BOM } from '../../../src/outputs/data/csv';

export const SITE = 'https://qingdan.example.cn';

export function parseCsv(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}
