import { defineConfig } from 'vitest/config';

// The fast browser tier: the test build (dist-test/, short "back" grace and banner fold, see
// src/shared/timings.ts) in Debian's chromium and firefox-esr, one file at a time (2 cores; each
// file starts one browser per browser kind). A test may be retried once; a pass on the retry is
// reported as flaky by the times reporter, never hidden.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 1,
    env: { NAZAR_BUILD: 'dist-test' },
    reporters: ['default', ['./test/support/times-reporter.ts', { tier: 'browser' }]],
  },
});
