// Which URLs may reach a page, a feed, a PDF or a data file: one policy for every link that comes from
// documents' metadata, the registry or status data.

/** Absolute http(s) URLs, or paths of the portal itself ("/documents/x/"); never javascript:, data:, //host. */
export function isAllowedUrl(url: string): boolean {
  if (/\s/.test(url)) return false;
  if (/^https?:\/\/[^/]/i.test(url)) {
    try {
      new URL(url);
      return true;
    } catch {
      return false;
    }
  }
  return /^\/(?!\/)/.test(url);
}
