/**
 * Soak: flapping in real time, as reliability case 11 has it: Instagram's connections reset and
 * work again every 20 s for 10 minutes, on the production build. At most one notification and at
 * most four badge changes. The same limits on a virtual clock: test/unit/background/flapping-limits.test.ts.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BROWSERS } from '../support/browser-suite';
import { type BrowserSession, type FakePlatform, launchBrowser, startFakePlatform } from '../support/harness';
import { flapping } from '../support/signal-steps';

for (const browser of BROWSERS) {
  describe(`${browser}: flapping for 10 minutes`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    beforeAll(async () => {
      server = await startFakePlatform();
      s = await launchBrowser({ browser, server, hosts: { 'scontent.cdninstagram.com': 'NOTFOUND' } });
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
    });

    it(
      'a flip every 20 s for 10 minutes: at most 1 notification and 4 badge changes',
      () => flapping(s, server),
      700_000,
    );
  });
}
