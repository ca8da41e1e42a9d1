/**
 * Debian firefox-esr through puppeteer-core over WebDriver BiDi, with the build installed as a
 * temporary add-on.
 *
 * Two things BiDi does not allow by default, and how this harness gets them:
 * - Opening moz-extension:// pages: BiDi refuses to navigate there ("not allowed in this context")
 *   unless Firefox runs with `--remote-allow-system-access`. With it, `browsingContext.navigate`
 *   works; the navigation's completion is not reported (the page moves to the extension process),
 *   so we navigate with `wait: 'none'` and poll the page until its DOM is there.
 * - Unloading the event page: with the same flag BiDi can evaluate in the browser's chrome window
 *   (`"moz:scope": "chrome"`), where `WebExtensionPolicy.getByID(id).extension.terminateBackground()`
 *   does what about:debugging's "Terminate background script" does.
 * The moz-extension uuid is pinned with `extensions.webextensions.uuids`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { eventually } from '../eventually';
import { FIREFOX_QUIET_PREFS, firefoxNetworkPrefs, type HostMap } from './hosts';
import {
  type BrowserSession,
  clearStorage,
  type NavigationResult,
  type PageHandle,
  pollReply,
  resetExtension,
  screenshotPath,
  sendFromPage,
  storageProbe,
  storedKeyCount,
} from './session';

export const GECKO_ID = 'nazar@nazar-extension.org';

export interface FirefoxOptions {
  executablePath: string;
  dist: string;
  hosts: HostMap;
  userDataDir?: string;
  extraPrefs?: Record<string, string | number | boolean>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
const contextId = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

function wrapPage(page: Page): PageHandle {
  return {
    raw: page,
    url: () => page.url(),
    async goto(url, opts): Promise<NavigationResult> {
      try {
        const r = await page.goto(url, { timeout: opts?.timeoutMs ?? 15_000, waitUntil: 'domcontentloaded' });
        return r ? { status: r.status() } : {};
      } catch (e) {
        const m = /NS_[A-Z0-9_]+/.exec(String(e));
        return { error: m?.[0] ?? String(e).slice(0, 200) };
      }
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async screenshot(name) {
      const path = screenshotPath('firefox', name);
      await page.screenshot({ path });
      return path;
    },
    close: () => page.close(),
  };
}

export async function launchFirefox(o: FirefoxOptions): Promise<BrowserSession> {
  const userDataDir = o.userDataDir ?? mkdtempSync(join(tmpdir(), 'nazar-firefox-'));
  const uuid = randomUUID();
  const prefs = {
    ...FIREFOX_QUIET_PREFS,
    ...firefoxNetworkPrefs(o.hosts),
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    ...o.extraPrefs,
  };
  let browser!: Browser;
  let messenger: Page | undefined;
  const bidi = () => (browser as unknown as { connection: BidiConnection }).connection;

  async function start() {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: o.executablePath,
      headless: true,
      acceptInsecureCerts: true,
      userDataDir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefs,
    });
    // Temporary add-ons do not survive a restart, so every start installs it again (same id and
    // uuid, so its storage is kept).
    await browser.installExtension(o.dist);
    messenger = undefined;
    // Ready once an extension page can reach storage; the event page starts with the add-on.
    const page = await session.openExtensionPage('src/popup/index.html');
    await pollReply(() => page.evaluate(storageProbe), Boolean, 15_000);
    messenger = page.raw as Page;
  }

  async function chromeEval(expression: string): Promise<unknown> {
    const tree = await bidi().send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const ctx = (tree.result.contexts as { context: string }[])[0]?.context;
    if (!ctx) throw new Error('no chrome window (is --remote-allow-system-access set?)');
    const r = await bidi().send('script.evaluate', { expression, target: { context: ctx }, awaitPromise: true });
    if (r.result.type === 'exception') throw new Error(`chrome eval failed: ${JSON.stringify(r.result)}`);
    return (r.result.result as { value?: unknown } | undefined)?.value;
  }

  async function messengerPage(): Promise<Page> {
    if (messenger && !messenger.isClosed()) return messenger;
    messenger = (await session.openExtensionPage('src/popup/index.html')).raw as Page;
    return messenger;
  }

  const session: BrowserSession = {
    browser: 'firefox',
    extensionId: uuid,
    extensionOrigin: `moz-extension://${uuid}`,
    userDataDir,
    async openPage(url) {
      const page = wrapPage(await browser.newPage());
      if (url) await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
      await bidi().send('browsingContext.navigate', { context: contextId(page), url, wait: 'none' });
      await eventually(
        () =>
          page
            .evaluate(() => (location.protocol === 'moz-extension:' ? document.readyState : 'elsewhere'))
            .catch(() => 'navigating'),
        (state) => state === 'interactive' || state === 'complete',
        { what: `extension page ${path} to load`, timeoutMs: 15_000, intervalMs: 100 },
      );
      return wrapPage(page);
    },
    async sendMessage<T>(message: unknown) {
      const page = await messengerPage();
      return (await page.evaluate(sendFromPage, message)) as T;
    },
    waitForReply(message, check, timeoutMs = 15_000) {
      return pollReply(() => session.sendMessage(message), check, timeoutMs);
    },
    async stopBackground() {
      // A watched page's next request (the fake pages make one a second) wakes the event page again
      // at once, sometimes before the state can be read: try again until it is seen stopped.
      let state: unknown;
      for (let attempt = 0; attempt < 5 && state !== 'stopped'; attempt++) {
        state = await chromeEval(
          `(async () => { const p = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)});
             if (!p) throw new Error('extension not installed');
             await p.extension.terminateBackground(); return String(p.extension.backgroundState); })()`,
        );
      }
      if (state !== 'stopped') throw new Error(`background state after terminate, 5 times: ${String(state)}`);
    },
    async wakeBackground() {
      // Any runtime message wakes an event page; a background without a handler still wakes.
      await session.sendMessage({ type: 'get-status' }).catch(() => undefined);
      const state = await pollReply(
        () => chromeEval(`String(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState)`),
        (s) => s === 'running',
        15_000,
      );
      if (state !== 'running') throw new Error(`background did not wake (state: ${String(state)})`);
    },
    async restart() {
      await browser.close();
      await start();
    },
    async closeExtensionPages() {
      for (const p of await browser.pages()) if (p.url().startsWith(`moz-extension://${uuid}/`)) await p.close();
      messenger = undefined;
    },
    async reset() {
      const keep = await messengerPage();
      await resetExtension({
        closePages: async () => {
          for (const p of await browser.pages()) if (p !== keep) await p.close();
        },
        clearStorage: () => keep.evaluate(clearStorage).then(() => undefined),
        stopBackground: () => session.stopBackground(),
        wakeBackground: () => session.wakeBackground(),
        storedKeys: () => keep.evaluate(storedKeyCount),
      });
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };

  await start();
  return session;
}
