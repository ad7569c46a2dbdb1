// The file that tells the search page where the index's shards are (shards.ts writes it, client.ts
// reads it): apart from shards.ts so that the browser bundle does not take in node:crypto.

/** Name of the manifest in the site's pagefind/ folder. */
export const SHARDS_MANIFEST = 'qingdan-shards.json';

export interface ShardsManifest {
  /** Site paths of the shards other than the first (the first is /pagefind/ itself), e.g. "/pagefind/s1/". */
  shards: string[];
}
