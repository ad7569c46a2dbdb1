// `npm run dev` (astro dev) with the content folder watched: a saved status file, document or registry entry
// clears Astro's cache of getStaticPaths results (whose props hold the portal they were made from) and
// reloads the browser; getPortal (src/portal/get-portal.ts) then builds the portal again from the changed
// content, so the page shows the new content or, when it no longer validates, the errors.
import type { AstroIntegration } from 'astro';
import { resolve, sep } from 'node:path';
import { settings } from '../../config';

export default function devContentIntegration(): AstroIntegration {
  return {
    name: 'qingdan-dev-content',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const root = resolve(settings().contentDir);
        server.watcher.add(root);
        let timer: NodeJS.Timeout | null = null;
        server.watcher.on('all', (_event, path) => {
          if (path !== root && !path.startsWith(root + sep)) return;
          if (timer) clearTimeout(timer);
          // An editor's save may be several writes: one reload after they settle.
          timer = setTimeout(() => {
            timer = null;
            for (const [name, env] of Object.entries(server.environments)) if (name !== 'client') env.hot.send('astro:content-changed', {});
            server.environments.client.hot.send({ type: 'full-reload', path: '*' });
            logger.info(`content changed (${path.slice(root.length + 1)}): pages show it on reload`);
          }, 150);
        });
      },
    },
  };
}
