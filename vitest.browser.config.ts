import { defineConfig } from 'vitest/config';

// The fast browser tier: the test build (dist-test/, short "back" grace and banner fold, see
// src/shared/timings.ts) in Debian's chromium and firefox-esr. Three files at a time: a browser test
// spends most of its time waiting for the extension, so three share the 2 cores well (each file
// starts one browser per browser kind, with its own fake platform on its own ports). A test may be
// retried once; a pass on the retry is reported as flaky by the times reporter, never hidden.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    // A test with no assertion proves nothing: vitest fails it.
    expect: { requireAssertions: true },
    fileParallelism: true,
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 1,
    env: { NAZAR_BUILD: 'dist-test' },
    reporters: ['default', ['./test/support/times-reporter.ts', { tier: 'browser' }]],
  },
});
