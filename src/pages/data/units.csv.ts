// /data/units.csv — one row per unit of a task, the same rows as units.json's `units`.
import type { APIRoute } from 'astro';
import { getPortal } from '../../model/portal';
import { csvResponse } from '../../outputs/data/http';
import { normaliseSite, unitRecords } from '../../outputs/data/records';
import { unitsCsv } from '../../outputs/data/tables';

export const GET: APIRoute = async () => csvResponse(unitsCsv(unitRecords(await getPortal()), normaliseSite(import.meta.env.SITE)));
