// /data/reports.json — every status report, demo reports flagged.
import type { APIRoute } from 'astro';
import { getPortal } from '../../model/portal';
import { jsonResponse } from '../../outputs/data/http';
import { normaliseSite, reportsFile } from '../../outputs/data/records';

export const GET: APIRoute = async () => jsonResponse(reportsFile(await getPortal(), normaliseSite(import.meta.env.SITE)));
