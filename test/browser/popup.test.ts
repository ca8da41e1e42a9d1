/**
 * The popup with the real background, in Chromium and Firefox, caused for real by the fake
 * platform: all fine, Instagram's 5xx, "check now", the recovery with its history, the popup opened
 * while the background sleeps, and (Firefox) host permissions revoked. The 2021 pattern, local DNS
 * and offline popups are in meta-2021-pattern, local-dns and user-side-faults, each in its own DNS
 * world. Screenshots: artifacts/screenshots/<browser>/popup-<state>.png.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/core/types';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { untilStored } from '../support/browser';
import { BROWSERS, browserSuite } from '../support/browser-suite';
import { eventually } from '../support/eventually';
import type { BrowserSession, FakePlatform } from '../support/harness';
import { down, fullShot, openPopup, popupFacts } from '../support/popup-page';

for (const browser of BROWSERS) {
  describe(`the popup in ${browser}`, () => {
    let s: BrowserSession;
    let server: FakePlatform;
    const suite = browserSuite(browser, {}, (t) =>
      t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } }),
    );
    beforeAll(() => {
      ({ s, server } = suite);
    });

    it('all fine → Instagram 5xx → recovered with history', async () => {
      for (const u of ['https://www.instagram.com/', 'https://web.whatsapp.com/', 'https://www.facebook.com/'])
        await s.openPage(u);
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
      console.log(
        `[measure] ${browser} popup with the background asleep: first render ${f.ownRenderMs} ms after its script started (${f.firstRenderMs} ms after navigation, DOM ready at ${f.domReadyMs} ms)`,
      );
      expect(f.firstRenderMs).not.toBeNull();
      expect(f.ownRenderMs).not.toBeNull();
      await page.evaluate(() => {
        for (const d of document.querySelectorAll<HTMLDetailsElement>('details.fold')) d.open = true;
      });
      f = await eventually(
        () => popupFacts(page),
        (x) => x.text.includes('इतिहास'),
        { what: 'the opened folds show the history', timeoutMs: 5_000 },
      );
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
    });
  });
}
