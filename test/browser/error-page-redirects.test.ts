/**
 * Issue 7, case 24 (the error page), Chromium and Firefox. Facebook's server resets connections
 * (net::ERR_CONNECTION_RESET / NS_ERROR_NET_RESET: "unreachable"):
 * - only a failed main-frame load of a watched host goes to the error page: not a failing iframe,
 *   not a failing fetch, not a failing site that is not watched;
 * - one redirect, no loop; Back leaves it and never lands on it again;
 * - "try again" (and the automatic return) go back to the original URL, path and query included.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { backOnce, isErrorPageUrl, tabUrl } from '../support/errorpage-page';
import { eventually, throughout } from '../support/eventually';
import type { BrowserName, BrowserSession, FakePlatform, PageHandle } from '../support/harness';

const ORIGINAL = 'https://www.facebook.com/groups/feed/index.html?ref=bookmark&sk=h';

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`case 24: error page in ${browser}`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    const urlOf = (p: PageHandle) => tabUrl(browser, p);
    const isErrorPage = (u: string) => isErrorPageUrl(s, u);
    /** Every URL the tab's main frame committed to, in order. */
    function navigations(page: PageHandle): string[] {
      const seen: string[] = [];
      // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
      const raw = page.raw as any;
      raw.on('framenavigated', (f: { url(): string; parentFrame(): unknown }) => {
        if (!f.parentFrame()) seen.push(f.url());
      });
      return seen;
    }

    const suite = browserSuite(browser, {}, async (t) => {
      await t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
    });
    beforeAll(() => {
      ({ s, server } = suite);
    });

    it('leaves failing iframes, failing fetches and unwatched sites to the browser', async () => {
      server.setMode('facebook.com', 'reset');
      const page = await s.openPage('https://www.instagram.com/');
      await page.evaluate(async () => {
        const f = document.createElement('iframe');
        f.src = 'https://www.facebook.com/plugins/like.php?href=x';
        document.body.append(f);
        for (let i = 0; i < 3; i++)
          await fetch('https://www.facebook.com/tr?id=1', { mode: 'no-cors' }).catch(() => {});
      });
      await throughout(
        () => urlOf(page),
        (u) => u.startsWith('https://www.instagram.com/'),
        { what: 'the tab stays on Instagram', forMs: 2_500 },
      );
      const other = await s.openPage();
      const r = await other.goto('https://not-watched.example/path', { timeoutMs: 10_000 });
      expect(r.error).toBeTruthy();
      await throughout(
        () => urlOf(other),
        (u) => !isErrorPage(u),
        { what: "an unwatched site's failure stays the browser's own", forMs: 2_000 },
      );
      await page.close();
      await other.close();
    });

    it('one redirect, no loop; Back never lands on it again; retry goes back to the original URL', async () => {
      server.setMode('facebook.com', 'reset');
      const page = await s.openPage('https://www.instagram.com/');
      const navs = navigations(page);
      const t0 = Date.now();
      await page.goto(ORIGINAL, { timeoutMs: 10_000 });
      const shown = await eventually(() => urlOf(page), isErrorPage, { timeoutMs: 15_000 });
      const redirectMs = Date.now() - t0;
      expect(isErrorPage(shown)).toBe(true);
      // Issue 12: a token, never the failed URL's path or query (it stays in the background).
      expect(new URL(shown).searchParams.get('url')).toBeNull();
      expect(decodeURIComponent(shown)).not.toContain(new URL(ORIGINAL).pathname);
      // Watch for 5 s: the tab stays, reaches the error page once, and its history does not grow.
      const lengthAt = () => page.evaluate(() => history.length).catch(() => -1);
      const historyBefore = await lengthAt();
      await throughout(
        async () => ({ url: await urlOf(page), length: await lengthAt() }),
        (x) => isErrorPage(x.url) && x.length === historyBefore,
        { what: 'the tab stays on the error page and its history does not grow', forMs: 5_000 },
      );
      const toErrorPage = navs.filter(isErrorPage).length;
      console.log(
        `[measure] ${browser} case 24: error page ${redirectMs} ms after the failed load; ${toErrorPage} navigation(s) to it in 5 s; all: ${navs.length}`,
      );
      if (browser === 'chromium') expect(toErrorPage).toBe(1);
      await page.screenshot('reliability-b-24-errorpage');

      // One Back: to Instagram (the background steps past the browser's own failed entry), never
      // to our page again.
      const back = await backOnce(page, { urlOf, isErrorPage, expectPrefix: 'https://www.instagram.com/' });
      expect(back.landed.startsWith('https://www.instagram.com/')).toBe(true);
      expect(back.afterLeaving.some(isErrorPage), back.seen.join(' → ')).toBe(false);

      // Retry once Facebook works again: back to exactly the original URL, path and query included.
      await page.goto(ORIGINAL, { timeoutMs: 10_000 });
      await eventually(() => urlOf(page), isErrorPage, { timeoutMs: 15_000 });
      await eventually(() => page.evaluate(() => !!document.querySelector('.ep-retry')).catch(() => false), Boolean, {
        timeoutMs: 10_000,
      });
      server.setMode('facebook.com', 'healthy');
      await page
        .evaluate(() => (document.querySelector('.ep-retry') as HTMLButtonElement | null)?.click())
        .catch(() => {});
      const landed = await eventually(
        () => urlOf(page),
        (u) => u === ORIGINAL,
        { timeoutMs: 15_000 },
      );
      expect(landed).toBe(ORIGINAL);
      const heading = await eventually(
        () => page.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => ''),
        (h) => h === 'Facebook',
        { timeoutMs: 10_000 },
      );
      expect(heading).toBe('Facebook');
      await page.close();
    });
  });
}
