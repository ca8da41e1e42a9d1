/**
 * The user's provider's DNS fails for WhatsApp while an independent DNS-over-HTTPS resolver answers:
 * local-dns, the network's fault, and the popup says so (and how to change the DNS), in both browsers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { BROWSERS, browserSuite } from '../support/browser-suite';
import { type BrowserSession, PLATFORM_HOSTS } from '../support/harness';
import { down, fullShot, openPopup, popupFacts } from '../support/popup-page';

for (const browser of BROWSERS) {
  describe(`local DNS in ${browser}`, () => {
    let s: BrowserSession;
    const suite = browserSuite(
      browser,
      { hosts: Object.fromEntries(PLATFORM_HOSTS.whatsapp.map((h) => [h, 'NOTFOUND' as const])) },
      (t) => t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } }),
    );
    beforeAll(() => {
      ({ s } = suite);
    });

    it('local DNS: WhatsApp does not resolve here, but the independent DNS answers', async () => {
      await s.openPage('https://web.whatsapp.com/');
      await s.waitForReply<StatusReport>({ type: 'get-status' }, down('whatsapp'), 60_000);
      // The independent DoH lookup is what tells local DNS apart: ask for the checks once more.
      await s.sendMessage({ type: 'check-now' }).catch(() => {});
      const r = await s.waitForReply<StatusReport>(
        { type: 'get-status' },
        (x) => x.platforms.whatsapp.verdict.cause === 'local-dns',
        45_000,
      );
      const page = await openPopup(s);
      const f = await popupFacts(page);
      expect(f.rows.whatsapp).toMatch(/down|degraded/);
      expect(r.platforms.whatsapp.verdict).toMatchObject({ cause: 'local-dns', scope: 'network' });
      expect(f.headline).toBe('गड़बड़ी आपकी इंटरनेट कंपनी में लगती है');
      expect(f.text).toContain('दूसरा DNS (जैसे 1.1.1.1 या 8.8.8.8)');
      expect(f.overflowX).toBe(false);
      await fullShot(s, page, 'popup-local-dns');
      await page.close();
    });
  });
}
