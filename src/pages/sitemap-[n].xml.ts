// /sitemap-<n>.xml — the chunks of a sitemap too large for one file (none below 50,000 pages).
// They must sit at the site root: a sitemap may only list URLs under its own directory.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../portal/get-portal';
import { xmlResponse } from '../outputs/data/http';
import { normaliseSite } from '../outputs/data/records';
import { pagePaths, sitemapChunk } from '../outputs/feeds/sitemap';
import { sitemapChunkRoutes } from '../components/routes';

export const getStaticPaths = sitemapChunkRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  xmlResponse(sitemapChunk(normaliseSite(import.meta.env.SITE), pagePaths(await getPortal()), Number(params.n)));
