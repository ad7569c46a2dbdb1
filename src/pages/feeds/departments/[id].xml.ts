// /feeds/departments/<id>.xml — status changes of the tasks a department leads or helps with.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../portal/get-portal';
import { xmlResponse } from '../../../outputs/data/http';
import { normaliseSite } from '../../../outputs/data/records';
import { departmentFeed } from '../../../outputs/feeds/portal-feeds';
import { departmentFeedUrl } from '../../../domain/urls';
import { withCacheKeys } from '../../../build/page-cache/context';

export const getStaticPaths = (async () =>
  withCacheKeys(
    (await getPortal()).departments.map((d) => ({ params: { id: d.department.id } })),
    (e) => departmentFeedUrl(e.params.id),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const xml = departmentFeed(await getPortal(), normaliseSite(import.meta.env.SITE), String(params.id));
  if (xml === null) throw new Error(`no department ${params.id}`);
  return xmlResponse(xml, 'application/atom+xml');
};
