/**
 * Soak: the production build's real waits, which the fast tier's test build shortens.
 * - The "back" notice only after a platform has stayed fine for the whole 2-minute grace.
 * - Reliability case 3: a background left idle stops by itself (Chromium's worker after ~30 s;
 *   Firefox's event page after `extensions.background.idle.timeout`, set to 15 s here, as the
 *   default of 30 s would also do), and after more than 60 s of idleness a failing load wakes it
 *   and its first error counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_TIMINGS } from '../../src/shared/timings';
import { backs, history, is, outages, PAGE_URL, startRecorder, waitFor } from '../support/browser';
import { BROWSERS } from '../support/browser-suite';
import { coldWake, type RestartRun } from '../support/cold-wake';
import { eventually, throughout } from '../support/eventually';
import { launchBrowser, startFakePlatform } from '../support/harness';

const IDLE_MS = 61_000;

for (const browser of BROWSERS) {
  describe(`${browser}: the production build's real timers`, () => {
    const run = {} as RestartRun;
    beforeAll(async () => {
      run.server = await startFakePlatform();
      run.s = await launchBrowser({
        browser,
        server: run.server,
        firefoxPrefs: { 'extensions.background.idle.timeout': 15_000 },
      });
    });
    afterAll(async () => {
      await run.s?.close();
      await run.server?.close();
    });

    it('the "back" notice waits for the whole 2-minute grace after a recovery, then comes once', async () => {
      const { s, server } = run;
      const ig = await s.openPage(PAGE_URL.instagram);
      await waitFor(s, (r) => is(r, 'instagram', 'up'));
      const rec = await startRecorder(s);
      server.setMode('instagram.com', 'error', { status: 503 });
      server.setMode('cdninstagram.com', 'error', { status: 503 });
      await waitFor(s, (r) => is(r, 'instagram', 'down'));
      await eventually(
        () => rec.read(),
        (o) => outages(o).length === 1,
        { what: 'one outage notice' },
      );
      server.setMode('instagram.com', 'healthy');
      server.setMode('cdninstagram.com', 'healthy');
      const { ms } = await waitFor(s, (r) => is(r, 'instagram', 'up'), 30_000);
      const upAt = Date.now();
      const graceMs = REAL_TIMINGS.backGraceMs;
      // Not before the grace is over (less 5 s for the write slots and polling)...
      await throughout(
        () => rec.read(),
        (o) => backs(o).length === 0,
        {
          what: 'no "back" notice during the grace',
          forMs: graceMs - 5_000,
          intervalMs: 1_000,
        },
      );
      // ...and then exactly once.
      const o = await eventually(
        () => rec.read(),
        (x) => backs(x).length > 0,
        {
          what: 'the "back" notice after the grace',
          timeoutMs: 30_000,
          intervalMs: 500,
        },
      );
      const afterMs = Date.now() - upAt;
      console.log(`[measure] soak ${browser}: up ${ms} ms after the recovery; "back" ${afterMs} ms after up`);
      expect(afterMs).toBeGreaterThanOrEqual(graceMs - 5_000);
      expect(backs(o)).toHaveLength(1);
      expect(outages(o)).toHaveLength(1);
      await rec.page.close();
      await ig.close();
    }, 240_000);

    it('case 22: a relapse within the grace continues the episode: one outage and one "back" notice', async () => {
      const { s, server } = run;
      const ig = await s.openPage(PAGE_URL.instagram);
      await waitFor(s, (r) => is(r, 'instagram', 'up'));
      const rec = await startRecorder(s);
      const instagram = (mode: 'healthy' | 503) => {
        for (const key of ['instagram.com', 'cdninstagram.com'])
          if (mode === 503) server.setMode(key, 'error', { status: 503 });
          else server.setMode(key, 'healthy');
      };
      const episodes = new Set<string>();
      const since = Date.now(); // the previous test's episode, closed, is in the history too
      for (let round = 0; round < 2; round++) {
        instagram(503);
        await waitFor(s, (r) => is(r, 'instagram', 'down') || is(r, 'instagram', 'degraded'));
        instagram('healthy');
        // After a relapse, `up` waits for a clean spell of 30 s (flapping is damped on the way back).
        await waitFor(s, (r) => is(r, 'instagram', 'up'), 60_000);
        for (const e of await history(s)) if (e.start >= since - 1_000) episodes.add(e.id);
      }
      const o = await eventually(
        () => rec.read(),
        (x) => backs(x).length > 0,
        {
          what: 'the "back" notice after the grace',
          timeoutMs: REAL_TIMINGS.backGraceMs + 30_000,
          intervalMs: 1_000,
        },
      );
      const [id] = [...episodes];
      console.log(`[measure] soak ${browser} case 22: down→up twice: ${episodes.size} episode(s); sent ${o.sent}`);
      expect(episodes.size).toBe(1);
      expect(o.sent).toEqual([`nazar:outage:${id}`, `nazar:back:${id}`]);
      await rec.page.close();
      await ig.close();
    }, 300_000);

    it(
      'case 3: the idle background stops by itself (Firefox; Chromium keeps a worker DevTools is attached to); after 61 s a failing load wakes it and counts',
      () => coldWake(run, IDLE_MS),
      IDLE_MS + 90_000,
    );
  });
}
