// content/documents/<slug>.yaml: what the text does not say (region, kind, source URL, span).
import { z } from 'zod';
import { DOCUMENT_KINDS, REPORTING_CADENCES, type DocumentMeta, type DocumentSidecar } from '../../domain/types';
import { atMostChars, LIMITS } from '../../domain/limits';
import { isAllowedUrl } from '../../domain/links';
import { SourceError, SourceErrors } from '../../domain/source-error';
import { readBounded } from '../bounded-read';
import { parseYamlSource, zodIssueToError } from '../yaml-source';
import { isRealDate as isIsoDate } from '../../domain/dates';

const isoDate = z.string().refine(isIsoDate, { message: 'not a real date' });
const bounded = (max: number) => z.string().max(max, { error: atMostChars(max) });

/** The original's address: http(s) only (never javascript:, data: or a path), as every published link must be. */
export const isSourceUrl = (url: string): boolean => /^https?:\/\//i.test(url) && isAllowedUrl(url);

export const SidecarSchema = z
  .object({
    provenance: bounded(LIMITS.noteChars).optional(),
    region: z.string().regex(/^\d{6}$/, 'a 6-digit administrative-division code'),
    kind: z.enum(DOCUMENT_KINDS),
    sourceUrl: bounded(LIMITS.urlChars).refine(isSourceUrl, { message: 'not an http(s) address' }).nullable().default(null),
    issuer: bounded(LIMITS.nameChars).min(1).optional(),
    reporting: z.enum(REPORTING_CADENCES),
    span: z.object({ start: isoDate, end: isoDate }).strict(),
    note: bounded(LIMITS.noteChars).optional(),
  })
  .strict()
  .refine((m) => m.span.start <= m.span.end, { message: 'span.start is after span.end', path: ['span'] });

const EXPECTED: Record<string, string> = {
  region: 'a 6-digit administrative-division code in quotes, e.g. "542500"',
  kind: `one of ${DOCUMENT_KINDS.join(', ')}`,
  sourceUrl: 'an http(s) address (http://… or https://…) or null',
  reporting: REPORTING_CADENCES.join(', '),
  'span.start': 'a real date YYYY-MM-DD',
  'span.end': 'a real date YYYY-MM-DD',
  span: '{ start: YYYY-MM-DD, end: YYYY-MM-DD } with start ≤ end',
};

/** content/documents/<slug>.yaml → DocumentMeta; every problem of the file at once (SourceErrors when several). */
export function loadDocumentMeta(file: string, slug: string): DocumentMeta {
  let text: string;
  try {
    text = readBounded(file, file, LIMITS.documentYamlBytes, 'a metadata file').toString('utf8');
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(
      { file },
      'the metadata file is missing',
      `a YAML file beside the document with region, kind, reporting and span`,
    );
  }
  const src = parseYamlSource(file, text);
  const parsed = SidecarSchema.safeParse(src.data);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) =>
      zodIssueToError(
        src,
        issue as Parameters<typeof zodIssueToError>[1],
        (field) => EXPECTED[field] ?? 'only the fields provenance, region, kind, sourceUrl, issuer, reporting, span (start, end), note',
      ),
    );
    throw errors.length === 1 ? errors[0] : new SourceErrors(errors);
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
