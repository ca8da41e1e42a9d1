/**
 * The background live in Debian Chromium (MV3 service worker) and firefox-esr (an event page, the
 * same code), with the production build: the 2021 pattern, an Instagram 503 and its recovery, a
 * worker stopped mid-outage, a browser restart. Delays measured here are printed for the closing note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFailing, readBadge } from '../support/background-observe';
import { history, is, waitFor } from '../support/browser';
import {
  type BrowserName,
  type BrowserSession,
  type FakePlatform,
  launchBrowser,
  PLATFORM_HOSTS,
  startFakePlatform,
} from '../support/harness';

const ALL_META_NOTFOUND = Object.fromEntries(
  Object.values(PLATFORM_HOSTS)
    .flat()
    .map((h) => [h, 'NOTFOUND' as const]),
);

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`background in ${browser}: the 2021 pattern`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    beforeAll(async () => {
      server = await startFakePlatform();
      // Every Meta name fails to resolve, the independent resolver says SERVFAIL, the internet works.
      for (const n of ['web.whatsapp.com', 'www.facebook.com', 'www.instagram.com']) server.setDns(n, { status: 2 });
      s = await launchBrowser({ browser, server, hosts: ALL_META_NOTFOUND });
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
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
      for (const name of ['WhatsApp', 'Facebook', 'Instagram']) expect(badge.title).toContain(name);
      expect(badge.title).toContain('DNS');
      await ext.screenshot('background-2021-popup');
      const h = await history(s);
      expect(h[0]?.platforms.sort()).toEqual(['facebook', 'instagram', 'whatsapp']);
      expect(h[0]?.cause).toBe('dns');
      for (const p of pages) await p.close();
    });
  });
}
