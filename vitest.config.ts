import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Pure modules: no build, no browser. `npx vitest run --project unit` stays fast.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/faults/**', 'tests/components/[A-Z]*.test.ts'],
        },
      },
      // Astro components rendered by the container API, with Astro's Vite plugins (vitest.components.config.ts).
      'vitest.components.config.ts',
      // The built site in Chromium. global-setup builds dist/ once (QINGDAN_SKIP_BUILD=1 reuses it).
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      // Fault injection (tests/faults/README.md): real builds of a small content of its own, with hostile
      // input, damaged caches, killed and concurrent builds; one file at a time (each runs builds), a
      // table of what held at the end. After the other projects (groupOrder), so its builds do not
      // share the CPUs with the e2e build.
      {
        extends: true,
        test: {
          name: 'faults',
          sequence: { groupOrder: 1 },
          include: ['tests/faults/**/*.test.ts'],
          globalSetup: ['tests/faults/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
