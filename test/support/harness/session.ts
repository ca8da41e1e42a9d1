/** The browser-neutral interface every browser test uses. Chromium and Firefox implement it. */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually } from '../eventually';

export type BrowserName = 'chromium' | 'firefox';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where a navigation ended: an HTTP status, or the browser's own error string. */
export interface NavigationResult {
  status?: number;
  error?: string;
}

export interface PageHandle {
  url(): string;
  /** Never throws for network failures: they come back as `{ error }`. */
  goto(url: string, opts?: { timeoutMs?: number }): Promise<NavigationResult>;
  /** Runs `fn` in the page (Playwright/Puppeteer semantics: it is serialised, so no closures). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Saves artifacts/screenshots/<browser>/<name>.png and returns the path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
  /** The underlying Playwright or Puppeteer page, for anything this interface lacks. */
  readonly raw: unknown;
}

export interface BrowserSession {
  readonly browser: BrowserName;
  /** Chromium's extension id, or Firefox's pinned moz-extension uuid. */
  readonly extensionId: string;
  /** 'chrome-extension://<id>' or 'moz-extension://<uuid>' (no trailing slash). */
  readonly extensionOrigin: string;
  readonly userDataDir: string;
  openPage(url?: string): Promise<PageHandle>;
  /** Opens a page of the extension, e.g. 'src/popup/index.html', and waits until its DOM is there. */
  openExtensionPage(path: string): Promise<PageHandle>;
  /**
   * Sends a protocol message (src/shared/messages.ts) to the background from an extension page,
   * as the popup would, and returns the reply. Rejects with the browser's error if nobody answers.
   */
  sendMessage<T = unknown>(message: unknown): Promise<T>;
  /** Polls `sendMessage` until `check(reply)` holds and returns that reply; throws with the last one on timeout. */
  waitForReply<T = unknown>(message: unknown, check: (reply: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Stops the service worker (Chromium) / unloads the event page (Firefox). In-memory state is lost. */
  stopBackground(): Promise<void>;
  /** Wakes the background again by asking it something; resolves when it has answered. */
  wakeBackground(): Promise<void>;
  /** Closes the browser and starts it again with the same profile and the same extension. */
  restart(): Promise<void>;
  /**
   * Between tests: closes every page but the harness's own, stops the extension's background,
   * clears its storage (both areas and its pages' localStorage) and starts the background again
   * (resetExtension below), so the next test starts from a fresh install's state without a new
   * browser.
   */
  reset(): Promise<void>;
  /**
   * Closes every page of the extension, the harness's own messenger too (it is opened again when
   * needed): an open extension page holds a live port, which keeps Chromium's worker awake.
   */
  closeExtensionPages(): Promise<void>;
  close(): Promise<void>;
}

export function screenshotPath(browser: BrowserName, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  const dir = join(REPO_ROOT, 'artifacts', 'screenshots', browser);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${safe}.png`);
}

/**
 * Shared by both browsers: sends a message until the reply satisfies `check`; throws with the last
 * reply (or the last error) when it never does.
 */
export function pollReply<T>(send: () => Promise<T>, check: (reply: T) => boolean, timeoutMs: number): Promise<T> {
  return eventually(send, check, { what: 'a reply that passes the check', timeoutMs, intervalMs: 250 });
}

/** What `reset()` does, in each browser's own terms. */
export interface ResetSteps {
  /** Closes every page but the harness's own. */
  closePages(): Promise<void>;
  /** Clears both storage areas and the pages' localStorage (from the harness's extension page). */
  clearStorage(): Promise<void>;
  stopBackground(): Promise<void>;
  wakeBackground(): Promise<void>;
  /** How many keys both storage areas and the localStorage hold. */
  storedKeys(): Promise<number>;
}

/**
 * Between tests: no page of the last test, empty storage, and a background that starts from it.
 *
 * The order matters. The background keeps its state in memory and saves it through a throttled
 * chain (src/background/write-chain.ts): a write lands up to 2.25 s after the last change, and the
 * pages closed here are changes. Storage cleared while that background runs gets the old state
 * back from its next write, and the background woken next restores the last test's verdicts. So
 * the background is stopped first (its pending write dies with it), then storage is cleared, and
 * the background is stopped again: an event may have woken it in between, reading the old state
 * before the clear. Only when storage stayed empty with the background stopped is it woken.
 */
export async function resetExtension(x: ResetSteps): Promise<void> {
  await x.closePages();
  await eventually(
    async () => {
      await x.stopBackground();
      await x.clearStorage();
      await x.stopBackground();
      return x.storedKeys();
    },
    (keys) => keys === 0,
    { what: "the extension's storage to stay empty with its background stopped", timeoutMs: 30_000, intervalMs: 0 },
  );
  await x.wakeBackground();
}

/** Runs in an extension page: how many keys the extension's storage areas and its localStorage hold. */
export function storedKeyCount(): Promise<number> {
  type Area = { get(k: null): Promise<Record<string, unknown>> };
  const g = globalThis as unknown as {
    browser?: { storage: { local: Area; session: Area } };
    chrome: { storage: { local: Area; session: Area } };
  };
  const { local, session } = (g.browser ?? g.chrome).storage;
  return Promise.all([local.get(null), session.get(null)]).then(
    (a) => a.reduce((n, o) => n + Object.keys(o).length, 0) + localStorage.length,
  );
}

/**
 * Runs in an extension page: clears both storage areas of the extension, and the localStorage its
 * pages share ("check from other networks" keeps there when a retry is allowed after a 429).
 */
export function clearStorage(): Promise<unknown> {
  localStorage.clear();
  type Area = { clear(): Promise<void> };
  const g = globalThis as unknown as {
    browser?: { storage: { local: Area; session: Area } };
    chrome: { storage: { local: Area; session: Area } };
  };
  const { local, session } = (g.browser ?? g.chrome).storage;
  return Promise.all([local.clear(), session.clear()]);
}

/** Runs in an extension page: the promise-based runtime API in either browser. */
export function sendFromPage(message: unknown): Promise<unknown> {
  const g = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  return (g.browser ?? g.chrome).runtime.sendMessage(message);
}

/** Runs in the worker or an extension page: answers once the storage API is up. */
export function storageProbe(): Promise<unknown> {
  const g = globalThis as unknown as {
    browser?: { storage: { local: { get(k: null): Promise<unknown> } } };
    chrome: { storage: { local: { get(k: null): Promise<unknown> } } };
  };
  return (g.browser ?? g.chrome).storage.local.get(null).then(() => true);
}
