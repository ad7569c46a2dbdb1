// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The public URL the portal is served from: og:image, feeds and the sitemap need absolute URLs.
const site = process.env.QINGDAN_SITE_URL ?? 'https://qingdan.example.cn';

// Output stages after the pages: each is a thin integration over a pure module in src/outputs/.
const outputs = [
  (await import('./src/outputs/page-cache/integration.ts')).default(), // incremental pages
  (await import('./src/outputs/cards/integration.ts')).default(), // cards
  (await import('./src/outputs/pdf/integration.ts')).default(), // pdf
  (await import('./src/outputs/search/integration.ts')).default(),
  (await import('./src/outputs/site-dir/integration.ts')).default(), // last: prunes what no stage published
];

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Several pages render at once, so one page's file writes overlap another's rendering (10,000 tasks:
  // 91 s one at a time, 47 s eight at a time). Reads are recorded per render (src/model/reads.ts).
  build: { format: 'directory', concurrency: 8 },
  integrations: [mdx(), ...outputs],
  devToolbar: { enabled: false },
  prefetch: false,
});
