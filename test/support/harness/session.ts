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
   * Between tests: closes every page but the harness's own, clears the extension's storage (both
   * areas) and restarts its background, so the next test starts from a fresh install's state
   * without a new browser.
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

/** Runs in an extension page: clears both storage areas of the extension. */
export function clearStorage(): Promise<unknown> {
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
