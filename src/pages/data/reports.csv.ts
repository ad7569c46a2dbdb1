// /data/reports.csv — the rows of reports.json, flattened.
import type { APIRoute } from 'astro';
import { getPortal } from '../../model/portal';
import { csvResponse } from '../../outputs/data/http';
import { normaliseSite, reportRecords } from '../../outputs/data/records';
import { reportsCsv } from '../../outputs/data/tables';

export const GET: APIRoute = async () => csvResponse(reportsCsv(reportRecords(await getPortal()), normaliseSite(import.meta.env.SITE)));
