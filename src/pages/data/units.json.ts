// /data/units.json — every unit of every task, and the department registry.
import type { APIRoute } from 'astro';
import { getPortal } from '../../model/portal';
import { jsonResponse } from '../../outputs/data/http';
import { normaliseSite, unitsFile } from '../../outputs/data/records';

export const GET: APIRoute = async () => jsonResponse(unitsFile(await getPortal(), normaliseSite(import.meta.env.SITE)));
