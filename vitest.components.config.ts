// Astro components rendered to HTML in tests: tests/components/<Component>.test.ts, named after its .astro
// file. The Astro container API needs Astro's Vite plugins, so these tests run in a project of their own.
// No astro.config.mjs: none of the build's integrations (page cache, site folder) take part.
import { getViteConfig } from 'astro/config';

export default getViteConfig(
  { test: { name: 'components', include: ['tests/components/[A-Z]*.test.ts'] } },
  { configFile: false, logLevel: 'error' },
);
