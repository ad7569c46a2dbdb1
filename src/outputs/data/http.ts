// Responses for the static endpoints: the data files' schemas and the feeds (the data files
// themselves are written by the outputs step: stage.ts).
export const schemaResponse = (value: unknown) =>
  new Response(JSON.stringify(value, null, 2), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });

export const xmlResponse = (text: string, type = 'application/xml') =>
  new Response(text, { headers: { 'Content-Type': `${type}; charset=utf-8` } });

/** An Atom feed's response; `feed` null means the route named something the portal does not have. */
export function feedResponse(feed: string | null, what: string): Response {
  if (feed === null) throw new Error(`no feed for ${what}`);
  return xmlResponse(feed, 'application/atom+xml');
}
