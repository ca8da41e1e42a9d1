/** Debian Chromium through playwright-core, with the unpacked build loaded as an extension. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { eventually } from '../eventually';
import { chromiumResolverRules, type HostMap, type SpecialPorts } from './hosts';
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

export interface ChromiumOptions {
  executablePath: string;
  dist: string;
  hosts: HostMap;
  ports: SpecialPorts;
  userDataDir?: string;
  extraArgs?: string[];
}

function wrapPage(page: Page): PageHandle {
  return {
    raw: page,
    url: () => page.url(),
    async goto(url, opts): Promise<NavigationResult> {
      try {
        const r = await page.goto(url, { timeout: opts?.timeoutMs ?? 15_000, waitUntil: 'domcontentloaded' });
        return r ? { status: r.status() } : {};
      } catch (e) {
        const m = /net::ERR_[A-Z0-9_]+/.exec(String(e));
        return { error: m?.[0] ?? String(e).slice(0, 200) };
      }
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async screenshot(name) {
      const path = screenshotPath('chromium', name);
      // A capture that meets a navigation in flight fails; the page is settled a moment later.
      await page.screenshot({ path }).catch(async () => {
        await page.waitForLoadState('load').catch(() => undefined);
        await page.screenshot({ path });
      });
      return path;
    },
    close: () => page.close(),
  };
}

export async function launchChromium(o: ChromiumOptions): Promise<BrowserSession> {
  const userDataDir = o.userDataDir ?? mkdtempSync(join(tmpdir(), 'nazar-chromium-'));
  const args = [
    `--load-extension=${o.dist}`,
    `--disable-extensions-except=${o.dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    // No --disable-features here: it would replace Playwright's own list (HttpsUpgrades etc.).
    '--ignore-certificate-errors',
    `--host-resolver-rules=${chromiumResolverRules(o.hosts, o.ports)}`,
    ...(o.extraArgs ?? []),
  ];

  let context!: BrowserContext;
  let messenger: Page | undefined;
  let extensionId = '';

  async function start() {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: o.executablePath,
      headless: true,
      args,
      // Playwright adds --disable-extensions by default; the extension is the point here.
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: { width: 1024, height: 720 },
    });
    const worker = await waitForWorker();
    extensionId = new URL(worker.url()).host;
    messenger = undefined;
    cdp = undefined;
    cdpPage = undefined;
  }

  /** The worker is ready once it has run its top level and answered a storage call. */
  async function waitForWorker(): Promise<Worker> {
    const w = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    await w.evaluate(storageProbe);
    return w;
  }

  /**
   * CDP's ServiceWorker domain on a blank page of our own (tests may close theirs) tracks the
   * extension worker's running status; Playwright's Worker object does not report stops.
   */
  let cdp: CDPSession | undefined;
  let cdpPage: Page | undefined;
  let workerState = 'unknown';
  let stoppedSeen = false;
  async function workerWatch(): Promise<CDPSession> {
    if (cdp) {
      stoppedSeen = false;
      return cdp;
    }
    const page = await context.newPage();
    cdpPage = page;
    const session = await context.newCDPSession(page);
    session.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions)
        if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) {
          workerState = v.runningStatus;
          if (v.runningStatus === 'stopped') stoppedSeen = true;
        }
    });
    await session.send('ServiceWorker.enable');
    cdp = session;
    stoppedSeen = false;
    return session;
  }

  async function messengerPage(): Promise<Page> {
    if (messenger && !messenger.isClosed()) return messenger;
    const handle = await session.openExtensionPage('src/popup/index.html');
    messenger = handle.raw as Page;
    return messenger;
  }

  await start();

  const session: BrowserSession = {
    browser: 'chromium',
    get extensionId() {
      return extensionId;
    },
    get extensionOrigin() {
      return `chrome-extension://${extensionId}`;
    },
    userDataDir,
    async openPage(url) {
      const page = wrapPage(await context.newPage());
      if (url) await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`, {
        waitUntil: 'domcontentloaded',
      });
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
      const cdp = await workerWatch();
      // Already stopped (reset() stops it twice): no update comes, and none is needed.
      const already = workerState === 'stopped';
      await cdp.send('ServiceWorker.stopAllWorkers');
      if (already) return;
      // A watched page's next request wakes the worker at once, so "stopped" may be brief: wait
      // until it was seen, not until it still holds.
      await eventually(() => stoppedSeen, Boolean, { what: 'the service worker to stop', timeoutMs: 10_000 });
    },
    async wakeBackground() {
      await workerWatch();
      await session.sendMessage({ type: 'get-status' }).catch(() => undefined); // wakes even without a handler
      await eventually(
        () => workerState,
        (st) => st === 'running',
        { what: 'the service worker to start', timeoutMs: 15_000 },
      );
      const w = context.serviceWorkers()[0];
      if (w) await w.evaluate(storageProbe);
    },
    async restart() {
      await context.close();
      await start();
    },
    async closeExtensionPages() {
      for (const p of context.pages()) if (p.url().startsWith(`chrome-extension://${extensionId}/`)) await p.close();
      messenger = undefined;
    },
    async reset() {
      const keep = await messengerPage();
      await resetExtension({
        closePages: async () => {
          for (const p of context.pages()) if (p !== keep && p !== cdpPage) await p.close();
        },
        clearStorage: () => keep.evaluate(clearStorage).then(() => undefined),
        stopBackground: () => session.stopBackground(),
        wakeBackground: () => session.wakeBackground(),
        storedKeys: () => keep.evaluate(storedKeyCount),
      });
    },
    async close() {
      await context.close().catch(() => undefined);
    },
  };
  return session;
}
