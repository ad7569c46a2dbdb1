// /sitemap-<n>.xml — the chunks of a sitemap too large for one file (none below 50,000 pages).
// They must sit at the site root: a sitemap may only list URLs under its own directory.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../portal/get-portal';
import { xmlResponse } from '../outputs/data/http';
import { normaliseSite } from '../outputs/data/records';
import { pagePaths, sitemapChunk, sitemapChunkCount, sitemapChunkPath } from '../outputs/feeds/sitemap';
import { withCacheKeys } from '../build/page-cache/context';

export const getStaticPaths = (async () => {
  const count = sitemapChunkCount(pagePaths(await getPortal()).length);
  return withCacheKeys(
    Array.from({ length: count }, (_, i) => ({ params: { n: String(i + 1) } })),
    (e) => sitemapChunkPath(Number(e.params.n)),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  xmlResponse(sitemapChunk(normaliseSite(import.meta.env.SITE), pagePaths(await getPortal()), Number(params.n)));
