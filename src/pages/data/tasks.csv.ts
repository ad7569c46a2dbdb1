// /data/tasks.csv — a public interface: keep the path and column names stable (see /data/).
import type { APIRoute } from 'astro';
import { getPortal } from '../../model/portal';
import { csvResponse } from '../../outputs/data/http';
import { normaliseSite, taskRecords } from '../../outputs/data/records';
import { tasksCsv } from '../../outputs/data/tables';

export const GET: APIRoute = async () => csvResponse(tasksCsv(taskRecords(await getPortal()), normaliseSite(import.meta.env.SITE)));
