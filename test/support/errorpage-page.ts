/** Steps shared by the error-page browser tests (error-page-dns, error-page-redirects). */

import { eventually, throughout } from './eventually';
import type { BrowserName, BrowserSession, PageHandle } from './harness';

/**
 * Presses Back once and follows the tab until it reaches `expectPrefix` (or 8 s pass), then watches
 * 2 s more. `afterLeaving` is every URL seen from the moment the tab left the error page: until
 * Back commits, the tab still reports our page, so only what comes after says whether it looped.
 */
export async function backOnce(
  page: PageHandle,
  o: { urlOf(p: PageHandle): Promise<string>; isErrorPage(u: string): boolean; expectPrefix: string },
): Promise<{ landed: string; seen: string[]; afterLeaving: string[] }> {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
  await (page.raw as any).goBack({ timeout: 10_000 }).catch(() => undefined);
  const seen: string[] = [];
  const landed = await eventually(
    async () => {
      const u = await o.urlOf(page);
      seen.push(u);
      return u;
    },
    (x) => x.startsWith(o.expectPrefix),
    { timeoutMs: 8_000 },
  );
  const afterLeaving = seen.slice(seen.findIndex((u) => !o.isErrorPage(u)));
  // Then 2 s more of what the tab shows: a loop would bring our page back.
  afterLeaving.push(
    ...(await throughout(
      () => o.urlOf(page),
      () => true,
      { what: 'the tab', forMs: 2_000 },
    )),
  );
  return { landed, seen, afterLeaving };
}

/**
 * Where the tab is. Puppeteer (BiDi) does not follow a navigation the extension starts, so in
 * Firefox the document itself is asked.
 */
export async function tabUrl(browser: BrowserName, p: PageHandle): Promise<string> {
  return browser === 'chromium' ? p.url() : await p.evaluate(() => location.href).catch(() => p.url());
}

/** Is `u` Nazar's error page? */
export const isErrorPageUrl = (s: BrowserSession, u: string) =>
  u.startsWith(`${s.extensionOrigin}/src/errorpage/index.html`);

/**
 * Like a page with Facebook embeds during an outage: an Instagram page makes six failing requests
 * to www.facebook.com, then the user opens `url` in that tab. Resolves with the page and the
 * error page's address once the tab shows it (fails with the last address seen after 15 s).
 */
export async function openFacebookAfterEmbedsFail(
  browser: BrowserName,
  s: BrowserSession,
  url: string,
): Promise<{ page: PageHandle; shown: string }> {
  const page = await s.openPage('https://www.instagram.com/');
  await page.evaluate(async () => {
    for (let i = 0; i < 6; i++) {
      await fetch(`https://www.facebook.com/plugins/like.php?i=${i}`, { mode: 'no-cors' }).catch(() => {});
      await new Promise((r) => setTimeout(r, 300));
    }
  });
  await page.goto(url, { timeoutMs: 10_000 });
  const shown = await eventually(
    () => tabUrl(browser, page),
    (u) => isErrorPageUrl(s, u),
    { timeoutMs: 15_000 },
  );
  return { page, shown };
}
