/**
 * Reliability case 3 at its real length (soak tier): the background left alone stops by itself,
 * and after more than a minute of idleness a failing load wakes it and its first error counts.
 * The rest of the restart cases run on the test build in test/browser/outage-journey.test.ts.
 */
import { expect } from 'vitest';
import { watchBackground } from './background-state';
import { PAGE_URL, waitFor } from './browser';
import { eventually, sleep } from './eventually';
import type { BrowserSession, FakePlatform } from './harness';

export interface RestartRun {
  s: BrowserSession;
  server: FakePlatform;
}

/**
 * Case 3: the background left alone for over `idleMs` stops by itself (Chromium's worker after ~30 s,
 * Firefox's event page after `extensions.background.idle.timeout`); then a failing load wakes it and
 * its first error counts.
 */
export async function coldWake(run: RestartRun, idleMs: number) {
  const { s, server } = run;
  const probe = await s.openPage();
  const watch = await watchBackground(s, probe);
  // No page of the extension open, as when nobody looks at Nazar: an open one holds a live port,
  // which would keep Chromium's worker awake.
  await s.closeExtensionPages();
  const t0 = Date.now();
  if (s.browser === 'firefox') {
    // Firefox unloads an idle event page after extensions.background.idle.timeout: it must.
    await eventually(() => watch.everStopped(), Boolean, {
      what: 'firefox: the background to stop by itself',
      timeoutMs: idleMs + 30_000,
      intervalMs: 1_000,
    });
  }
  const stoppedAfter = Date.now() - t0;
  // The case is about a wake after more than a minute of idleness, not just after the stop.
  if (Date.now() - t0 < idleMs) await sleep(idleMs - (Date.now() - t0));
  if (s.browser === 'chromium' && !(await watch.everStopped())) {
    // Chromium never stops a worker that DevTools is attached to, and Playwright attaches to every
    // service worker (seen: still running after 91 s idle in two soak runs): stop it as Chromium's
    // idle timer would.
    console.log('[measure] case 3 chromium: the worker, attached to by DevTools, did not stop by itself: stopped now');
    await s.stopBackground();
  }
  console.log(
    `[measure] case 3 ${s.browser}: ${s.browser === 'firefox' ? `stopped by itself after ${Math.round(stoppedAfter / 1000)} s; ` : ''}idle ${Math.round((Date.now() - t0) / 1000)} s`,
  );
  server.setMode('facebook.com', 'reset');
  const woke = Date.now();
  await probe.goto(PAGE_URL.facebook);
  const { report, ms } = await waitFor(s, (r) => (r.platforms.facebook.evidence.failed ?? 0) >= 1, 15_000);
  console.log(`[measure] case 3 ${s.browser}: first error counted ${ms} ms after the load`);
  expect(report.platforms.facebook.evidence.byClass.unreachable).toBeGreaterThanOrEqual(1);
  expect(report.platforms.facebook.evidence.lastFailureAt).toBeGreaterThanOrEqual(woke - 1_000);
  expect(report.platforms.facebook.evidence.hosts).toContain('www.facebook.com');
  server.setMode('facebook.com', 'healthy');
}
