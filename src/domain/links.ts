// Which URLs may reach a page, a feed, a PDF or a data file: one rule for every link that comes from
// documents' metadata, status data (sources, evidence) or the Markdown of progress notes. Input
// validation refuses what fails it; every output checks it again before it writes a link, and shows a
// URL that fails as text (or leaves it out of a data file), never as a link.

/**
 * Characters a URL may not hold as written: whitespace and separators (browsers strip tabs and line breaks
 * inside URLs, so "java\tscript:" would run), controls, format characters (bidi overrides, zero-width
 * joiners), lone surrogates, private-use and unassigned code points, and the ASCII characters RFC 3986
 * excludes ("<>\"`{|}^ and the backslash, which browsers read as "/").
 */
const FORBIDDEN = /[\s\p{Z}\p{C}"<>\\^`{|}]/u;

/**
 * The host of an absolute URL: ASCII names (an internationalised name in its xn-- form, so that a look-alike
 * letter cannot pass for another site's name), IPv4 or a bracketed IPv6 address, an optional port. No "@":
 * credentials ("https://user:pass@host/") are refused, and with them "https://gov.cn@evil.example/".
 */
const AUTHORITY = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Absolute http(s) URLs with a host, or paths of the portal itself ("/documents/x/", used by evidence that
 * points at the methodology page); never javascript:, data:, vbscript:, mailto:, protocol-relative //host
 * or /\host, relative paths, credentials, whitespace or control characters. Length is input validation's
 * bound (LIMITS.urlChars, its own message), not this rule's.
 */
export function isAllowedUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || FORBIDDEN.test(url)) return false;
  if (url.startsWith('/')) return url[1] !== '/';
  const m = /^https?:\/\/([^/?#]*)/i.exec(url);
  if (!m || !AUTHORITY.test(m[1])) return false;
  try {
    const parsed = new URL(url);
    return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The URL if it may be a link (isAllowedUrl), else null: for outputs that link where they can and show text otherwise. */
export function linkableUrl(url: string | null | undefined): string | null {
  return typeof url === 'string' && isAllowedUrl(url) ? url : null;
}
