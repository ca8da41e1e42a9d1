/**
 * Soak: reliability case 4 in the browsers: 10,000 failing requests at the browser's own pace.
 * Nothing lost, one notification, at most one storage write per 2 s, bounded storage, and Nazar's
 * own time per request (a CPU profile of Chromium's worker). The 10 s pace runs on the real
 * worker and engine with a virtual clock in test/unit/background/request-storm.test.ts.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PAGE_URL, waitFor } from '../support/browser';
import { BROWSERS } from '../support/browser-suite';
import { type BrowserSession, type FakePlatform, launchBrowser, startFakePlatform } from '../support/harness';
import { storm } from '../support/signal-steps';

for (const browser of BROWSERS) {
  describe(`${browser}: a storm of failing requests`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    beforeAll(async () => {
      server = await startFakePlatform();
      s = await launchBrowser({ browser, server });
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
    });

    it('10,000 failing requests: all counted, one notification, one write per 2 s at most', async () => {
      const ig = await s.openPage(PAGE_URL.instagram);
      await waitFor(s, (r) => r.platforms.instagram.evidence.lastSuccessAt !== null);
      await storm(s, server, ig);
      await ig.close();
    }, 600_000);
  });
}
