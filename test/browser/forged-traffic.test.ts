/**
 * No web page can make Nazar lie (issue 12), in both browsers. An attacker's page on another host
 * forges failing traffic to the watched platforms by every route at once — sandboxed `srcdoc` and
 * `data:` frames, plain `fetch`, a popup onto a failing watched URL on a non-default port, a
 * scam-like host under a watched domain — for 20 s while the real WhatsApp works: the verdicts
 * stay `up`/`unknown` throughout, no notification, the badge never changes, no attacker host is
 * stored or shown. 20 s is enough: the slowest rule that can take a healthy platform `down` needs a
 * 10 s failure run, and a notification or write follows within 2 × 2.25 s; each route sends 8
 * failing requests a second. Each route alone, for the full 60 s: test/soak/forged-traffic.test.ts.
 * And the other side of the same rules: the user's own failing load still gets the error page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_URL } from '../support/browser';
import { BROWSERS, browserSuite } from '../support/browser-suite';
import { isErrorPageUrl, tabUrl } from '../support/errorpage-page';
import { eventually } from '../support/eventually';
import { attackLaunch, attackServer, runAttack } from '../support/forged-traffic';
import type { PageHandle } from '../support/harness';

const MINE = 'https://www.facebook.com/groups/feed/?ref=bookmark&sk=h';
for (const browser of BROWSERS) {
  describe(`forged traffic in ${browser}`, () => {
    const t = browserSuite(browser, attackLaunch(browser));
    let attacker: Awaited<ReturnType<typeof attackServer>>;
    beforeAll(async () => {
      attacker = await attackServer();
    });
    afterAll(async () => {
      await new Promise((r) => attacker?.server.close(r));
    });

    it('the user’s own failing load still gets the error page (a token, no path or query); "try again" returns to exactly that URL', async () => {
      const { s, server } = t;
      const urlOf = (p: PageHandle) => tabUrl(browser, p);
      const isErrorPage = (u: string) => isErrorPageUrl(s, u);
      server.setMode('facebook.com', 'reset');
      const page = await s.openPage(PAGE_URL.instagram);
      const t0 = Date.now();
      await page.goto(MINE, { timeoutMs: 10_000 });
      const shown = await eventually(() => urlOf(page), isErrorPage, { timeoutMs: 15_000 });
      console.log(
        `[measure] forged-traffic ${browser}: error page after ${Date.now() - t0} ms: ${shown.split('?')[1]}`,
      );
      expect(isErrorPage(shown), shown).toBe(true);
      const q = new URL(shown).searchParams;
      expect([...q.keys()].sort()).toEqual(['error', 'host', 'platform', 't']);
      expect(q.get('host')).toBe('www.facebook.com');
      expect(decodeURIComponent(shown)).not.toMatch(/groups|bookmark/);
      await eventually(() => page.evaluate(() => !!document.querySelector('.ep-retry')).catch(() => false), Boolean, {
        timeoutMs: 10_000,
      });
      server.setMode('facebook.com', 'healthy');
      await page
        .evaluate(() => (document.querySelector('.ep-retry') as HTMLButtonElement | null)?.click())
        .catch(() => {});
      const landed = await eventually(
        () => urlOf(page),
        (u) => u === MINE,
        { timeoutMs: 15_000 },
      );
      expect(landed).toBe(MINE);
    });

    it('every route at once for 20 s: verdicts stay up/unknown, no notification, no badge, no attacker host kept or shown', async () => {
      await runAttack(t.s, t.server, attacker, 'all', 20_000);
    });
  });
}
