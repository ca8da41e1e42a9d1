/**
 * "दूसरे नेटवर्क से जांचें" (issue 18) in both browsers, against the fake Globalping API
 * (test/support/harness/fake-globalping.ts, served at api.globalping.io by the fake platform):
 * the 2021 pattern where other networks fail too stays Meta's; resets here while other networks
 * open the site move the blame to the network; a 429 and an unreachable API are said plainly and
 * change no verdict; the API receives the platform's host name and nothing of the user's, and in
 * Firefox never the per-install `moz-extension://` Origin.
 * Times from the click to the first partial result and to the answer are printed for the note.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { openFailing } from '../support/background-observe';
import { is, waitFor } from '../support/browser';
import { BROWSERS, browserSuite } from '../support/browser-suite';
import { eventually } from '../support/eventually';
import { type BrowserSession, type FakePlatform, type PageHandle, PLATFORM_HOSTS } from '../support/harness';
import { type FakeOutcome, sevenProbes } from '../support/harness/fake-globalping';
import { screenshotPath } from '../support/harness/session';
import { fullShot, openPopup } from '../support/popup-page';

/** The page from its top to the end of the other-networks section: the README's picture. */
async function shotToOthers(s: BrowserSession, page: PageHandle, name: string): Promise<void> {
  const bottom = await page.evaluate(() => {
    const r = document.querySelector('section.others')?.getBoundingClientRect();
    return Math.ceil((r?.bottom ?? 600) + window.scrollY + 12);
  });
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
  await (page.raw as any).screenshot({
    path: screenshotPath(s.browser, name),
    clip: { x: 0, y: 0, width, height: bottom },
    ...(s.browser === 'firefox' ? { captureBeyondViewport: true } : { fullPage: true }),
  });
}

const META_HOSTS = Object.values(PLATFORM_HOSTS).flat();

interface Shown {
  phase: string;
  stage: string;
  text: string;
  goDisabled: boolean | null;
  clipped: string[];
  overflowX: boolean;
  marks: Record<string, number>;
}

function shown(page: PageHandle): Promise<Shown> {
  return page.evaluate(() => {
    const sec = document.querySelector<HTMLElement>('section.others');
    const marks: Record<string, number> = {};
    for (const n of ['nazar-others-click', 'nazar-others-first', 'nazar-others-answer'])
      marks[n] = performance.getEntriesByName(n).at(-1)?.startTime ?? -1;
    const clipped = Array.from(sec?.querySelectorAll<HTMLElement>('p, li, h2, button, span, label') ?? [])
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.textContent ?? '');
    return {
      phase: sec?.dataset.phase ?? '',
      stage: sec?.dataset.stage ?? '',
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as the user reads it
      text: sec?.innerText ?? '',
      goDisabled: sec?.querySelector<HTMLButtonElement>('.others-go')?.disabled ?? null,
      clipped,
      overflowX: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
      marks,
    };
  });
}

// biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
const click = (page: PageHandle, sel: string) => (page.raw as any).click(sel);

/** Clicks the action (and agrees, the first time) and waits for the run's end. */
async function askOthers(page: PageHandle, consent: boolean): Promise<Shown> {
  await eventually(
    () => shown(page),
    (x) => x.goDisabled === false,
    { what: 'the action' },
  );
  await click(page, '.others-go');
  if (consent) {
    const c = await eventually(
      () => shown(page),
      (x) => x.stage === 'consent',
      { what: 'the consent' },
    );
    // It says exactly what is sent before anything is.
    expect(c.text).toMatch(/सिर्फ़ यह वेब पता भेजेगा: (web\.whatsapp\.com|www\.facebook\.com|www\.instagram\.com)/);
    expect(c.text).toContain('Globalping आपका IP पता (इंटरनेट पर आपके कनेक्शन का नंबर) देखेगा');
    await click(page, '.others-yes');
  }
  return eventually(
    () => shown(page),
    (x) => ['done', 'partial', 'rate-limited', 'unavailable'].includes(x.phase),
    {
      what: 'the answer from other networks',
      timeoutMs: 15_000,
    },
  );
}

const timing = (x: Shown) =>
  `click → first partial ${Math.round(x.marks['nazar-others-first']! - x.marks['nazar-others-click']!)} ms, → answer ${Math.round(x.marks['nazar-others-answer']! - x.marks['nazar-others-click']!)} ms`;

const posts = (server: FakePlatform) =>
  server.globalping.requests
    .filter((r) => r.method === 'POST')
    .map((r) => JSON.parse(r.body) as Record<string, unknown>);

