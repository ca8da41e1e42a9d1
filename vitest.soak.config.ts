import { defineConfig } from 'vitest/config';

// The soak tier (`npm run test:soak`): long real-time cases on the production build (dist/, real
// timings) in both browsers, and the trace fuzzer run for 2 minutes with another seed. Run it
// before an issue that touches src/core or src/background is called resolved. No retries: a soak
// failure is a finding.
//
// Each browser is a project of its own (NAZAR_BROWSERS), so Chromium's and Firefox's copies of a
// file run side by side: the cases are mostly waiting (a flip every 20 s, a 2-minute grace, 60 s
// of forged traffic), and four at a time take about a third of the time one after another did.
const SOAK = ['test/soak/**/*.test.ts'];
const shared = { env: { NAZAR_BUILD: 'dist' } };
export default defineConfig({
  test: {
    environment: 'node',
    // A test with no assertion proves nothing: vitest fails it.
    expect: { requireAssertions: true },
    fileParallelism: true,
    maxWorkers: 4,
    testTimeout: 900_000,
    hookTimeout: 120_000,
    reporters: ['default', ['./test/support/times-reporter.ts', { tier: 'soak' }]],
    projects: [
      { extends: true, test: { name: 'chromium', include: SOAK, env: { ...shared.env, NAZAR_BROWSERS: 'chromium' } } },
      { extends: true, test: { name: 'firefox', include: SOAK, env: { ...shared.env, NAZAR_BROWSERS: 'firefox' } } },
      {
        extends: true,
        test: {
          name: 'fuzz',
          include: ['test/unit/core/trace-fuzz.test.ts'],
          env: { NAZAR_FUZZ_MS: '120000', NAZAR_FUZZ_SEED: '4102021' },
        },
      },
    ],
  },
});
