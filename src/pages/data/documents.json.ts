// /data/documents.json — the documents, their metadata and reporting periods.
import type { APIRoute } from 'astro';
import { getPortal } from '../../model/portal';
import { jsonResponse } from '../../outputs/data/http';
import { documentsFile, normaliseSite } from '../../outputs/data/records';

export const GET: APIRoute = async () => jsonResponse(documentsFile(await getPortal(), normaliseSite(import.meta.env.SITE)));
