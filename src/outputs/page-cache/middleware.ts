// Records which status keys each page reads while it renders (src/model/reads.ts). The body is read
// here so the whole render happens inside the recording window.
import { defineMiddleware } from 'astro:middleware';
import { beginReads } from '../../model/reads';
import { pageCache } from './context';
import { pageId } from './plan';

export const onRequest = defineMiddleware(async (context, next) => {
  const ctx = pageCache();
  if (!ctx) return next();
  const stop = beginReads();
  let response: Response;
  let body: ArrayBuffer;
  try {
    response = await next();
    body = await response.arrayBuffer();
  } finally {
    ctx.rendered.set(pageId(context.url.pathname), stop());
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
});
