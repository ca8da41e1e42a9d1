/**
 * The 4 October 2021 pattern in both browsers, on their real error strings: every Meta name fails to
 * resolve, the independent DNS-over-HTTPS resolver answers SERVFAIL for them, the rest of the
 * internet works. All three go down with cause dns, Meta-wide; the badge and its title say so; the
 * history has one episode; the popup explains DNS. Delays are printed for the closing note.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/core/types';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { openFailing, readBadge } from '../support/background-observe';
import { history, is, waitFor } from '../support/browser';
import { BROWSERS, browserSuite } from '../support/browser-suite';
import { type BrowserSession, PLATFORM_HOSTS } from '../support/harness';
import { down, fullShot, openPopup, popupFacts } from '../support/popup-page';

const ALL_PLATFORM_HOSTS = Object.values(PLATFORM_HOSTS).flat();

for (const browser of BROWSERS) {
  describe(`the 2021 pattern in ${browser}`, () => {
    let s: BrowserSession;
    const suite = browserSuite(
      browser,
      { hosts: Object.fromEntries(ALL_PLATFORM_HOSTS.map((h) => [h, 'NOTFOUND' as const])) },
      async (t) => {
        for (const h of ALL_PLATFORM_HOSTS) t.server.setDns(h, { status: 2 });
        await t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
      },
    );
    beforeAll(() => {
      ({ s } = suite);
    });

    it('all three go down with cause dns within seconds; badge and tooltip say so', async () => {
      const t0 = Date.now();
      const pages = await Promise.all(
        ['https://web.whatsapp.com/', 'https://www.facebook.com/', 'https://www.instagram.com/'].map((u) =>
          openFailing(s, u),
        ),
      );
      console.log(`[measure] ${s.browser} 2021 pattern: pages loaded (failed) after ${Date.now() - t0} ms`);
      const { report } = await waitFor(s, (r) =>
        (['whatsapp', 'facebook', 'instagram'] as const).every((p) => is(r, p, 'down', 'dns')),
      );
      console.log(`[measure] ${browser} 2021 pattern: all three down/dns ${Date.now() - t0} ms after the first load`);
      expect(report.platforms.whatsapp.verdict.scope).toBe('meta');
      const ext = await s.openExtensionPage('src/popup/index.html');
      const badge = await readBadge(ext);
      expect(badge.text).toBe('×');
      // In Hindi by default: all of Meta's services are down, and why.
      expect(badge.title).toBe('नज़र\nMeta की सभी सेवाएं ठप हैं\nवजह: DNS में वेब पता नहीं मिल रहा।');
      await ext.screenshot('background-2021-popup');
      const h = await history(s);
      expect(h[0]?.platforms.sort()).toEqual(['facebook', 'instagram', 'whatsapp']);
      expect(h[0]?.cause).toBe('dns');
      for (const p of pages) await p.close();
    });

    it('the 2021 Meta DNS outage: no name resolves, the independent DNS says SERVFAIL too', async () => {
      for (const u of ['https://web.whatsapp.com/', 'https://www.facebook.com/', 'https://www.instagram.com/'])
        await s.openPage(u);
      await s.sendMessage({ type: 'check-now' }).catch(() => {});
      const r = await s.waitForReply<StatusReport>(
        { type: 'get-status' },
        (x) => PLATFORMS.filter((p) => down(p)(x)).length >= 2,
        60_000,
      );
      const page = await openPopup(s);
      const f = await popupFacts(page);
      expect(f.overflowX).toBe(false);
      expect(f.text).toContain('DNS इंटरनेट की फ़ोनबुक है');
      expect(f.explanations.map((e) => e.cause)).toContain(r.platforms.facebook.verdict.cause);
      await fullShot(s, page, 'popup-meta-2021-dns');
      await page.close();
    });
  });
}
