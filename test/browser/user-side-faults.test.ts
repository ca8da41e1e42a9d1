/**
 * Faults on the user's side, in both browsers: the browser goes offline after the three sites worked
 * (case 5), and nothing resolves at all, not even the neutral check or the DoH resolver (case 6 and
 * the popup's "your internet" answer). No platform is blamed and no outage notice goes out.
 * Steps: test/support/signal-steps.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/core/types';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { ALL, PAGE_URL, waitFor } from '../support/browser';
import { BROWSERS, browserSuite } from '../support/browser-suite';
import { ALL_FAKE_HOSTS, type BrowserSession, type FakePlatform, type PageHandle } from '../support/harness';
import { fullShot, openPopup, popupFacts } from '../support/popup-page';
import { allFailing, userOffline } from '../support/signal-steps';

for (const browser of BROWSERS) {
  describe(`the user going offline in ${browser}`, () => {
    let s: BrowserSession;
    let server: FakePlatform;
    const suite = browserSuite(browser);
    beforeAll(() => {
      ({ s, server } = suite);
    });

    it('case 5: the browser offline after the sites worked: "your internet", no platform blamed', async () => {
      const pages: PageHandle[] = [];
      for (const p of ALL) pages.push(await s.openPage(PAGE_URL[p]));
      await waitFor(s, (r) => ALL.every((p) => r.platforms[p].evidence.lastSuccessAt !== null));
      await userOffline(s, pages, server);
    });
  });

  describe(`nothing resolving in ${browser}`, () => {
    let s: BrowserSession;
    // Nothing resolves: the watched sites, the neutral endpoint and the DoH resolver.
    const suite = browserSuite(
      browser,
      { hosts: Object.fromEntries(ALL_FAKE_HOSTS.map((h) => [h, 'NOTFOUND' as const])) },
      (t) => t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } }),
    );
    beforeAll(() => {
      ({ s } = suite);
    });

    it('case 6: all three failing plus a failing neutral check are blamed on the user side', () => allFailing(s));

    it('the popup says the internet is not working, and blames no platform', async () => {
      for (const u of ['https://web.whatsapp.com/', 'https://www.instagram.com/']) await s.openPage(u);
      await s.sendMessage({ type: 'check-now' }).catch(() => {});
      const r = await s.waitForReply<StatusReport>(
        { type: 'get-status' },
        (x) => PLATFORMS.some((p) => x.platforms[p].verdict.cause === 'offline'),
        60_000,
      );
      const page = await openPopup(s);
      const f = await popupFacts(page);
      expect(PLATFORMS.filter((p) => r.platforms[p].verdict.cause === 'offline').length).toBeGreaterThan(0);
      for (const p of PLATFORMS) expect(r.platforms[p].verdict.scope).not.toMatch(/platform|meta/);
      expect(f.headline).toBe('आपका इंटरनेट नहीं चल रहा');
      expect(f.overflowX).toBe(false);
      await fullShot(s, page, 'popup-offline');
      await page.close();
    });
  });
}
