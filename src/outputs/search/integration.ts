// Astro integration: after the pages are written, index the portal with Pagefind (extended
// binary, Chinese segmentation) into dist/pagefind/. Records come from the model (records.ts).
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// Static import: the config's module runner is closed by the time build hooks run.
import * as pagefind from 'pagefind';
import { getPortal } from '../../model/portal';
import { searchRecords } from './records';

export default function searchIntegration(): AstroIntegration {
  return {
    name: 'qingdan-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const portal = await getPortal();
        const records = searchRecords(portal);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        let done = 0;
        for (const record of records) {
          const res = await index.addCustomRecord(record);
          if (res.errors.length) throw new Error(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
          if (++done % 2000 === 0) logger.info(`search ${done}/${records.length} records`);
        }
        const out = fileURLToPath(new URL('pagefind/', dir));
        rmSync(out, { recursive: true, force: true });
        const written = await index.writeFiles({ outputPath: out });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search: ${records.length} records indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
