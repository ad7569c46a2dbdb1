// /feeds/all.xml — status changes of every task.
import type { APIRoute } from 'astro';
import { getPortal } from '../../portal/get-portal';
import { xmlResponse } from '../../outputs/data/http';
import { normaliseSite } from '../../outputs/data/records';
import { allFeed } from '../../outputs/feeds/portal-feeds';

export const GET: APIRoute = async () =>
  xmlResponse(allFeed(await getPortal(), normaliseSite(import.meta.env.SITE)), 'application/atom+xml');
