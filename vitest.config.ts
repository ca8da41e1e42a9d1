import { defineConfig } from 'vitest/config';

// Unit tests: pure logic, UI view models and the browser harness's own self-tests, no browser.
// The browser tiers are vitest.browser.config.ts (fast, `npm test`) and vitest.soak.config.ts.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A test with no assertion proves nothing: vitest fails it.
    expect: { requireAssertions: true },
    reporters: ['default', ['./test/support/times-reporter.ts', { tier: 'unit' }]],
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
