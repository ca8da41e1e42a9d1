/**
 * The background worker's live scenarios, shared by the Chromium and Firefox test files. Only the
 * message protocol and the browser's own action/notification/storage APIs are used to observe it,
 * from an extension page — never the worker's internals.
 */
import { expect } from 'vitest';
import type { PlatformId, Status } from '../../src/core/types';
import type { Episode } from '../../src/shared/history';
import type { StatusReport } from '../../src/shared/messages';
import type { BrowserSession, PageHandle } from './harness';

export const GET_STATUS = { type: 'get-status' } as const;

export const verdictOf = (r: StatusReport | undefined, p: PlatformId) => r?.platforms?.[p]?.verdict;

export function is(r: StatusReport | undefined, p: PlatformId, status: Status, cause?: string): boolean {
  const v = verdictOf(r, p);
  return v?.status === status && (cause === undefined || v.cause === cause);
}

/** Polls get-status until `check` holds; returns the report and how long it took (ms). */
export async function waitStatus(
  s: BrowserSession,
  check: (r: StatusReport) => boolean,
  timeoutMs = 30_000,
): Promise<{ report: StatusReport; ms: number }> {
  const t0 = Date.now();
  const report = await s.waitForReply<StatusReport>(GET_STATUS, (r) => !!r?.platforms && check(r), timeoutMs);
  const ms = Date.now() - t0;
  expect(check(report), `${s.browser}: ${JSON.stringify(summary(report))}`).toBe(true);
  return { report, ms };
}

export function summary(r: StatusReport | undefined) {
  if (!r?.platforms) return r;
  return Object.fromEntries(
    Object.entries(r.platforms).map(([p, x]) => [p, `${x.verdict.status}/${x.verdict.cause}/${x.verdict.scope}`]),
  );
}

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

export async function history(s: BrowserSession): Promise<Episode[]> {
  return s.sendMessage<Episode[]>({ type: 'get-history' });
}

/** A failing page load: the browser reports it; the tab may end on our error page. */
export async function openFailing(s: BrowserSession, url: string): Promise<PageHandle> {
  const page = await s.openPage();
  await page.goto(url, { timeoutMs: 15_000 }).catch(() => undefined);
  return page;
}

/** Polls the badge state until `check` holds (the background writes its bookkeeping throttled). */
export async function waitBadge(
  page: PageHandle,
  check: (b: BadgeState) => boolean,
  timeoutMs = 10_000,
): Promise<BadgeState> {
  const deadline = Date.now() + timeoutMs;
  let b = await readBadge(page);
  while (!check(b) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    b = await readBadge(page);
  }
  return b;
}
