/**
 * The error page: www.facebook.com does not resolve → the tab shows our page with the DNS
 * explanation; "try again" is let through once (no loop); Back works; an unwatched site that
 * fails is left to the browser. Chromium and Firefox, with the shared harness.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { is, waitFor } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { backOnce, isErrorPageUrl, openFacebookAfterEmbedsFail, tabUrl } from '../support/errorpage-page';
import { eventually, throughout } from '../support/eventually';
import type { BrowserName, BrowserSession, PageHandle } from '../support/harness';

const FB = 'https://www.facebook.com/groups/feed/';

async function bodyText(page: PageHandle): Promise<string> {
  return page.evaluate(() => document.body?.textContent ?? '').catch(() => '');
}

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`error page in ${browser}`, () => {
    let s: BrowserSession;
    const urlOf = (p: PageHandle) => tabUrl(browser, p);
    const isErrorPage = (u: string) => isErrorPageUrl(s, u);

    const suite = browserSuite(browser, { hosts: { 'www.facebook.com': 'NOTFOUND' } }, async (t) => {
      await t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
      // 2021: every resolver answered SERVFAIL for Meta's names.
      for (const name of ['facebook.com', 'www.facebook.com']) t.server.setDns(name, { status: 2 });
    });
    beforeAll(() => {
      ({ s } = suite);
    });

    it('replaces the browser’s page for a DNS failure of www.facebook.com, with the DNS explanation', async () => {
      const { page, shown } = await openFacebookAfterEmbedsFail(browser, s, FB);
      expect(isErrorPage(shown)).toBe(true);
      const params = new URL(shown).searchParams;
      // Issue 12: a token, never the failed URL's path or query (it stays in the background).
      expect(params.get('url')).toBeNull();
      expect(params.get('host')).toBe('www.facebook.com');
      expect(shown).not.toContain('groups');
      expect(params.get('platform')).toBe('facebook');
      expect(params.get('error')).toBe('dns');

      const text = await eventually(
        () => bodyText(page),
        (t) => t.includes('इंटरनेट की फ़ोनबुक') || t.includes('DNS'),
        { timeoutMs: 20_000 },
      );
      expect(text).toContain('इंटरनेट की फ़ोनबुक');
      expect(text).toContain('Facebook नहीं खुल सका');
      expect(text).toContain('इंटरनेट पर www.facebook.com को नहीं ढूंढ पाया');
      expect(text).toContain('फिर से कोशिश करें');
      await page.screenshot('errorpage-facebook-dns');

      // One Back reaches the page before: the browser's own failed entry reloads, fails, and the
      // background steps back past it; never into our page again (no loop).
      const back = await backOnce(page, { urlOf, isErrorPage, expectPrefix: 'https://www.instagram.com/' });
      expect(back.landed.startsWith('https://www.instagram.com/')).toBe(true);
      expect(back.afterLeaving.some(isErrorPage), back.seen.join(' → ')).toBe(false);
    });

    it('“try again” goes to the site once and is not redirected again while the verdict is unchanged', async () => {
      const page = await s.openPage('https://www.instagram.com/');
      await page.goto(FB, { timeoutMs: 10_000 });
      expect(isErrorPage(await eventually(() => urlOf(page), isErrorPage, { timeoutMs: 15_000 }))).toBe(true);
      // Let the verdict settle, so the retry is judged against a stable one.
      await eventually(
        () => bodyText(page),
        (t) => t.includes('DNS'),
        { timeoutMs: 20_000 },
      );
      await waitFor(s, (r) => is(r, 'facebook', 'down', 'dns'));
      await page.evaluate(() => (document.querySelector('.ep-retry') as HTMLButtonElement).click());
      const left = await eventually(
        () => urlOf(page),
        (u) => !u.startsWith(s.extensionOrigin),
        { timeoutMs: 10_000 },
      );
      expect(left.startsWith(s.extensionOrigin)).toBe(false);
      // No loop: for the next few seconds the tab stays with the browser's own page for the site.
      await throughout(
        () => urlOf(page),
        (u) => !isErrorPage(u),
        { what: 'no second redirect', forMs: 3_000 },
      );
      await page.screenshot('errorpage-after-retry');
    });

    it('leaves a failing site that is not watched to the browser', async () => {
      const page = await s.openPage();
      const r = await page.goto('https://unwatched.example/', { timeoutMs: 10_000 });
      expect(r.error).toBeTruthy();
      await throughout(
        () => urlOf(page),
        (u) => !u.startsWith(s.extensionOrigin),
        {
          what: 'the browser’s own page, not ours',
          forMs: 2_000,
        },
      );
    });
  });
}
