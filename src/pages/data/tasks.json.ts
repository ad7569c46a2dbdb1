// /data/tasks.json — a public interface: keep the path and field names stable (see /data/).
import type { APIRoute } from 'astro';
import { getPortal } from '../../model/portal';
import { jsonResponse } from '../../outputs/data/http';
import { normaliseSite, tasksFile } from '../../outputs/data/records';

export const GET: APIRoute = async () => jsonResponse(tasksFile(await getPortal(), normaliseSite(import.meta.env.SITE)));
