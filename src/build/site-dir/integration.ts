// Astro integration: the site folder (dist/) is kept between builds instead of emptied, so pages Astro
// reuses, cards and PDFs (hard links into the caches) are already in place and nothing is copied again.
// Safe only when dist/ is what the previous complete build of this cache wrote: a marker in dist/ and a
// record in the cache must agree, or the folder is emptied first. The marker is removed when a build
// starts and written back by the output stages when everything is done (src/cli/outputs.ts), so a build
// that failed half-way leaves no marker and the next one starts from an empty folder.
// After the pages, files no stage published are removed (the files and folders the output stages write
// are theirs to prune: src/outputs/owned-files.ts), and the handoff for the output stages is written.
import type { AstroIntegration } from 'astro';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, pruneFolder } from '../site-files';
import { cacheRoot } from '../../config';
import { writeHandoff, type Handoff } from '../stage';

export const MARKER = '.qingdan-site';

const readJson = (file: string): { id?: string; outDir?: string } | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** Marks the site folder as written by a complete build: the next build may keep it. */
export function finishSiteDir(handoff: Handoff): void {
  const id = randomUUID();
  writeFileSync(join(handoff.outDir, MARKER), JSON.stringify({ id }));
  mkdirSync(dirname(handoff.siteRecordFile), { recursive: true });
  writeFileSync(handoff.siteRecordFile, JSON.stringify({ id, outDir: handoff.outDir }));
}

/**
 * `ownedFiles`: whether a file of the site folder (a path relative to it) is written and pruned by an
 * output stage: left for it, never pruned here. `ownedFolders` (relative, ending in "/"): folders only
 * output stages write into, never walked here (tens of thousands of files).
 */
export default function siteDirIntegration(options: {
  ownedFiles: (relativePath: string) => boolean;
  ownedFolders: readonly string[];
}): AstroIntegration {
  const { ownedFiles } = options;
  const ownedFolders = new Set(options.ownedFolders);
  let outDir = '';
  let publicDir = '';
  let root = '';
  let site: string | null = null;
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
        root = fileURLToPath(config.root);
        site = config.site ?? null;
        recordFile = join(cacheRoot(root), 'site.json');
      },
      'astro:build:start': ({ logger }) => {
        mkdirSync(outDir, { recursive: true });
        // The file system's clock, which file modification times below are compared with.
        const probe = join(outDir, `${MARKER}.start`);
        writeFileSync(probe, '');
        started = statSync(probe).mtimeMs;
        rmSync(probe);
        const marker = readJson(join(outDir, MARKER));
        const record = readJson(recordFile);
        rmSync(join(outDir, MARKER), { force: true }); // written back only when the whole build is done
        if (marker?.id && record?.id === marker.id && record.outDir === outDir) return;
        if (readdirSync(outDir).length) {
          logger.info(`${outDir} was not written by the last complete build of this cache: emptied`);
          for (const name of readdirSync(outDir)) rmSync(join(outDir, name), { recursive: true, force: true });
        }
      },
      'astro:build:done': ({ assets, logger }) => {
        const published = new Set<string>();
        for (const urls of assets.values())
          for (const url of urls) published.add(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
        const fromPublic = new Set(existsSync(publicDir) ? listFiles(publicDir) : []);
        const removed = pruneFolder(
          outDir,
          (file) => {
            if (ownedFiles(file) || published.has(file) || fromPublic.has(file)) return true;
            // Bundled assets and anything else written during this build.
            return statSync(join(outDir, file)).mtimeMs >= started;
          },
          (folder) => ownedFolders.has(folder),
        );
        if (removed) logger.info(`removed ${removed} file(s) no longer published`);
        writeHandoff({ outDir, root, site, siteRecordFile: recordFile });
      },
    },
  };
}
