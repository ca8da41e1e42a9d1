/**
 * The shared browser-test harness. Typical use:
 *
 *   const server = await startFakePlatform();
 *   const s = await launchBrowser({ browser: 'chromium', server,
 *     hosts: { 'www.facebook.com': 'NOTFOUND' } });   // everything else of ALL_FAKE_HOSTS → server
 *   const page = await s.openPage('https://www.instagram.com/');
 *   server.setMode('instagram.com', 'error');         // 503 from now on, while the browser runs
 *   const status = await s.waitForReply<StatusReport>({ type: 'get-status' }, (r) => …);
 *   await page.screenshot('instagram-503');           // artifacts/screenshots/chromium/instagram-503.png
 *   await s.close(); await server.close();
 *
 * See test/support/harness/README.md for what each browser can and cannot map.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_TIMINGS, TEST_TIMINGS } from '../../../src/shared/timings';
import { launchChromium } from './chromium';
import type { FakePlatform } from './fake-platform';
import { launchFirefox } from './firefox';
import { type HostMap, routeAll } from './hosts';
import { type BrowserName, type BrowserSession, REPO_ROOT } from './session';

export { type FakePlatform, type HostMode, startFakePlatform } from './fake-platform';
export { ALL_FAKE_HOSTS, CHECK_HOSTS, type HostMap, type HostTarget, PLATFORM_HOSTS, routeAll } from './hosts';
export type { BrowserName, BrowserSession, NavigationResult, PageHandle } from './session';

/** The timings of the build the tests load (NAZAR_BUILD): short in dist-test/, real in dist/. */
export const BUILD_TIMINGS = process.env.NAZAR_BUILD === 'dist-test' ? TEST_TIMINGS : REAL_TIMINGS;

export interface LaunchOptions {
  browser: BrowserName;
  /** Unpacked extension; default dist/chrome or dist/firefox of this repo (run `npm run build`). */
  dist?: string;
  /** The fake platform: every ALL_FAKE_HOSTS name is routed to it unless `hosts` says otherwise. */
  server?: FakePlatform;
  /** Per-name overrides. Names in neither fail to resolve. */
  hosts?: HostMap;
  /** Reuse a profile (e.g. to test what survives a restart); default a fresh temp dir. */
  userDataDir?: string;
  /** Chromium only: more command-line switches. */
  chromiumArgs?: string[];
  /** Firefox only: more prefs. */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

const DEFAULT_PATHS: Record<BrowserName, { env: string; path: string }> = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/lib/chromium/chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr' },
};

/** The browser's executable, or an error that says how to get one. Never a silent skip. */
export function browserExecutable(browser: BrowserName): string {
  const { env, path } = DEFAULT_PATHS[browser];
  const chosen = process.env[env] || path;
  if (!existsSync(chosen))
    throw new Error(
      `${browser} not found at ${chosen}. Install it with \`apt-get install chromium firefox-esr\`, ` +
        `or point ${env} to the executable.`,
    );
  return chosen;
}

/**
 * The unpacked build a browser test loads: `<build>/chrome` or `<build>/firefox`, where `<build>` is
 * `dist` (the production build) or `dist-test` (short timers), chosen by the tier's vitest config
 * through NAZAR_BUILD. NAZAR_DIST_CHROMIUM / NAZAR_DIST_FIREFOX point to another folder.
 */
export function distFor(browser: BrowserName, build = process.env.NAZAR_BUILD || 'dist'): string {
  const env = process.env[browser === 'chromium' ? 'NAZAR_DIST_CHROMIUM' : 'NAZAR_DIST_FIREFOX'];
  const dir = env || join(REPO_ROOT, build, browser === 'chromium' ? 'chrome' : 'firefox');
  const script = build === 'dist-test' ? 'build:test' : 'build';
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`${dir}/manifest.json is missing: run \`npm run ${script}\` first.`);
  return dir;
}

export async function launchBrowser(o: LaunchOptions): Promise<BrowserSession> {
  const executablePath = browserExecutable(o.browser);
  const dist = o.dist ?? distFor(o.browser);
  const hosts: HostMap = { ...(o.server ? routeAll(o.server.port) : {}), ...o.hosts };
  if (o.browser === 'chromium')
    return launchChromium({
      executablePath,
      dist,
      hosts,
      ports: { refusedPort: o.server?.refusedPort, resetPort: o.server?.resetPort },
      userDataDir: o.userDataDir,
      extraArgs: o.chromiumArgs,
    });
  return launchFirefox({ executablePath, dist, hosts, userDataDir: o.userDataDir, extraPrefs: o.firefoxPrefs });
}
