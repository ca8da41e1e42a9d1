/**
 * The banner on a fake https://www.instagram.com whose API calls start getting 503s, then recover;
 * and a hostile page that attacks the banner. Chromium and Firefox, with the shared harness.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { BANNER_RGB, bannerTextCdp, buttonCentre, hostFacts, near, pixelAt, setViewport } from '../support/banner-page';
import { browserSuite } from '../support/browser-suite';
import { eventually, throughout } from '../support/eventually';
import { type BrowserName, type BrowserSession, BUILD_TIMINGS, type FakePlatform } from '../support/harness';

const problem = (r: StatusReport) => ['down', 'degraded'].includes(r?.platforms?.instagram?.verdict?.status);
const statusOf = (r: StatusReport) => r.platforms.instagram.verdict.status;

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`banner in ${browser}`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    const suite = browserSuite(browser, {}, async (t) => {
      // The headless browsers' UI language is English; the banner follows the user's setting.
      await t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
    });

    beforeAll(() => {
      ({ s, server } = suite);
    });

    it('appears with the right words when Instagram’s API gets 503s, and goes after recovery', async () => {
      const page = await s.openPage('https://www.instagram.com/');
      await throughout(
        () => hostFacts(page),
        (f) => f.count === 0,
        { what: 'no banner while Instagram works', forMs: 1_500 },
      );

      server.setMode('instagram.com', 'error', { status: 503 });
      const down = await s.waitForReply<StatusReport>({ type: 'get-status' }, problem, 40_000);
      expect(problem(down)).toBe(true);

      const facts = await eventually(
        () => hostFacts(page),
        (f) => f.count === 1 && f.height > 0,
        { timeoutMs: 20_000 },
      );
      expect(facts).toMatchObject({ count: 1, shadowRootVisible: false, top: 0, text: '' });
      // A slim bar, not an overlay.
      expect(facts.height).toBeGreaterThan(20);
      expect(facts.height).toBeLessThan(120);
      const colour = await pixelAt(s, page, 3, 3);
      // The colour of the status before or after the pixel was read: the verdict may move between
      // degraded and down while the 503s go on, and the banner follows it.
      const now = await s.sendMessage<StatusReport>({ type: 'get-status' });
      const seen = [statusOf(down), statusOf(now)] as ('down' | 'degraded')[];
      expect(
        seen.some((st) => near(colour, BANNER_RGB[st] ?? [])),
        `pixel ${colour}, status ${seen.join(' → ')}`,
      ).toBe(true);
      if (browser === 'chromium') {
        const text = await bannerTextCdp(page);
        expect(text).toContain('Instagram');
        expect(text).toMatch(/काम नहीं कर रहा है|कुछ हद तक ही काम कर रहा है/);
        expect(text).toContain('वजह');
        expect(text).toContain('ज़्यादा जानकारी');
        expect(text).toMatch(/बजे से/);
      }
      await page.screenshot('banner-instagram-503');
      await setViewport(s, page, 360, 640);
      const narrow = await hostFacts(page);
      // Hindi wraps instead of clipping: the bar grows, still well short of an overlay.
      expect(narrow.height).toBeGreaterThanOrEqual(facts.height);
      expect(narrow.height).toBeLessThan(200);
      await page.screenshot('banner-instagram-503-360px');
      await setViewport(s, page, 1024, 700);

      server.setMode('instagram.com', 'healthy');
      await s.waitForReply<StatusReport>({ type: 'get-status' }, (r) => statusOf(r) === 'up', 60_000);
      if (browser === 'chromium') {
        const note = await eventually(
          () => bannerTextCdp(page),
          (t) => (t ?? '').includes('फिर से काम कर रहा है'),
          { timeoutMs: 5000 },
        );
        expect(note).toContain('Instagram फिर से काम कर रहा है');
      }
      const gone = await eventually(
        () => hostFacts(page),
        (f) => f.count === 0,
        { timeoutMs: 15_000 },
      );
      expect(gone.count).toBe(0);
    });

    it('survives a hostile page, which learns nothing and cannot forge messages', async () => {
      server.setMode('instagram.com', 'healthy');
      const page = await s.openPage('https://www.instagram.com/');
      server.setMode('instagram.com', 'error', { status: 503 });
      const before = await s.waitForReply<StatusReport>({ type: 'get-status' }, problem, 40_000);
      await eventually(
        () => hostFacts(page),
        (f) => f.count === 1 && f.height > 0,
        { timeoutMs: 20_000 },
      );

      const attack = await page.evaluate(() => {
        const h = document.querySelector('html > :not(head, body)') as HTMLElement;
        const seen = { shadow: h.shadowRoot === null, attach: false };
        try {
          h.attachShadow({ mode: 'open' });
        } catch {
          seen.attach = true;
        }
        const css = document.createElement('style');
        css.textContent =
          'html > :not(head, body){display:none!important;opacity:0!important;transform:translateY(-500px)!important}' +
          '*{font-family:monospace!important;color:#0f0!important;background:#0f0!important}';
        document.head.append(css);
        h.style.setProperty('visibility', 'hidden', 'important');
        h.setAttribute('hidden', '');
        const cover = document.createElement('div');
        cover.style.cssText = 'position:fixed;top:0;left:0;right:0;height:200px;z-index:2147483647;background:#00f';
        document.body.append(cover);
        // Forged commands: the content script never listens to these.
        for (const type of ['open-details', 'check-now', 'clear-history', 'set-settings']) {
          window.postMessage({ type, patch: { language: 'en' } }, '*');
          window.dispatchEvent(new CustomEvent('nazar', { detail: { type } }));
          document.dispatchEvent(new CustomEvent(type, { detail: { type } }));
        }
        (h as HTMLElement & { hidePopover?: () => void }).hidePopover?.();
        h.remove();
        return seen;
      });
      expect(attack).toEqual({ shadow: true, attach: true });

      const back = await eventually(
        () => hostFacts(page),
        (f) => f.count === 1 && f.height > 0,
        { timeoutMs: 20_000 },
      );
      expect(back.count).toBe(1);
      expect(back.top).toBe(0);
      // Still our colours on top of the page's blue cover and green everything.
      const colour = await pixelAt(s, page, 3, 3);
      expect(near(colour, BANNER_RGB[statusOf(before) as 'down' | 'degraded'])).toBe(true);
      if (browser === 'chromium') expect(await bannerTextCdp(page)).toContain('Instagram');
      await page.screenshot('banner-hostile-page');

      const after = await s.sendMessage<StatusReport>({ type: 'get-status' });
      expect(statusOf(after)).toBe(statusOf(before));
      const settings = await s.sendMessage<{ language: string }>({ type: 'get-settings' });
      expect(settings.language).toBe('hi');
      server.setMode('instagram.com', 'healthy');
    });

    it('“ज़्यादा जानकारी” opens the details page; a closed banner stays closed for the episode', async () => {
      server.setMode('instagram.com', 'healthy');
      const page = await s.openPage('https://www.instagram.com/');
      server.setMode('instagram.com', 'error', { status: 503 });
      await s.waitForReply<StatusReport>({ type: 'get-status' }, problem, 40_000);
      const f = await eventually(
        () => hostFacts(page),
        (x) => x.count === 1 && x.height > 0,
        { timeoutMs: 20_000 },
      );
      // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
      const raw = page.raw as any;
      const mid = Math.round(f.height / 2);
      const width: number = await page.evaluate(() => document.documentElement.clientWidth);
      if (browser === 'chromium') {
        const box = await buttonCentre(page, 'details');
        const opened = raw.context().waitForEvent('page', { timeout: 10_000 });
        await raw.mouse.click(box.x, box.y);
        const details = await opened;
        await details.waitForLoadState('domcontentloaded').catch(() => undefined);
        const u = new URL(details.url());
        expect(details.url().startsWith(`${s.extensionOrigin}/src/popup/index.html`)).toBe(true);
        expect(u.searchParams.get('platform')).toBe('instagram');
        await details.close();
      }
      // The close button is the last thing on the bar's right.
      await raw.mouse.click(width - 26, mid);
      const closed = await eventually(
        () => hostFacts(page),
        (x) => x.count === 0,
        { timeoutMs: 5_000 },
      );
      expect(closed.count).toBe(0);
      // Still failing, more reports arrive: it stays closed.
      await throughout(
        () => hostFacts(page),
        (f) => f.count === 0,
        { what: 'the closed banner stays closed while Instagram still fails', forMs: 5_000 },
      );
      const still = await s.sendMessage<StatusReport>({ type: 'get-status' });
      expect(problem(still)).toBe(true);
      server.setMode('instagram.com', 'healthy');
    });

    it('folds into a small chip at the top centre after a while (20 s; the test build’s 6.5 s), freeing the site’s controls; a click unfolds it', async () => {
      server.setMode('instagram.com', 'healthy');
      const page = await s.openPage('https://www.instagram.com/');
      // A control of the site's own in the top-left corner, under where the bar lies.
      await page.evaluate(() => {
        const b = document.createElement('button');
        b.id = 'site-menu';
        b.textContent = 'menu';
        b.style.cssText = 'position:fixed;top:0;left:0;width:60px;height:30px;z-index:10;background:#ffffff';
        b.dataset.clicks = '0';
        b.addEventListener('click', () => {
          b.dataset.clicks = String(Number(b.dataset.clicks) + 1);
        });
        document.body.append(b);
      });
      const clicks = () => page.evaluate(() => Number(document.getElementById('site-menu')?.dataset.clicks));
      server.setMode('instagram.com', 'error', { status: 503 });
      const down = await s.waitForReply<StatusReport>({ type: 'get-status' }, problem, 40_000);
      const whole = await eventually(
        () => hostFacts(page),
        (x) => x.count === 1 && x.height > 0,
        { timeoutMs: 20_000 },
      );
      const shownAt = Date.now();
      // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
      const raw = page.raw as any;
      const width: number = await page.evaluate(() => document.documentElement.clientWidth);
      await raw.mouse.click(5, 5);
      expect(await clicks()).toBe(0); // covered by the whole bar
      // The pointer resting on the banner keeps it whole (the reader may be reading it): move away.
      await raw.mouse.move(Math.round(width / 2), 400);

      const folded = await eventually(
        () => hostFacts(page),
        (x) => x.count === 1 && x.height > 0 && x.height < whole.height,
        {
          timeoutMs: 60_000, // the fold delay after the last change of what it says (degraded → down restarts the wait).
        },
      );
      const foldedAfter = Date.now() - shownAt;
      console.log(
        `[measure] ${browser} banner folded ${foldedAfter} ms after it appeared: ${whole.height} → ${folded.height} px`,
      );
      expect(foldedAfter).toBeGreaterThan(BUILD_TIMINGS.bannerFoldMs - 1_000);
      expect(folded.height).toBeLessThanOrEqual(40);
      const colour = BANNER_RGB[statusOf(down) as 'down' | 'degraded'];
      // Above the text line: the chip's background, not a glyph.
      const chipColour = await pixelAt(s, page, Math.round(width / 2), 2);
      expect(near(chipColour, BANNER_RGB.down) || near(chipColour, BANNER_RGB.degraded), `chip ${chipColour}`).toBe(
        true,
      );
      expect(near(await pixelAt(s, page, 3, 3), colour)).toBe(false);
      await page.screenshot('banner-folded');
      // The site's own control works again.
      await raw.mouse.click(5, 5);
      expect(await clicks()).toBe(1);
      if (browser === 'chromium') expect(await bannerTextCdp(page)).toContain('Instagram में गड़बड़ी');

      // A real click on the chip brings the whole banner back.
      await raw.mouse.click(Math.round(width / 2), Math.round(folded.height / 2));
      const unfolded = await eventually(
        () => hostFacts(page),
        (x) => x.height >= whole.height,
        { timeoutMs: 5_000 },
      );
      expect(unfolded.height).toBeGreaterThanOrEqual(whole.height);
      const back = await pixelAt(s, page, 3, 3);
      expect(near(back, BANNER_RGB.down) || near(back, BANNER_RGB.degraded), `bar ${back}`).toBe(true);
      server.setMode('instagram.com', 'healthy');
      await page.close();
    }, 120_000);

    it.runIf(browser === 'chromium')('cleans up quietly when the extension is reloaded under the page', async () => {
      const page = await s.openPage('https://www.instagram.com/');
      server.setMode('instagram.com', 'error', { status: 503 });
      await s.waitForReply<StatusReport>({ type: 'get-status' }, problem, 40_000);
      await eventually(
        () => hostFacts(page),
        (x) => x.count === 1 && x.height > 0,
        { timeoutMs: 20_000 },
      );
      const ext = await s.openExtensionPage('src/popup/index.html');
      await ext
        .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
        .catch(() => undefined);
      // The old content script sees "Extension context invalidated" and removes its banner;
      // Chrome does not inject the new one into an already open page (we show nothing there).
      const after = await eventually(
        () => hostFacts(page),
        (x) => x.count === 0,
        { timeoutMs: 10_000 },
      );
      expect(after.count).toBe(0);
      server.setMode('instagram.com', 'healthy');
    });
  });
}
