/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    // The JSON report feeds the closing line of .ci/run.
    reporters: ['default', ['json', { outputFile: 'tests/.output/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        // The importer: its corpus, its CLI and the first article it must reproduce.
        test: { name: 'import', include: ['tests/import/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // Each file builds sites with Astro; two at once use both cores.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // The same setup as the build project; it builds dist/ once per run for both.
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 60_000,
          // One Chromium at a time.
          maxWorkers: 1,
        },
      },
    ],
  },
});
