/**
 * Soak: it waits for the background's own re-check of a platform that is down (every 30 s or more).
 * Automatic return: www.facebook.com resets every connection → the error page; the server
 * recovers → the background sees Facebook `up` again → the tab goes back to the site by itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { BROWSERS, browserSuite } from '../support/browser-suite';
import { isErrorPageUrl, openFacebookAfterEmbedsFail, tabUrl } from '../support/errorpage-page';
import { eventually } from '../support/eventually';
import type { BrowserSession, FakePlatform, PageHandle } from '../support/harness';

const FB = 'https://www.facebook.com/';

for (const browser of BROWSERS) {
  describe(`error page returns by itself in ${browser}`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    const urlOf = (p: PageHandle) => tabUrl(browser, p);
    const isErrorPage = (u: string) => isErrorPageUrl(s, u);

    const suite = browserSuite(browser, {}, async (t) => {
      await t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
    });
    beforeAll(() => {
      ({ s, server } = suite);
    });

    it('goes back to the site when Facebook works again', async () => {
      server.setMode('facebook.com', 'reset');
      const { page, shown } = await openFacebookAfterEmbedsFail(browser, s, FB);
      expect(isErrorPage(shown)).toBe(true);
      expect(new URL(shown).searchParams.get('error')).toBe('unreachable');
      await s.waitForReply<StatusReport>(
        { type: 'get-status' },
        (r) => r.platforms.facebook.verdict.status === 'down',
        20_000,
      );
      const waiting = await page.evaluate(() => document.body.textContent ?? '');
      expect(waiting).toContain('अपने-आप वापस ले जाएगा');
      await page.screenshot('errorpage-facebook-unreachable');

      server.setMode('facebook.com', 'healthy');
      const back = await eventually(
        () => urlOf(page),
        (u) => u.startsWith(FB),
        { timeoutMs: 90_000 },
      );
      expect(back.startsWith(FB)).toBe(true);
      const title = await eventually(
        () => page.evaluate(() => document.title).catch(() => ''),
        (t) => t.includes('Facebook (fake)'),
        { timeoutMs: 10_000 },
      );
      expect(title).toContain('Facebook (fake)');
    });
  });
}
