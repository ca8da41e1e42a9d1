import { defineConfig } from 'vitest/config';

// Unit tests: pure logic and UI view models, no browser. Browser tests live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
