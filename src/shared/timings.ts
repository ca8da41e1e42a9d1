/**
 * The extension's few real-time waits that browser tests would otherwise sit through, in one place.
 *
 * `npm run build` makes dist/ with the real values. `npm run build:test` makes dist-test/, the same
 * code with `__NAZAR_TEST_BUILD__` defined true, so the fast browser tier sees a "back" notice
 * seconds after a recovery instead of minutes. The test values are deliberately odd numbers:
 * test/unit/build/test-build.test.ts finds them in dist-test/ and proves dist/ carries none of them.
 * Detection (src/core) has no test timings: its thresholds are the same everywhere.
 */
declare const __NAZAR_TEST_BUILD__: boolean | undefined;

/** True only in dist-test/ (vite mode `chrome-test` / `firefox-test`). */
export const TEST_BUILD: boolean = typeof __NAZAR_TEST_BUILD__ !== 'undefined' && __NAZAR_TEST_BUILD__;

/** The real values, pinned by the unit tests. */
export const REAL_TIMINGS = {
  /** A platform must stay fine this long before its episode closes and "back" is sent. */
  backGraceMs: 2 * 60_000,
  /** A problem banner folds into a chip after this long without news. */
  bannerFoldMs: 20_000,
} as const;

/** The test build's values: long enough for a test to observe the state before, short enough not to wait. */
export const TEST_TIMINGS = {
  backGraceMs: 5_432,
  bannerFoldMs: 6_543,
} as const;

export const TIMINGS: { readonly backGraceMs: number; readonly bannerFoldMs: number } = TEST_BUILD
  ? TEST_TIMINGS
  : REAL_TIMINGS;
