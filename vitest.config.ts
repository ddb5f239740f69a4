import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The soak test runs on its own: `npm run soak` (vitest.soak.config.ts), in CI with CIVETTA_SOAK=1.
    exclude: ['test/soak/**', 'node_modules/**', 'dist/**'],
    // Spawned-CLI and simulator tests share two cores with the build; generous but bounded.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Under CI a JSON report feeds the plain "N passed, N failed" line that .ci/run prints.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-report.json' },
  },
});
