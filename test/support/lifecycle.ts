/** Helpers for the update, popup and notification cases: console capture, notification lists, fonts. */
import type { BrowserSession, PageHandle } from './harness';

/**
 * Chromium: every console message and uncaught exception of a page, in every world (the content
 * script's isolated world included), through DevTools.
 */
export async function captureConsoleCdp(page: PageHandle): Promise<{ lines: string[]; stop(): Promise<void> }> {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright's Page behind the harness.
  const raw = page.raw as any;
  const cdp = await raw.context().newCDPSession(raw);
  const lines: string[] = [];
  cdp.on('Runtime.consoleAPICalled', (e: { type: string; args: { value?: unknown; description?: string }[] }) => {
    lines.push(`${e.type}: ${e.args.map((a) => a.description ?? String(a.value)).join(' ')}`);
  });
  cdp.on(
    'Runtime.exceptionThrown',
    (e: { exceptionDetails: { text: string; exception?: { description?: string } } }) => {
      lines.push(`exception: ${e.exceptionDetails.text} ${e.exceptionDetails.exception?.description ?? ''}`);
    },
  );
  cdp.on('Log.entryAdded', (e: { entry: { level: string; text: string } }) =>
    lines.push(`log ${e.entry.level}: ${e.entry.text}`),
  );
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return { lines, stop: () => cdp.detach().catch(() => undefined) };
}

/** Firefox: what Puppeteer reports for a page (console and page errors). */
export function captureConsolePuppeteer(page: PageHandle): { lines: string[] } {
  // biome-ignore lint/suspicious/noExplicitAny: Puppeteer's Page behind the harness.
  const raw = page.raw as any;
  const lines: string[] = [];
  raw.on('console', (m: { type(): string; text(): string }) => lines.push(`${m.type()}: ${m.text()}`));
  raw.on('pageerror', (e: Error) => lines.push(`exception: ${String(e)}`));
  return { lines };
}

/** Ids of the notifications the extension has on screen now, and those it recorded as sent. */
export function notificationState(ext: PageHandle): Promise<{ shown: string[]; sent: string[] }> {
  return ext.evaluate(async () => {
    const g = globalThis as unknown as { browser?: unknown; chrome: unknown };
    const api = (g.browser ?? g.chrome) as {
      notifications: { getAll(): Promise<Record<string, unknown>> };
      storage: { session: { get(k: string): Promise<Record<string, { sent?: string[] } | undefined>> } };
    };
    const shown = Object.keys(await api.notifications.getAll().catch(() => ({}))).sort();
    const ep = (await api.storage.session.get('nazar:episodes'))['nazar:episodes'];
    return { shown, sent: ep?.sent ?? [] };
  });
}

export const outageIds = (ids: string[]) => ids.filter((i) => i.startsWith('nazar:outage:'));
export const backIds = (ids: string[]) => ids.filter((i) => i.startsWith('nazar:back:'));

/** Chromium: the fonts the browser really used to draw an element's text (DevTools CSS domain). */
export async function platformFonts(s: BrowserSession, page: PageHandle, selector: string): Promise<string[]> {
  if (s.browser !== 'chromium') return [];
  // biome-ignore lint/suspicious/noExplicitAny: Playwright's Page behind the harness.
  const raw = page.raw as any;
  const cdp = await raw.context().newCDPSession(raw);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as {
      fonts: { familyName: string; glyphCount: number }[];
    };
    return fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}
