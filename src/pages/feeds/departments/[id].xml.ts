// /feeds/departments/<id>.xml — status changes of the tasks a department leads or helps with.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../portal/get-portal';
import { feedResponse } from '../../../outputs/data/http';
import { normaliseSite } from '../../../outputs/data/records';
import { departmentFeed } from '../../../outputs/feeds/portal-feeds';
import { departmentFeedRoutes } from '../../../components/routes';

export const getStaticPaths = departmentFeedRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  feedResponse(departmentFeed(await getPortal(), normaliseSite(import.meta.env.SITE), String(params.id)), `department ${params.id}`);
