// content/documents/<slug>.yaml: what the text does not say (region, kind, source URL, span).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DOCUMENT_KINDS, REPORTING_CADENCES, type DocumentMeta, type DocumentSidecar } from '../../domain/types';
import { SourceError } from '../../domain/source-error';
import { parseYamlSource, zodIssueToError } from '../yaml-source';
import { isRealDate as isIsoDate } from '../../domain/dates';

const isoDate = z.string().refine(isIsoDate, { message: 'not a real date' });

export const SidecarSchema = z
  .object({
    provenance: z.string().optional(),
    region: z.string().regex(/^\d{6}$/, 'a 6-digit administrative-division code'),
    kind: z.enum(DOCUMENT_KINDS),
    sourceUrl: z.string().url().nullable().default(null),
    issuer: z.string().min(1).optional(),
    reporting: z.enum(REPORTING_CADENCES),
    span: z.object({ start: isoDate, end: isoDate }).strict(),
    note: z.string().optional(),
  })
  .strict()
  .refine((m) => m.span.start <= m.span.end, { message: 'span.start is after span.end', path: ['span'] });

const EXPECTED: Record<string, string> = {
  region: 'a 6-digit administrative-division code in quotes, e.g. "542500"',
  kind: `one of ${DOCUMENT_KINDS.join(', ')}`,
  sourceUrl: 'an http(s) URL or null',
  reporting: REPORTING_CADENCES.join(', '),
  'span.start': 'a real date YYYY-MM-DD',
  'span.end': 'a real date YYYY-MM-DD',
  span: '{ start: YYYY-MM-DD, end: YYYY-MM-DD } with start ≤ end',
};

export function loadDocumentMeta(file: string, slug: string): DocumentMeta {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SourceError(
      { file },
      'the metadata file is missing',
      `a YAML file beside the document with region, kind, reporting and span`,
    );
  }
  const src = parseYamlSource(file, text);
  const parsed = SidecarSchema.safeParse(src.data);
  if (!parsed.success) {
    throw zodIssueToError(
      src,
      parsed.error.issues[0] as Parameters<typeof zodIssueToError>[1],
      (field) => EXPECTED[field] ?? 'only the fields provenance, region, kind, sourceUrl, issuer, reporting, span (start, end), note',
    );
  }
  const m: DocumentSidecar = parsed.data;
  return {
    slug,
    regionCode: m.region,
    kind: m.kind,
    sourceUrl: m.sourceUrl,
    issuer: m.issuer,
    reporting: m.reporting,
    span: m.span,
    note: m.note,
  };
}
