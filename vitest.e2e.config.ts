import { defineConfig } from 'vitest/config';

// Browser tests: the production build (dist/) in Debian's chromium and firefox-esr, one file at a time
// (2 cores; each test launches its own browser).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
