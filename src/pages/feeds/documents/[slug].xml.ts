// /feeds/documents/<slug>.xml — status changes of a document's tasks.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../portal/get-portal';
import { feedResponse } from '../../../outputs/data/http';
import { normaliseSite } from '../../../outputs/data/records';
import { documentFeed } from '../../../outputs/feeds/portal-feeds';
import { documentFeedRoutes } from '../../../components/routes';

export const getStaticPaths = documentFeedRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  feedResponse(documentFeed(await getPortal(), normaliseSite(import.meta.env.SITE), String(params.slug)), `document ${params.slug}`);
