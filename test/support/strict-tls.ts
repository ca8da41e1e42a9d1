/**
 * A browser that checks certificates (the shared harness ignores certificate errors so that the
 * fake platform's self-signed certificate works). Here the self-signed certificate plays a network
 * that intercepts TLS — a captive portal or a middlebox — so every HTTPS load fails as it would there.
 * Only what case 13 needs: open pages, send the background a message, close.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { eventually } from './eventually';
import { browserExecutable, distFor, type FakePlatform, routeAll } from './harness';
import { chromiumResolverRules, FIREFOX_QUIET_PREFS, firefoxNetworkPrefs } from './harness/hosts';
import { sendFromPage } from './harness/session';

export interface StrictSession {
  openPage(url: string): Promise<void>;
  sendMessage<T>(m: unknown): Promise<T>;
  /** Runs in an extension page (e.g. to read the badge). */
  evalExtension<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function launchStrict(browser: 'chromium' | 'firefox', server: FakePlatform): Promise<StrictSession> {
  const dir = mkdtempSync(join(tmpdir(), `nazar-strict-${browser}-`));
  const dist = distFor(browser);
  if (browser === 'chromium') {
    const ctx = await chromium.launchPersistentContext(dir, {
      executablePath: browserExecutable('chromium'),
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--load-extension=${dist}`,
        `--disable-extensions-except=${dist}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--disable-features=DnsOverHttps,OptimizationHints,MediaRouter',
        `--host-resolver-rules=${chromiumResolverRules(routeAll(server.port), {})}`,
      ],
    });
    const w = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 20_000 }));
    const id = new URL(w.url()).host;
    const ext = await ctx.newPage();
    await ext.goto(`chrome-extension://${id}/src/popup/index.html`);
    return {
      async openPage(url) {
        const p = await ctx.newPage();
        await p.goto(url, { timeout: 10_000 }).catch(() => undefined);
      },
      sendMessage: async (m) => (await ext.evaluate(sendFromPage, m)) as never,
      evalExtension: (fn) => ext.evaluate(fn),
      close: () => ctx.close(),
    };
  }
  const uuid = randomUUID();
  const b = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: browserExecutable('firefox'),
    headless: true,
    acceptInsecureCerts: false,
    userDataDir: dir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...FIREFOX_QUIET_PREFS,
      ...firefoxNetworkPrefs(routeAll(server.port)),
      'extensions.webextensions.uuids': JSON.stringify({ 'nazar@nazar-extension.org': uuid }),
    },
  });
  await b.installExtension(dist);
  const ext = await b.newPage();
  // biome-ignore lint/suspicious/noExplicitAny: BiDi navigation to moz-extension:// (see test/support/harness/firefox.ts).
  const conn = (b as any).connection;
  // biome-ignore lint/suspicious/noExplicitAny: the frame id is the BiDi browsing context.
  const context = (ext.mainFrame() as any)._id;
  await conn.send('browsingContext.navigate', {
    context,
    url: `moz-extension://${uuid}/src/popup/index.html`,
    wait: 'none',
  });
  await eventually(
    () =>
      ext
        .evaluate(() => location.protocol === 'moz-extension:' && document.readyState !== 'loading')
        .catch(() => false),
    Boolean,
    { what: 'the extension page to load', timeoutMs: 15_000, intervalMs: 100 },
  );
  return {
    async openPage(url) {
      const p = await b.newPage();
      await p.goto(url, { timeout: 10_000 }).catch(() => undefined);
    },
    sendMessage: async (m) => (await ext.evaluate(sendFromPage, m)) as never,
    evalExtension: (fn) => ext.evaluate(fn),
    close: () => b.close(),
  };
}
