/**
 * One browser per test file and browser kind, shared by the file's tests, with a reset between
 * them: the fakes healthy again, the extension's storage cleared and its background restarted.
 * Each test therefore starts from a fresh install's state whatever ran before it, and a file pays
 * for one browser start, not one per test.
 *
 *   for (const browser of BROWSERS)
 *     describe(`… in ${browser}`, () => {
 *       const t = browserSuite(browser);           // t.s, t.server inside the tests
 *       it('…', async () => { t.server.setMode('instagram.com', 'error'); … });
 *     });
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  type BrowserName,
  type BrowserSession,
  type FakePlatform,
  type LaunchOptions,
  launchBrowser,
  startFakePlatform,
} from './harness';

const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The browsers a browser test runs in: both, or those `NAZAR_BROWSERS` names ("chromium",
 * "firefox" or "chromium,firefox"). The soak tier runs each browser as a project of its own, so
 * the two browsers' long waits overlap.
 */
export function browsersFrom(env: string | undefined): readonly BrowserName[] {
  if (!env?.trim()) return ALL_BROWSERS;
  const names = env.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !(ALL_BROWSERS as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`NAZAR_BROWSERS: unknown browser ${unknown.join(', ')} (chromium, firefox)`);
  return names as BrowserName[];
}

export const BROWSERS: readonly BrowserName[] = browsersFrom(process.env.NAZAR_BROWSERS);

export interface Suite {
  readonly s: BrowserSession;
  readonly server: FakePlatform;
}

/**
 * `setup` runs once the browser has started and again after every reset: what every test of the
 * file needs (DNS answers of the fake resolver, a setting).
 */
export function browserSuite(
  browser: BrowserName,
  options: Omit<LaunchOptions, 'browser' | 'server'> = {},
  setup?: (t: Suite) => void | Promise<void>,
): Suite {
  const t = {} as { s: BrowserSession; server: FakePlatform };
  let fresh = true;
  beforeAll(async () => {
    t.server = await startFakePlatform();
    t.s = await launchBrowser({ browser, server: t.server, ...options });
    await setup?.(t);
  });
  beforeEach(async () => {
    if (fresh) {
      fresh = false; // the first test gets the new browser as it started
      return;
    }
    t.server.resetAll();
    await t.s.reset();
    await setup?.(t);
  });
  afterAll(async () => {
    await t.s?.close();
    await t.server?.close();
  });
  return t;
}
