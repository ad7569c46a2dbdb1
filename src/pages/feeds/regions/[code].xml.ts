// /feeds/regions/<code>.xml — status changes of a region's tasks and its descendants'.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../portal/get-portal';
import { xmlResponse } from '../../../outputs/data/http';
import { normaliseSite } from '../../../outputs/data/records';
import { regionFeed } from '../../../outputs/feeds/portal-feeds';
import { regionFeedUrl } from '../../../domain/urls';
import { withCacheKeys } from '../../../build/page-cache/context';

export const getStaticPaths = (async () =>
  withCacheKeys(
    (await getPortal()).regions.map((r) => ({ params: { code: r.region.code } })),
    (e) => regionFeedUrl(e.params.code),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const xml = regionFeed(await getPortal(), normaliseSite(import.meta.env.SITE), String(params.code));
  if (xml === null) throw new Error(`no region ${params.code}`);
  return xmlResponse(xml, 'application/atom+xml');
};
