/**
 * The background worker's live scenarios, shared by the Chromium and Firefox test files. Only the
 * message protocol and the browser's own action/notification/storage APIs are used to observe it,
 * from an extension page — never the worker's internals.
 */
import { eventually } from './eventually';
import type { BrowserSession, PageHandle } from './harness';

export interface BadgeState {
  text: string;
  title: string;
  /** Ids of the notifications shown now (the OS may already have hidden some). */
  notifications: string[];
  /** Ids of every notification the background sent lately (its storage.session bookkeeping). */
  sent: string[];
}

/** Reads the badge and the shown notifications through the extension's own APIs, from its page. */
export async function readBadge(page: PageHandle): Promise<BadgeState> {
  return page.evaluate(async () => {
    type Api = {
      action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
      notifications: { getAll(): Promise<Record<string, unknown>> };
      storage: { session: { get(k: string): Promise<Record<string, { sent?: string[] } | undefined>> } };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const text = await api.action.getBadgeText({});
    const title = await api.action.getTitle({});
    let notifications: string[] = [];
    try {
      notifications = Object.keys(await api.notifications.getAll());
    } catch {
      notifications = [];
    }
    const sent = (await api.storage.session.get('nazar:episodes'))['nazar:episodes']?.sent ?? [];
    return { text, title, notifications, sent };
  });
}

/** A failing page load: the browser reports it; the tab may end on our error page. */
export async function openFailing(s: BrowserSession, url: string): Promise<PageHandle> {
  const page = await s.openPage();
  await page.goto(url, { timeoutMs: 15_000 }).catch(() => undefined);
  return page;
}

/** Reads the badge state until `check` holds (the background writes its bookkeeping throttled). */
export function waitBadge(
  page: PageHandle,
  check: (b: BadgeState) => boolean,
  timeoutMs = 10_000,
): Promise<BadgeState> {
  return eventually(() => readBadge(page), check, { timeoutMs, intervalMs: 250 });
}
