// Astro integration: the site folder (dist/) is kept between builds instead of emptied, so pages Astro
// reuses, cards and PDFs (hard links into the caches) are already in place and nothing is copied again.
// Safe only when dist/ is what the previous build of this cache wrote: a marker in dist/ and a record
// beside Astro's cache must agree, or the folder is emptied first. After the build, files no stage
// published are removed (cards/, reports/ and pagefind/ are pruned by their own stages).
// Keep this integration last: it runs after every other stage has written its files.
import type { AstroIntegration } from 'astro';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, pruneFolder } from '../site-files';

export const MARKER = '.qingdan-site';
const RECORD = 'qingdan-site.json';
/** Folders whose stages prune them themselves. */
const OWNED = ['cards/', 'reports/', 'pagefind/'];

const readJson = (file: string): { id?: string; outDir?: string } | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

export default function siteDirIntegration(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let recordFile = '';
  let started = 0;
  return {
    name: 'qingdan-site-dir',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        recordFile = join(fileURLToPath(config.cacheDir), RECORD);
      },
      'astro:build:start': ({ logger }) => {
        // Times from the file system, which is what file modification times are compared with below.
        mkdirSync(outDir, { recursive: true });
        const probe = join(outDir, `${MARKER}.start`);
        writeFileSync(probe, '');
        started = statSync(probe).mtimeMs;
        rmSync(probe);
        const marker = readJson(join(outDir, MARKER));
        const record = readJson(recordFile);
        const ours = marker?.id && record?.id === marker.id && record.outDir === outDir;
        if (ours) return;
        if (readdirSync(outDir).length) {
          logger.info(`${outDir} was not written by the previous build of this cache: emptied`);
          for (const name of readdirSync(outDir)) rmSync(join(outDir, name), { recursive: true, force: true });
        }
      },
      'astro:build:done': ({ assets, logger }) => {
        const published = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) published.add(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
        const fromPublic = new Set(existsSync(publicDir) ? listFiles(publicDir) : []);
        const removed = pruneFolder(outDir, (file) => {
          if (file === MARKER || OWNED.some((dir) => file.startsWith(dir))) return true;
          if (published.has(file) || fromPublic.has(file)) return true;
          // Bundled assets and anything else written during this build.
          return statSync(join(outDir, file)).mtimeMs >= started;
        });
        if (removed) logger.info(`removed ${removed} file(s) no longer published`);
        const id = randomUUID();
        writeFileSync(join(outDir, MARKER), JSON.stringify({ id }));
        mkdirSync(join(recordFile, '..'), { recursive: true });
        writeFileSync(recordFile, JSON.stringify({ id, outDir }));
      },
    },
  };
}
