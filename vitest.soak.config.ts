import { defineConfig } from 'vitest/config';

/** `npm run soak`: the soak test alone (30 syncs with faults, a few minutes). */
export default defineConfig({
  test: {
    include: ['test/soak/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
