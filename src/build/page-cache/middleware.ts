// Records which status keys each page reads while it renders (src/portal/reads.ts). The body is read
// inside the collection, so the whole render happens there; collections follow the async context,
// so pages rendered concurrently keep their reads apart.
import { defineMiddleware } from 'astro:middleware';
import { collectReadsAsync } from '../../portal/reads';
import { pageCache } from './context';
import { pageId } from './plan';

export const onRequest = defineMiddleware(async (context, next) => {
  const ctx = pageCache();
  if (!ctx) return next();
  const { value, reads } = await collectReadsAsync(async () => {
    const response = await next();
    return { response, body: await response.arrayBuffer() };
  });
  ctx.rendered.set(pageId(context.url.pathname), reads);
  const { response, body } = value;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
});
