// Tiny helpers for server-rendered SVG strings. Every text that reaches SVG goes through escapeXml
// (src/portal/escape.ts): labels come from documents and the registry, which nobody here controls.

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
