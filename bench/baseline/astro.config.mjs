// @ts-check
// The benchmark's baseline: the least Astro can do for N pages. N bare Markdown files (written by
// bench/run.ts into BENCH_BASELINE_PAGES) go through one content collection and one layout, with
// the same output settings as the portal. The portal's build time is read against this floor.
import { defineConfig } from 'astro/config';

const cacheDir = process.env.BENCH_BASELINE_CACHE ?? './.cache';

export default defineConfig({
  site: 'https://baseline.example.cn',
  outDir: process.env.BENCH_BASELINE_OUT ?? './dist',
  // A private cache, so a cold run is cold without touching the portal's caches.
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: { cacheDir: `${cacheDir}/vite` },
});
