// Text into HTML, SVG and XML (pages' inline charts, feeds, the sitemap, search results): every text from
// documents, the registry and status data goes through escapeXml. Source text is scraped: besides the
// five metacharacters it may hold control characters and lone surrogates that XML 1.0 forbids outright
// (a feed reader would reject the whole file), so those are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// &#39; rather than &apos;: the one form HTML 4, HTML 5 and XML all read.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double- or single-quoted attributes, in HTML and XML alike. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
