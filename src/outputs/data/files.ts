// Where the open data files are published: apart from records.ts so that the site-dir integration
// (loaded with Astro's config) can name them without taking in the records and their schemas.

/** Public paths of the files: a stable interface, linked from /data/ and from each file's `$schema`. */
export const DATA_FILES = {
  tasks: { json: '/data/tasks.json', csv: '/data/tasks.csv', schema: '/data/tasks.schema.json' },
  units: { json: '/data/units.json', csv: '/data/units.csv', schema: '/data/units.schema.json' },
  reports: { json: '/data/reports.json', csv: '/data/reports.csv', schema: '/data/reports.schema.json' },
  documents: { json: '/data/documents.json', csv: null, schema: '/data/documents.schema.json' },
} as const;

/** The tasks of one region (its own documents' and those of the regions below it), as CSV. */
export const regionCsvUrl = (code: string) => `/data/regions/${code}.csv`;
/** The tasks of one document, as CSV. */
export const documentCsvUrl = (slug: string) => `/data/documents/${slug}.csv`;
/** Folders of the per-region and per-document CSVs: written whole by the outputs step, stale files removed there. */
export const PART_CSV_FOLDERS = ['data/regions', 'data/documents'] as const;

/** The files the outputs step writes (data/stage.ts), as paths inside the site folder. */
export const WRITTEN_DATA_FILES: string[] = Object.values(DATA_FILES)
  .flatMap((f) => [f.json, f.csv])
  .filter((p): p is NonNullable<typeof p> => p !== null)
  .map((p) => p.slice(1));
