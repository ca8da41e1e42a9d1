/**
 * Reliability cases 1, 12, 2, 3 in both browsers (issue 7): worker stopped mid-outage, slow recovery,
 * browser restart, cold wake. Steps: test/support/e2e-restarts.ts. NAZAR_IDLE_MS sets how long the
 * cold-wake case leaves the background idle (default 61 s, as the case asks).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  browserRestarted,
  coldWake,
  type RestartRun,
  slowRecovery,
  workerStoppedMidOutage,
} from '../support/e2e-restarts';
import { type BrowserName, launchBrowser, startFakePlatform } from '../support/harness';

const IDLE_MS = Number(process.env.NAZAR_IDLE_MS ?? 61_000);

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${browser}: restarts and wake-ups`, () => {
    const run = {} as RestartRun;
    beforeAll(async () => {
      run.server = await startFakePlatform();
      run.s = await launchBrowser({ browser, server: run.server });
    });
    afterAll(async () => {
      await run.s?.close();
      await run.server?.close();
    });

    it('case 1: worker stopped mid-outage', () => workerStoppedMidOutage(run));
    it('case 12: slow recovery: one recovery notice, only when truly back', () => slowRecovery(run), 240_000);
    it('case 2: browser restarted', () => browserRestarted(run));
    it('case 3: cold wake after idle', () => coldWake(run, IDLE_MS), IDLE_MS + 60_000);
  });
}
