// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

import { settings } from './src/config.ts';

// The public URL the portal is served from (QINGDAN_SITE_URL): og:image, feeds and the sitemap need absolute URLs.
const site = settings().siteUrl;

// A whole log through a pipe, incremental pages and the kept site folder. Cards, PDF reports and the
// search index are written after this build, in a process of their own (src/cli/outputs.ts; `npm run
// build` runs both).
const owned = await import('./src/outputs/owned-files.ts');
const stages = [
  (await import('./src/build/whole-log/integration.ts')).default(),
  (await import('./src/build/page-cache/integration.ts')).default(),
  // `npm run dev`: edited content shows on reload (the content folder is watched).
  (await import('./src/build/dev/integration.ts')).default(),
  (await import('./src/build/site-dir/integration.ts')).default({ ownedFiles: owned.isOutputFile, ownedFolders: owned.OUTPUT_FOLDERS }),
];

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Several pages render at once, so one page's file writes overlap another's rendering (10,000 tasks:
  // 91 s one at a time, 47 s eight at a time). Reads are recorded per render (src/portal/reads.ts).
  build: { format: 'directory', concurrency: 8 },
  integrations: [mdx(), ...stages],
  devToolbar: { enabled: false },
  prefetch: false,
});
