// /sitemap.xml — every HTML page; an index of /sitemap-<n>.xml once there are over 50,000.
import type { APIRoute } from 'astro';
import { getPortal } from '../portal/get-portal';
import { xmlResponse } from '../outputs/data/http';
import { normaliseSite } from '../outputs/data/records';
import { pagePaths, sitemapXml } from '../outputs/feeds/sitemap';

export const GET: APIRoute = async () => xmlResponse(sitemapXml(normaliseSite(import.meta.env.SITE), pagePaths(await getPortal())));
