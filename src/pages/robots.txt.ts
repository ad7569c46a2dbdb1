// /robots.txt: everything may be indexed; the sitemap by its absolute URL (the spec wants one).
import type { APIRoute } from 'astro';
import { DEFAULT_SITE_URL } from '../config';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap.xml', site ?? DEFAULT_SITE_URL).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
