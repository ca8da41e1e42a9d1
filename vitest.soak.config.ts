import { defineConfig } from 'vitest/config';

// The soak tier (`npm run test:soak`): long real-time cases on the production build (dist/, real
// timings) in both browsers, and the trace fuzzer run for 2 minutes with another seed. Run it
// before an issue that touches src/core or src/background is called resolved. No retries: a soak
// failure is a finding.
export default defineConfig({
  test: {
    include: ['test/soak/**/*.test.ts', 'test/unit/core/trace-fuzz.test.ts'],
    environment: 'node',
    // A test with no assertion proves nothing: vitest fails it.
    expect: { requireAssertions: true },
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 900_000,
    hookTimeout: 120_000,
    env: { NAZAR_BUILD: 'dist', NAZAR_FUZZ_MS: '120000', NAZAR_FUZZ_SEED: '4102021' },
    reporters: ['default', ['./test/support/times-reporter.ts', { tier: 'soak' }]],
  },
});
