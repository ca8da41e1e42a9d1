import { defineConfig } from 'vitest/config';

// The soak tier (`npm run test:soak`): long real-time cases on the production build (dist/, real
// timings) in both browsers, and a longer fuzz run. Run it before an issue that touches src/core
// or src/background is called resolved. No retries: a soak failure is a finding.
export default defineConfig({
  test: {
    include: ['test/soak/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 120_000,
    env: { NAZAR_BUILD: 'dist' },
    reporters: ['default', ['./test/support/times-reporter.ts', { tier: 'soak' }]],
  },
});
