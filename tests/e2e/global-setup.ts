// Builds the site once before the e2e tests, so `npm test` works on a clean clone.
//   QINGDAN_SKIP_BUILD=1  reuse an existing dist/ (build anyway if there is none);
//   QINGDAN_DIST=/path    test that already-built directory instead (never built here).
// The directory under test is handed to the tests as inject('distDir').
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    distDir: string;
    /** Why there is no site to test; tests/e2e/setup.ts fails every e2e file with it. */
    buildError: string | null;
  }
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function run(command: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        // node_modules/.bin first: it holds the node the project needs (the system one is older).
        PATH: [join(repoRoot, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
        // Astro would otherwise try to send telemetry: nothing may call another host.
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      code === 0 ? ok() : fail(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export default async function setup(project: TestProject): Promise<void> {
  const custom = process.env.QINGDAN_DIST;
  const distDir = custom ? resolve(custom) : join(repoRoot, 'dist');
  project.provide('distDir', distDir);
  // A failed build must fail the e2e tests, not abort the whole run: throwing here would stop
  // vitest before the unit tests report, hiding their results behind the build error.
  try {
    await prepare(distDir, custom);
    project.provide('buildError', null);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[e2e] no site to test: ${message}`);
    project.provide('buildError', message);
  }
}

async function prepare(distDir: string, custom: string | undefined): Promise<void> {
  if (custom) {
    if (!existsSync(distDir)) throw new Error(`QINGDAN_DIST=${custom} does not exist`);
    console.log(`[e2e] testing the existing build in ${distDir} (QINGDAN_DIST)`);
  } else if (process.env.QINGDAN_SKIP_BUILD === '1' && existsSync(distDir)) {
    console.log(`[e2e] reusing ${distDir} (QINGDAN_SKIP_BUILD=1)`);
  } else {
    // A clean build: stale pages left from an earlier build would hide broken links.
    rmSync(distDir, { recursive: true, force: true });
    console.log('[e2e] building the site: npm run build');
    const started = performance.now();
    await run('npm', ['run', 'build']);
    console.log(`[e2e] build finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html is missing: the build produced no home page`);
}
