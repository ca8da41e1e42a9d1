/**
 * Soak: each forged-traffic route of issue 12 on its own, for the full 60 s, in a fresh
 * browser, on the production build: sandboxed `srcdoc` and `data:` frames, plain `fetch`, a popup
 * onto a failing watched URL on a non-default port, a scam-like host under a watched domain. The
 * fast tier runs them all at once for 20 s (test/browser/forged-traffic.test.ts).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BROWSERS } from '../support/browser-suite';
import { attackLaunch, attackServer, ROUTES, runAttack } from '../support/forged-traffic';
import { type FakePlatform, launchBrowser, startFakePlatform } from '../support/harness';

for (const browser of BROWSERS) {
  describe(`${browser}: forged traffic, each route for 60 s`, () => {
    let server: FakePlatform;
    let attacker: Awaited<ReturnType<typeof attackServer>>;
    beforeAll(async () => {
      server = await startFakePlatform();
      attacker = await attackServer();
    });
    afterAll(async () => {
      await new Promise((r) => attacker?.server.close(r));
      await server?.close();
    });

    for (const route of ROUTES)
      it(`route ${route}: verdicts stay up/unknown, no notification, no badge, no attacker host kept or shown`, async () => {
        const s = await launchBrowser({ browser, server, ...attackLaunch(browser) });
        try {
          await runAttack(s, server, attacker, route, 60_000);
        } finally {
          await s.close();
          server.resetAll();
        }
      }, 120_000);
  });
}