/** Each request's method and Origin header as the API received them ("-" for none). */
const originsSeen = (server: FakePlatform) => [
  ...new Set(server.globalping.requests.map((r) => `${r.method} ${r.headers.origin ?? '-'}`)),
];

/**
 * Firefox's origin is `moz-extension://<uuid>`, a different uuid in every install: it must never
 * reach the API. With the API granted, Nazar's requests are `same-origin` with no referrer, so the
 * POST says `Origin: null` and the GETs say nothing (src/vantage/client.ts). Chromium's Origin is
 * the extension's public id, the same for every install.
 */
function expectNoPerInstallOrigin(browser: string, server: FakePlatform): void {
  const seen = originsSeen(server);
  expect(server.globalping.requests.length).toBeGreaterThan(0);
  if (browser === 'firefox') {
    expect(seen.filter((o) => o.includes('moz-extension://'))).toEqual([]);
    expect(
      seen.every((o) => ['POST null', 'GET -'].includes(o)),
      seen.join(', '),
    ).toBe(true);
  } else {
    expect(
      seen.every((o) => / (chrome-extension:\/\/[a-p]{32}|-)$/.test(o)),
      seen.join(', '),
    ).toBe(true);
  }
}

for (const browser of BROWSERS) {
  describe(`checking from other networks in ${browser}`, () => {
    let s: BrowserSession;
    let server: FakePlatform;
    const suite = browserSuite(
      browser,
      // Firefox: stands in for the user's "Allow" in the prompt (the request itself is real).
      { firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } },
      async (t) => {
        await t.s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
      },
    );
    beforeAll(() => {
      ({ s, server } = suite);
    });

    it('the 2021 pattern: other networks in India fail too, so it stays Meta’s; the API gets only the host name, no per-install Origin', async () => {
      for (const h of META_HOSTS) server.setDns(h, { status: 2 });
      for (const d of ['whatsapp.com', 'whatsapp.net', 'facebook.com', 'fbcdn.net']) server.setMode(d, 'reset');
      server.globalping.setProbes(
        sevenProbes(() => ({ kind: 'failed', rawOutput: 'getaddrinfo ENOTFOUND web.whatsapp.com' }) as FakeOutcome),
      );
      const pages = await Promise.all(
        ['https://web.whatsapp.com/', 'https://www.facebook.com/'].map((u) => openFailing(s, u)),
      );
      const before = await waitFor(
        s,
        (r) => is(r, 'whatsapp', 'down') && is(r, 'facebook', 'down') && r.platforms.whatsapp.verdict.scope === 'meta',
        30_000,
      );
      const verdict = before.report.platforms.whatsapp.verdict;
      const popup = await openPopup(s, 380, '?platform=whatsapp');
      const end = await askOthers(popup, true);
      console.log(`[measure] ${browser} other networks (2021 pattern): ${timing(end)}`);
      expect(end.phase).toBe('done');
      expect(end.text).toContain('पर भी WhatsApp नहीं खुल रहा: 5 में से 5 नेटवर्क (Jio, Airtel, Vi, BSNL और ACT) पर नहीं खुला');
      expect(end.text).toContain('यानी गड़बड़ी WhatsApp की तरफ़ से लगती है');
      expect(end.text).toContain('Jio · AS55836 · Mumbai');
      expect(end.clipped).toEqual([]);
      expect(end.overflowX).toBe(false);
      // The evidence reached the engine and confirmed the verdict: nothing moved to the user's side.
      const after = await s.sendMessage<StatusReport>({ type: 'get-status' });
      expect(after.platforms.whatsapp.verdict).toMatchObject({ status: 'down', scope: 'meta', cause: verdict.cause });
      // Exactly the platform's host name, as the only thing of the user's case (the rest is constant).
      const sent = posts(server);
      expect(sent.map((b) => `${b.type} ${b.target}`).sort()).toEqual(
        verdict.cause === 'dns' ? ['dns web.whatsapp.com', 'http web.whatsapp.com'] : ['http web.whatsapp.com'],
      );
      for (const b of sent) {
        expect(Object.keys(b).sort()).toEqual([
          'inProgressUpdates',
          'locations',
          'measurementOptions',
          'target',
          'type',
        ]);
        expect(JSON.stringify(b.measurementOptions)).not.toMatch(/whatsapp|facebook|cookie|token/i);
      }
      const headers = server.globalping.requests.map((r) => r.headers);
      for (const h of headers) {
        expect(h.cookie).toBeUndefined();
        expect(h.referer).toBeUndefined();
        expect(h.authorization).toBeUndefined();
      }
      console.log(
        `[measure] ${browser} other networks: Origin headers seen by the API ${JSON.stringify(originsSeen(server))}`,
      );
      expectNoPerInstallOrigin(browser, server);
      await fullShot(s, popup, 'other-networks-meta-2021');
      await shotToOthers(s, popup, 'other-networks-meta-2021-top');
      for (const p of pages) await p.close();
      await popup.close();
    });

    it('resets here while other networks open WhatsApp: the blame moves to the network', async () => {
      server.setMode('whatsapp.com', 'reset');
      server.setMode('whatsapp.net', 'reset');
      server.globalping.setProbes(sevenProbes(() => ({ kind: 'ok', status: 200 })));
      // The suite's reset left nothing of the previous test's Meta-wide outage behind.
      const fresh = await s.sendMessage<StatusReport>({ type: 'get-status' });
      for (const p of ['whatsapp', 'facebook', 'instagram'] as const)
        expect(fresh.platforms[p].verdict.status, p).not.toBe('down');
      const page = await openFailing(s, 'https://web.whatsapp.com/');
      // The platform's side: only WhatsApp fails here.
      await waitFor(s, (r) => is(r, 'whatsapp', 'down') && r.platforms.whatsapp.verdict.scope === 'platform', 30_000);
      const popup = await openPopup(s, 360, '?platform=whatsapp');
      const end = await askOthers(popup, true);
      console.log(`[measure] ${browser} other networks (ISP resets): ${timing(end)}`);
      expect(end.text).toContain('भारत के दूसरे नेटवर्क पर WhatsApp खुल रहा है: 5 में से 5 नेटवर्क (');
      expect(end.text).toContain('यानी गड़बड़ी आपके नेटवर्क या आपकी इंटरनेट कंपनी में लगती है');
      expect(end.text).toContain('भारत के बाहर: 2 में से 2 नेटवर्क पर खुला');
      expect(end.clipped).toEqual([]);
      const r = await s.waitForReply<StatusReport>(
        { type: 'get-status' },
        (x) => x.platforms.whatsapp.verdict.scope === 'network',
        10_000,
      );
      expect(r.platforms.whatsapp.verdict).toMatchObject({ status: 'down', cause: 'unreachable', scope: 'network' });
      await fullShot(s, popup, 'other-networks-isp-reset');
      await shotToOthers(s, popup, 'phone-other-networks-isp-reset-top');
      await page.close();
      await popup.close();
    });

    it('an unreachable API, then a 429: plain words, the time a retry is possible, no retry, no verdict change', async () => {
      const details = await s.openExtensionPage('src/popup/index.html?view=details&platform=instagram');
      const before = await s.sendMessage<StatusReport>({ type: 'get-status' });
      server.setMode('api.globalping.io', 'reset');
      const gone = await askOthers(details, true);
      expect(gone.phase).toBe('unavailable');
      expect(gone.text).toContain('दूसरे नेटवर्क की राय अभी नहीं मिल सकी: Globalping से संपर्क नहीं हो सका');
      expect(gone.text).toContain('इसलिए हम कोई अंदाज़ा नहीं लगा रहे');
      server.setMode('api.globalping.io', 'healthy');
      server.globalping.setMode({ mode: 'rate-limited', resetSeconds: 1800 });
      const limited = await askOthers(details, false);
      expect(limited.phase).toBe('rate-limited');
      expect(limited.text).toMatch(/उतनी हो चुकी हैं। .+ बजे के बाद फिर कोशिश कर सकते हैं।/);
      // Said once, not retried: one refused request, and the button waits for the time said.
      expect(server.globalping.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expectNoPerInstallOrigin(browser, server);
      expect(limited.goDisabled).toBe(true);
      const after = await s.sendMessage<StatusReport>({ type: 'get-status' });
      for (const p of ['whatsapp', 'facebook', 'instagram'] as const)
        expect(after.platforms[p].verdict.status).toBe(before.platforms[p].verdict.status);
      await fullShot(s, details, 'other-networks-rate-limited');
      await shotToOthers(s, details, 'details-other-networks-rate-limited-top');
      await details.close();
    });

    // After the 429 above: the wait it set is kept in the pages' localStorage, which the suite's
    // reset must clear too, or every later test would find the action disabled.
    it('starts the next test fresh: the last test’s 429 wait is gone and the action is offered again', async () => {
      const details = await s.openExtensionPage('src/popup/index.html?view=details&platform=instagram');
      const x = await eventually(
        () => shown(details),
        (v) => v.goDisabled !== null,
        { what: 'the action' },
      );
      expect(x.goDisabled).toBe(false);
      expect(await details.evaluate(() => localStorage.length)).toBe(0);
      await details.close();
    });
  });
}
