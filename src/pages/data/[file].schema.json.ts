// /data/<file>.schema.json — JSON Schema (draft 2020-12) of each data file, generated from the
// same zod schemas the tests validate the files against.
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATA_FILE_DOCS, fileJsonSchema } from '../../outputs/data/docs';
import { schemaResponse } from '../../outputs/data/http';
import { normaliseSite } from '../../outputs/data/records';

export const getStaticPaths = (() => DATA_FILE_DOCS.map((doc) => ({ params: { file: doc.key }, props: { doc } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  schemaResponse(fileJsonSchema(props.doc as (typeof DATA_FILE_DOCS)[number], normaliseSite(import.meta.env.SITE)));
