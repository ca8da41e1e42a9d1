/**
 * Whether the background is running, seen from outside (for the cold-wake case): Chromium through
 * CDP's ServiceWorker domain, Firefox through WebExtensionPolicy in the chrome scope over BiDi (the
 * harness runs Firefox with --remote-allow-system-access).
 */
import type { BrowserSession, PageHandle } from './harness';

const GECKO_ID = 'nazar@nazar-extension.org';

export interface BackgroundWatch {
  /** 'running' | 'stopped' | … as the browser reports it right now (Chromium: last event seen). */
  state(): Promise<string>;
  /** True once the background was seen stopped since the watch began. */
  everStopped(): Promise<boolean>;
}

export async function watchBackground(s: BrowserSession, anyPage: PageHandle): Promise<BackgroundWatch> {
  if (s.browser === 'chromium') {
    // biome-ignore lint/suspicious/noExplicitAny: a Playwright page.
    const page = anyPage.raw as any;
    const cdp = await page.context().newCDPSession(page);
    let current = 'unknown';
    let stopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions)
        if (v.scriptURL.startsWith(`${s.extensionOrigin}/`)) {
          current = v.runningStatus;
          if (current === 'stopped') stopped = true;
        }
    });
    await cdp.send('ServiceWorker.enable');
    return { state: async () => current, everStopped: async () => stopped };
  }
  // biome-ignore lint/suspicious/noExplicitAny: a Puppeteer page over BiDi.
  const conn = (anyPage.raw as any).browser().connection as {
    send(m: string, p: object): Promise<{ result: Record<string, unknown> }>;
  };
  const evalChrome = async (expression: string) => {
    const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const ctx = (tree.result.contexts as { context: string }[])[0]!.context;
    const r = await conn.send('script.evaluate', { expression, target: { context: ctx }, awaitPromise: true });
    return (r.result.result as { value?: unknown } | undefined)?.value;
  };
  let stopped = false;
  const state = async () => {
    const v = String(
      await evalChrome(`String(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState)`),
    );
    if (v === 'stopped') stopped = true;
    return v;
  };
  return { state, everStopped: async () => (await state()) === 'stopped' || stopped };
}

/** Firefox only: switch the whole browser offline/online (what "Work Offline" does). */
export async function firefoxOffline(anyPage: PageHandle, offline: boolean): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: a Puppeteer page over BiDi.
  const conn = (anyPage.raw as any).browser().connection as {
    send(m: string, p: object): Promise<{ result: Record<string, unknown> }>;
  };
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const ctx = (tree.result.contexts as { context: string }[])[0]!.context;
  await conn.send('script.evaluate', {
    expression: `Services.io.manageOfflineStatus = false; Services.io.offline = ${offline}; String(Services.io.offline)`,
    target: { context: ctx },
    awaitPromise: true,
  });
}
