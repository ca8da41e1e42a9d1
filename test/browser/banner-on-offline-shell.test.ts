/**
 * WhatsApp Web's offline shell: the page comes from its own service worker's cache while the
 * network to WhatsApp fails. The content script runs on that page too, so the banner shows there.
 * Chromium and Firefox, with the shared harness (the fake page's `?shell` service worker).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { BANNER_RGB, bannerTextCdp, hostFacts, near, pixelAt } from '../support/banner-page';
import { browserSuite } from '../support/browser-suite';
import { eventually } from '../support/eventually';
import type { BrowserName, BrowserSession, FakePlatform } from '../support/harness';

const SHELL = 'https://web.whatsapp.com/?shell=1';
const failing = (r: StatusReport) => ['down', 'degraded'].includes(r?.platforms?.whatsapp?.verdict?.status);

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`WhatsApp Web's offline shell in ${browser}`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    const suite = browserSuite(
      browser,
      { firefoxPrefs: { 'devtools.serviceWorkers.testing.enabled': true } },
      async (t) => {
        // Firefox lets service workers run on a site whose certificate is only accepted by the test
        // harness when this devtools pref is on (Chromium: --ignore-certificate-errors does it).
        await t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
      },
    );
    beforeAll(() => {
      ({ s, server } = suite);
    });

    it('the page served from the service worker’s cache while WhatsApp is unreachable gets the banner', async () => {
      const page = await s.openPage(SHELL);
      const controlled = await eventually(
        () => page.evaluate(() => navigator.serviceWorker?.controller !== null).catch(() => false),
        Boolean,
        { timeoutMs: 15_000 },
      );
      expect(controlled).toBe(true);

      server.setMode('whatsapp.com', 'reset');
      server.setMode('whatsapp.net', 'reset');
      const resetsBefore = server.requests.filter((r) => r.host === 'web.whatsapp.com' && r.mode === 'reset').length;
      await page.goto(SHELL, { timeoutMs: 15_000 }).catch(() => undefined);
      // The tab shows the cached shell (not the browser's error page, not ours), and the network
      // really refused the navigation.
      const heading = await eventually(
        () => page.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => ''),
        (h) => h === 'WhatsApp',
        { timeoutMs: 10_000 },
      );
      expect(heading).toBe('WhatsApp');
      expect(page.url().startsWith('https://web.whatsapp.com/')).toBe(true);
      expect(server.requests.filter((r) => r.host === 'web.whatsapp.com' && r.mode === 'reset').length).toBeGreaterThan(
        resetsBefore,
      );

      // The shell's own calls keep failing: the background says so, and the banner is on the page.
      const r = await s.waitForReply<StatusReport>({ type: 'get-status' }, failing, 40_000);
      expect(failing(r)).toBe(true);
      const facts = await eventually(
        () => hostFacts(page),
        (f) => f.count === 1 && f.height > 0,
        { timeoutMs: 15_000 },
      );
      expect(facts).toMatchObject({ count: 1, top: 0 });
      const colour = await pixelAt(s, page, 3, 3);
      expect(near(colour, BANNER_RGB.down) || near(colour, BANNER_RGB.degraded), `pixel ${colour}`).toBe(true);
      if (browser === 'chromium') expect(await bannerTextCdp(page)).toContain('WhatsApp');
      await page.screenshot('banner-whatsapp-offline-shell');
      server.setMode('whatsapp.com', 'healthy');
      server.setMode('whatsapp.net', 'healthy');
      await page.close();
    });
  });
}
