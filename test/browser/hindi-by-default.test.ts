/**
 * Hindi first (issue 14), in Chromium and Firefox with an English UI, the usual setup in India:
 * - nothing picked: the popup, the banner, the error page and the badge's title are in Hindi;
 * - the popup header's हिंदी | English switch changes every open surface at once, no reload, and back;
 * - two of three failing (WhatsApp and Instagram 503, Facebook fine): the headline names only
 *   the two, and Facebook's row stays green;
 * - offline: the rows say "नहीं खुल रहा" in grey, never "काम नहीं कर रहा है" in red.
 * Screenshots: artifacts/screenshots/<browser>/hindi-*.png; Chromium's are also kept in docs/screenshots.
 */
import { copyFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { bannerTextCdp, hostFacts } from '../support/banner-page';
import { eventually } from '../support/eventually';
import {
  type BrowserName,
  type BrowserSession,
  type FakePlatform,
  launchBrowser,
  type PageHandle,
  PLATFORM_HOSTS,
  startFakePlatform,
} from '../support/harness';
import { down, fullShot, openPopup, popupFacts, waitFor } from '../support/popup-page';

const DEVANAGARI = /[\u0900-\u097F]/;
const ENGLISH_UI = {
  chromiumArgs: ['--lang=en-US', '--accept-lang=en-US'],
  firefoxPrefs: { 'intl.locale.requested': 'en-US', 'intl.accept_languages': 'en-US' },
};

/** The toolbar tooltip, read through the action API from an extension page. */
const badgeTitle = (page: PageHandle) =>
  page.evaluate(() => {
    type Action = { action: { getTitle(d: object): Promise<string> } };
    const g = globalThis as unknown as { browser?: Action; chrome: Action };
    return (g.browser ?? g.chrome).action.getTitle({});
  });

const docLang = (page: PageHandle) => page.evaluate(() => document.documentElement.lang);

async function pick(page: PageHandle, lang: 'hi' | 'en') {
  await page.evaluate((l: string) => {
    (document.querySelector(`.lang-switch button[lang="${l}"]`) as HTMLButtonElement).click();
  }, lang);
}

function keep(s: BrowserSession, path: string, name: string) {
  if (s.browser === 'chromium') copyFileSync(path, `docs/screenshots/${name}-chromium.png`);
}

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`Hindi by default in ${browser} with an English UI`, () => {
    let server: FakePlatform;
    beforeAll(async () => {
      server = await startFakePlatform();
    });
    afterAll(async () => {
      await server?.close();
    });

    it('every surface in Hindi; the switch to English and back applies live; two of three failing names only those two', async () => {
      const s = await launchBrowser({ browser, server, ...ENGLISH_UI });
      try {
        const whatsapp = await s.openPage('https://web.whatsapp.com/');
        await s.openPage('https://www.facebook.com/');
        await s.openPage('https://www.instagram.com/');
        await s.waitForReply<StatusReport>(
          { type: 'get-status' },
          (r) => r.platforms.facebook.verdict.status === 'up',
          40_000,
        );
        server.setMode('whatsapp.com', 'error', { status: 503 });
        server.setMode('instagram.com', 'error', { status: 503 });
        await s.waitForReply<StatusReport>(
          { type: 'get-status' },
          (r) => down('whatsapp')(r) && down('instagram')(r) && r.platforms.facebook.verdict.status === 'up',
          60_000,
        );

        // Popup: Hindi, the headline names WhatsApp and Instagram only, Facebook's row is green.
        const popup = await openPopup(s, 360);
        const f = await popupFacts(popup);
        expect(f.lang).toBe('hi');
        expect(f.headline).toMatch(DEVANAGARI);
        expect(f.headline).toContain('WhatsApp');
        expect(f.headline).toContain('Instagram');
        expect(f.headline).not.toContain('Facebook');
        expect(f.headline).not.toMatch(/सभी/);
        expect(f.rows.facebook).toBe('up');
        const facebookRow = await popup.evaluate(
          () => document.querySelector('.row[data-platform="facebook"]')?.className ?? '',
        );
        expect(facebookRow).toContain('tone-ok');
        expect(f.overflowX).toBe(false);
        expect(f.clipped).toEqual([]);
        // The switch: two real buttons of at least 44 × 44 px at 360 px, Hindi pressed.
        const buttons = await popup.evaluate(() =>
          [...document.querySelectorAll<HTMLButtonElement>('.lang-switch button')].map((b) => ({
            lang: b.lang,
            pressed: b.getAttribute('aria-pressed'),
            w: b.getBoundingClientRect().width,
            h: b.getBoundingClientRect().height,
          })),
        );
        expect(buttons.map((b) => [b.lang, b.pressed])).toEqual([
          ['hi', 'true'],
          ['en', 'false'],
        ]);
        for (const b of buttons) expect(Math.min(b.w, b.h)).toBeGreaterThanOrEqual(44);
        keep(s, await fullShot(s, popup, 'hindi-popup-two-of-three'), 'popup-two-of-three-after');

        // Badge title and banner in Hindi.
        expect(
          await eventually(
            () => badgeTitle(popup),
            (t) => t.includes('WhatsApp और Instagram'),
            { timeoutMs: 20_000 },
          ),
        ).toMatch(/^नज़र\n/);
        await eventually(
          () => hostFacts(whatsapp),
          (h) => h.count === 1,
          { timeoutMs: 20_000 },
        );
        if (browser === 'chromium') {
          // A content script is sent its own platform's verdict only: the banner speaks of WhatsApp alone.
          const banner = await eventually(
            () => bannerTextCdp(whatsapp),
            (t) => t?.includes('WhatsApp काम नहीं कर रहा है') ?? false,
            { timeoutMs: 20_000 },
          );
          expect(banner).not.toContain('Facebook');
          expect(banner).not.toContain('Instagram');
        }
        // The error page, opened as the extension opens it, in Hindi.
        const errorPage = await s.openExtensionPage('src/errorpage/index.html?platform=whatsapp&error=server');
        await waitFor(errorPage, () => !!document.querySelector('.ep-heading'));
        expect(await docLang(errorPage)).toBe('hi');
        expect(await errorPage.evaluate(() => document.querySelector('.ep-heading')?.textContent ?? '')).toMatch(
          DEVANAGARI,
        );

        // English, picked in the popup: applies at once to the popup, the banner, the error page and the badge.
        await pick(popup, 'en');
        await waitFor(popup, () => document.documentElement.lang === 'en');
        expect((await popupFacts(popup)).headline).toBe('WhatsApp and Instagram are not working');
        await waitFor(errorPage, () => document.documentElement.lang === 'en');
        expect(
          await eventually(
            () => badgeTitle(popup),
            (t) => t.startsWith('Nazar\n'),
            { timeoutMs: 20_000 },
          ),
        ).toContain('WhatsApp and Instagram');
        if (browser === 'chromium')
          await eventually(
            () => bannerTextCdp(whatsapp),
            (t) => t?.includes('WhatsApp is not working') ?? false,
            { timeoutMs: 20_000 },
          );

        // And back to Hindi, still without a reload; remembered for the next popup.
        await pick(popup, 'hi');
        await waitFor(popup, () => document.documentElement.lang === 'hi');
        await waitFor(errorPage, () => document.documentElement.lang === 'hi');
        expect(
          await eventually(
            () => badgeTitle(popup),
            (t) => t.startsWith('नज़र\n'),
            { timeoutMs: 20_000 },
          ),
        ).toMatch(DEVANAGARI);
        if (browser === 'chromium')
          await eventually(
            () => bannerTextCdp(whatsapp),
            (t) => t?.includes('WhatsApp काम नहीं कर रहा है') ?? false,
            { timeoutMs: 20_000 },
          );
        const again = await openPopup(s, 360);
        expect((await popupFacts(again)).lang).toBe('hi');
      } finally {
        await s.close();
        server.setMode('whatsapp.com', 'healthy');
        server.setMode('instagram.com', 'healthy');
      }
    });

    it('offline: the rows say "नहीं खुल रहा" in grey, the headline says it is the internet', async () => {
      const hosts = Object.fromEntries(
        [
          ...Object.values(PLATFORM_HOSTS).flat(),
          'connectivitycheck.gstatic.com',
          'cloudflare-dns.com',
          'dns.google',
        ].map((h) => [h, 'NOTFOUND' as const]),
      );
      const s = await launchBrowser({ browser, server, hosts, ...ENGLISH_UI });
      try {
        await s.openPage('https://web.whatsapp.com/');
        await s.openPage('https://www.instagram.com/');
        await s.sendMessage({ type: 'check-now' }).catch(() => {});
        await s.waitForReply<StatusReport>(
          { type: 'get-status' },
          (r) => Object.values(r.platforms).some((p) => p.verdict.cause === 'offline'),
          60_000,
        );
        const popup = await openPopup(s, 360);
        const f = await popupFacts(popup);
        expect(f.lang).toBe('hi');
        expect(f.headline).toBe('आपका इंटरनेट नहीं चल रहा');
        const rows = await popup.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.row')].map((r) => `${r.className}|${r.textContent}`),
        );
        for (const r of rows) {
          expect(r).not.toMatch(/tone-bad|tone-warn/);
          expect(r).not.toContain('काम नहीं कर रहा');
        }
        expect(rows.some((r) => r.includes('tone-you') && r.includes('नहीं खुल रहा'))).toBe(true);
        expect(f.overflowX).toBe(false);
        expect(f.clipped).toEqual([]);
        keep(s, await fullShot(s, popup, 'hindi-popup-offline'), 'popup-offline-after');
      } finally {
        await s.close();
      }
    });
  });
}
