// Tiny helpers for server-rendered SVG strings. Every text that reaches SVG goes through escapeXml:
// labels come from documents and the registry, which nobody here controls.

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Ids inside an SVG that sits in an HTML page must be unique on the page and valid: [A-Za-z][\w-]*. */
export function safeId(prefix: string): string {
  const cleaned = prefix.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

/** A number as a percentage for SVG attributes: at most 3 decimals, no exponent. */
export function pct(fraction: number): string {
  const v = Math.round(Math.max(0, Math.min(1, fraction)) * 100_000) / 1000;
  return `${v}%`;
}
