/**
 * The popup with the real worker, in Chromium and Firefox, in the states the issue lists. Each state
 * is caused for real: names that do not resolve, the fake platform's 503s, fake DoH answers.
 * Screenshots: artifacts/screenshots/<browser>/popup-<state>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/core/types';
import type { StatusReport } from '../../src/shared/messages';
import { untilStored } from '../support/browser';
import {
  type BrowserName,
  type BrowserSession,
  type FakePlatform,
  type HostMap,
  launchBrowser,
  PLATFORM_HOSTS,
  startFakePlatform,
} from '../support/harness';
import { down, fullShot, openPopup, popupFacts } from '../support/popup-page';

const ALL_PLATFORM_HOSTS = Object.values(PLATFORM_HOSTS).flat();
const notFound = (hosts: readonly string[]): HostMap => Object.fromEntries(hosts.map((h) => [h, 'NOTFOUND']));
const timings: string[] = [];

async function session(browser: BrowserName, server: FakePlatform, hosts: HostMap = {}): Promise<BrowserSession> {
  const s = await launchBrowser({ browser, server, hosts });
  await s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
  return s;
}

async function visit(s: BrowserSession, urls: string[]) {
  for (const u of urls) await s.openPage(u);
}

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`popup in ${browser}`, () => {
    let server: FakePlatform;
    beforeAll(async () => {
      server = await startFakePlatform();
    });
    afterAll(async () => {
      await server?.close();
      console.log(`popup first render with the worker asleep (${browser}, ms): ${timings.join(', ')}`);
    });

    it('all fine → Instagram 5xx → recovered with history', async () => {
      const s = await session(browser, server);
      try {
        await visit(s, ['https://www.instagram.com/', 'https://web.whatsapp.com/', 'https://www.facebook.com/']);
        await s.waitForReply<StatusReport>(
          { type: 'get-status' },
          (r) => PLATFORMS.every((p) => r.platforms[p].verdict.status === 'up'),
          40_000,
        );
        let page = await openPopup(s);
        let f = await popupFacts(page);
        expect(f.lang).toBe('hi');
        expect(f.headline).toBe('WhatsApp, Facebook और Instagram ठीक चल रहे हैं');
        expect(f.fontFamily).toContain('Noto Sans Devanagari');
        expect(f.letterSpacing).toMatch(/normal|0px/);
        expect(f.overflowX).toBe(false);
        expect(f.clipped).toEqual([]);
        await fullShot(s, page, 'popup-all-fine');
        await page.close();

        server.setMode('instagram.com', 'error', { status: 503 });
        await s.waitForReply<StatusReport>({ type: 'get-status' }, down('instagram'), 40_000);
        page = await openPopup(s, 360);
        f = await popupFacts(page);
        expect(f.headline).toMatch(/^Instagram (काम नहीं कर रहा है|कुछ हद तक ही काम कर रहा है)$/);
        expect(f.rows.instagram).toMatch(/down|degraded/);
        expect(f.explanations[0]?.cause).toBe('server');
        expect(f.text).toContain('क्या Instagram हैक हुआ?');
        expect(f.text).toMatch(/\d+ अनुरोधों में से \d+ नाकाम रहे|\d+ में से \d+ अनुरोध नाकाम रहे/);
        expect(f.overflowX).toBe(false);
        await fullShot(s, page, 'popup-instagram-5xx');

        // "अभी जांचें": disabled and busy while it runs, then the answer is back.
        // Watch the button's attributes instead of sampling after a fixed delay: on a loaded machine
        // the round can start and end on either side of any one moment.
        const busy = await page.evaluate(() => {
          const b = document.querySelector<HTMLButtonElement>('.actions button')!;
          let seen = `${b.disabled}|${b.getAttribute('aria-busy')}`;
          const mo = new MutationObserver(() => {
            if (b.disabled && b.getAttribute('aria-busy') === 'true') seen = 'true|true';
          });
          mo.observe(b, { attributes: true });
          b.click();
          return new Promise<string>((r) =>
            setTimeout(() => {
              mo.disconnect();
              r(seen);
            }, 300),
          );
        });
        expect(busy).toBe('true|true');
        await page.evaluate(
          () =>
            new Promise<void>((r) => {
              const t = setInterval(() => {
                if (!document.querySelector<HTMLButtonElement>('.actions button')?.disabled) {
                  clearInterval(t);
                  r();
                }
              }, 100);
            }),
        );
        expect((await popupFacts(page)).text).toMatch(/जांच पूरी हुई|जांच नहीं हो सकी/);
        await page.close();

        server.setMode('instagram.com', 'healthy');
        await s.waitForReply<StatusReport>(
          { type: 'get-status' },
          (r) => r.platforms.instagram.verdict.status === 'up',
          60_000,
        );
        const history = await s.waitForReply<unknown[]>(
          { type: 'get-history' },
          (h) => Array.isArray(h) && h.length > 0,
          20_000,
        );
        expect(history.length).toBeGreaterThan(0);
        // The recovery and the history must be stored before the worker stops (throttled writes).
        await untilStored(s, ({ session, local }) => {
          const r = session['nazar:report'] as StatusReport | undefined;
          const h = local['nazar:history'];
          return r?.platforms.instagram.verdict.status === 'up' && Array.isArray(h) && h.length > 0;
        });
        // The worker asleep: the popup must still render from storage, fast.
        await s.stopBackground();
        page = await openPopup(s, 400);
        f = await popupFacts(page);
        if (f.firstRenderMs !== null)
          timings.push(
            `${f.ownRenderMs} after the script started (${f.firstRenderMs} after navigation, DOM ready at ${f.domReadyMs})`,
          );
        expect(f.firstRenderMs).not.toBeNull();
        expect(f.ownRenderMs).not.toBeNull();
        await page.evaluate(() => {
          for (const d of document.querySelectorAll<HTMLDetailsElement>('details.fold')) d.open = true;
        });
        await new Promise((r) => setTimeout(r, 300));
        f = await popupFacts(page);
        expect(f.text).toContain('इतिहास');
        expect(f.text).toContain('सर्वर में गड़बड़ी');
        expect(f.text).not.toContain('अभी कोई गड़बड़ी दर्ज नहीं हुई');
        expect(f.overflowX).toBe(false);
        await fullShot(s, page, 'popup-history', true);
        await page.close();

        if (browser === 'firefox') {
          // A Firefox user can revoke host permissions; the popup must explain and offer the button.
          const ext = await s.openExtensionPage('src/popup/index.html');
          await ext.evaluate(async () => {
            const b = (
              globalThis as unknown as {
                browser: {
                  permissions: { remove(p: { origins: string[] }): Promise<boolean> };
                  runtime: {
                    getManifest(): { host_permissions?: string[] };
                    sendMessage(m: unknown): Promise<unknown>;
                  };
                };
              }
            ).browser;
            await b.permissions.remove({ origins: b.runtime.getManifest().host_permissions ?? [] });
            await b.runtime.sendMessage({ type: 'permissions-changed' });
          });
          await ext.close();
          await s.waitForReply<StatusReport>({ type: 'get-status' }, (r) => r.hostPermissions === false, 15_000);
          page = await openPopup(s, 360);
          f = await popupFacts(page);
          expect(f.headline).toBe('नज़र को अनुमति चाहिए');
          expect(f.text).toContain('अनुमति दें');
          expect(f.overflowX).toBe(false);
          await fullShot(s, page, 'popup-permissions-missing');
          await page.close();
        }
      } finally {
        await s.close();
        server.setMode('instagram.com', 'healthy');
      }
    });

    it('the 2021 Meta DNS outage: no name resolves, the independent DNS says SERVFAIL too', async () => {
      for (const h of ALL_PLATFORM_HOSTS) server.setDns(h, { status: 2 });
      const s = await session(browser, server, notFound(ALL_PLATFORM_HOSTS));
      try {
        await visit(s, ['https://web.whatsapp.com/', 'https://www.facebook.com/', 'https://www.instagram.com/']);
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
      } finally {
        await s.close();
        for (const h of ALL_PLATFORM_HOSTS) server.setDns(h, { status: 0, addresses: ['157.240.1.35'] });
      }
    });

    it('local DNS: WhatsApp does not resolve here, but the independent DNS answers', async () => {
      const s = await session(browser, server, notFound(PLATFORM_HOSTS.whatsapp));
      try {
        await visit(s, ['https://web.whatsapp.com/']);
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
      } finally {
        await s.close();
      }
    });

    it('user offline: nothing resolves, not even the neutral check', async () => {
      const s = await session(
        browser,
        server,
        notFound([...ALL_PLATFORM_HOSTS, 'connectivitycheck.gstatic.com', 'cloudflare-dns.com', 'dns.google']),
      );
      try {
        await visit(s, ['https://web.whatsapp.com/', 'https://www.instagram.com/']);
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
      } finally {
        await s.close();
      }
    });
  });
}
