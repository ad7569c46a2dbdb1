// /feeds/regions/<code>.xml — status changes of a region's tasks and its descendants'.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../portal/get-portal';
import { feedResponse } from '../../../outputs/data/http';
import { normaliseSite } from '../../../outputs/data/records';
import { regionFeed } from '../../../outputs/feeds/portal-feeds';
import { regionFeedRoutes } from '../../../components/routes';

export const getStaticPaths = regionFeedRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  feedResponse(regionFeed(await getPortal(), normaliseSite(import.meta.env.SITE), String(params.code)), `region ${params.code}`);
