/**
 * Sends a failed top-level load of a watched site to our own error page, instead of the browser's
 * "site can't be reached". Pure logic: the worker passes in the browser calls and the engine.
 *
 * Route: `webRequest.onErrorOccurred` with `type === 'main_frame'` (no `webNavigation` permission,
 * which would warn "read your browsing history" at install) + `tabs.update(tabId, {url})`.
 *
 * Loop prevention: a load started by the error page's "try again" (`retry-navigation`) is let
 * through once, unless the platform's verdict changed since the retry was asked for. Kept in
 * memory only; a worker restart forgets it, which at worst shows the error page once more.
 *
 * Back: the error page holds a `back` allowance while it is open. Back from it reloads the
 * browser's own failed entry for the site, which fails again; instead of leaving the user on the
 * browser's page (a second Back needed), the handler steps the tab back once more.
 *
 * Privacy: the error page's address (browser history, session restore) carries a random per-tab
 * token, the platform, the error class and a host name Nazar may show (`shownHost`), never the
 * failed URL's path or query. The URL itself stays here, in memory, under that token; the page
 * gets it back only for its own tab, to return there.
 *
 * The redirect happens only if the tab is still on the failed load: no later top-level load of the
 * tab was seen, and the tab, once settled, still shows the failed address with nothing pending. A
 * navigation the user has just started is never overridden. A URL with a port other than the
 * default is no platform's service: left to the browser.
 */
import type { ErrorClass, PlatformId, Status } from '../core/types';
import { ERROR_PAGE_PARAM, REDIRECTED_CLASSES } from '../shared/protocol/error-page';
import type { NavigationPurpose } from '../shared/protocol/messages';

/** The fields of `webRequest.onErrorOccurred` details this handler reads. */
export interface MainFrameErrorDetails {
  url: string;
  type: string;
  tabId: number;
  frameId?: number;
  error: string;
  requestId?: unknown;
}

export interface NavigationErrorDeps {
  /** tabs.update(tabId, {url}). */
  redirect(tabId: number, url: string): unknown;
  /** tabs.goBack(tabId). */
  goBack(tabId: number): unknown;
  /** The engine's normaliser for both browsers' error strings. */
  classify(error: string): ErrorClass;
  /** The watched platform a hostname belongs to, or null for any other site. */
  platformOfHost(host: string): PlatformId | null;
  /** The current verdict, to tell whether it changed since a retry was asked for. */
  verdictOf(platform: PlatformId): { status: Status; cause: string };
  /** runtime.getURL('src/errorpage/index.html'). */
  errorPageUrl: string;
  /** The host name Nazar may show for a failed host (core/catalogue.ts `shownHost`). */
  shownHost(host: string): string;
  /** tabs.get: where the tab is now. Without it (unit tests), the tab is taken to be on the failed load. */
  tabState?(tabId: number): Promise<TabState | undefined>;
  /** A fresh unguessable token (default: 16 random bytes, hex). */
  token?(): string;
  now(): number;
  /**
   * Runs the redirect a moment later (default: setTimeout, REDIRECT_DELAY_MS). Firefox fires
   * onErrorOccurred before it loads its own about:neterror page, which then won over an immediate
   * tabs.update in our tests; waiting a little lets ours come last.
   */
  defer?(fn: () => void, ms: number): void;
}

/** The fields of tabs.get's answer the handler reads. */
export interface TabState {
  url?: string;
  pendingUrl?: string;
  status?: string;
}

export interface NavigationErrorHandler {
  /**
   * Returns the error-page URL the tab will be sent to (if it is still on the failed load when the
   * redirect is due), or null when the failure is left alone.
   */
  onMainFrameError(details: MainFrameErrorDetails): string | null;
  /** Any other top-level load event of the tab (a navigation after the failed one). */
  onMainFrame(tabId: number, requestId: unknown): void;
  /**
   * From the error page for this tab: let the next failing load of its failed URL through (see the
   * top). Returns that URL, or null when the token is not this tab's (or was forgotten).
   */
  allowRetry(tabId: number, token: string, purpose?: NavigationPurpose): string | null;
}

/** Failures that mean "the site can't be reached" (protocol/messages.ts); aborted, blocked and unknown ones are left alone. */
const REDIRECTED: readonly ErrorClass[] = REDIRECTED_CLASSES;

/** A retry allowance older than this has been used up by some other load; forget it. */
export const RETRY_TTL_MS = 2 * 60_000;
/** Belt and braces against a loop nobody foresaw: at most this many redirects per tab per window. */
export const MAX_REDIRECTS = 5;
export const REDIRECT_WINDOW_MS = 30_000;
export const REDIRECT_DELAY_MS = 250;

/** How long the handler waits for the tab to settle on the failed load before giving up the redirect. */
export const SETTLE_MS = 3_000;
const SETTLE_POLL_MS = 250;
/** Failed loads kept for their error pages (one per tab, the newest). */
const MAX_FAILED = 64;

interface FailedLoad {
  token: string;
  url: string;
  platform: PlatformId;
  requestId: unknown;
}

function randomToken(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** The failed URL and the tab's address name the same load (a fragment aside). */
const sameLoad = (a: string | undefined, b: string) => a !== undefined && a.split('#')[0] === b.split('#')[0];

interface Allowance {
  host: string;
  verdictKey: string;
  at: number;
  purpose: NavigationPurpose;
}

/** The hostname of an http(s) URL on its default port, else null. */
function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.port === '' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function createNavigationErrorHandler(deps: NavigationErrorDeps): NavigationErrorHandler {
  const allowances = new Map<number, Allowance>();
  const recentRedirects = new Map<number, number[]>();
  const failed = new Map<number, FailedLoad>();
  /** Per tab: the latest top-level request seen, so a later navigation cancels a pending redirect. */
  const latest = new Map<number, unknown>();
  const defer = deps.defer ?? ((fn: () => void, ms: number) => void setTimeout(fn, ms));

  /** Redirects once the tab has settled on the failed load; gives up if anything else happens. */
  function redirectWhenSettled(tabId: number, load: FailedLoad, target: string, waited = 0): void {
    const { requestId, url } = load;
    defer(
      () => {
        if (latest.get(tabId) !== requestId || failed.get(tabId) !== load) return;
        if (!deps.tabState) return void deps.redirect(tabId, target);
        void deps.tabState(tabId).then(
          (tab) => {
            if (latest.get(tabId) !== requestId || !tab || !sameLoad(tab.url, url)) return;
            if (tab.pendingUrl !== undefined && !sameLoad(tab.pendingUrl, url)) return;
            if (tab.status === 'complete') return void deps.redirect(tabId, target);
            // Still loading: the browser's own error page, or a navigation the user has just started.
            if (waited + SETTLE_POLL_MS <= SETTLE_MS) redirectWhenSettled(tabId, load, target, waited + SETTLE_POLL_MS);
          },
          () => undefined,
        );
      },
      waited === 0 ? REDIRECT_DELAY_MS : SETTLE_POLL_MS,
    );
  }

  const verdictKey = (p: PlatformId) => {
    const v = deps.verdictOf(p);
    return `${v.status}/${v.cause}`;
  };

  /**
   * The allowance this failure uses up, if it is one: a retry with nothing new to tell, or the
   * Back button's reload of the failed entry (whatever the verdict: Back must leave).
   */
  function consumeAllowance(tabId: number, platform: PlatformId): NavigationPurpose | null {
    const a = allowances.get(tabId);
    if (!a) return null;
    allowances.delete(tabId);
    if (deps.now() - a.at > RETRY_TTL_MS) return null;
    // Same platform is enough: facebook.com may redirect to www.facebook.com before failing.
    if (deps.platformOfHost(a.host) !== platform) return null;
    if (a.purpose === 'back') return 'back';
    return a.verdictKey === verdictKey(platform) ? 'retry' : null;
  }

  function underRateLimit(tabId: number): boolean {
    const now = deps.now();
    const times = (recentRedirects.get(tabId) ?? []).filter((t) => now - t < REDIRECT_WINDOW_MS);
    if (times.length >= MAX_REDIRECTS) {
      recentRedirects.set(tabId, times);
      return false;
    }
    times.push(now);
    recentRedirects.set(tabId, times);
    return true;
  }

  return {
    onMainFrameError(details) {
      if (!details || typeof details !== 'object') return null;
      const { url, type, tabId, frameId, error } = details;
      if (type !== 'main_frame' || (frameId !== undefined && frameId !== 0)) return null;
      if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
      const requestId = details.requestId ?? {};
      // Chrome may report the same failure twice: one redirect for it.
      if (requestId === failed.get(tabId)?.requestId) return null;
      this.onMainFrame(tabId, requestId);
      if (typeof url !== 'string' || typeof error !== 'string') return null;
      const host = hostOf(url);
      if (!host) return null;
      const platform = deps.platformOfHost(host);
      if (!platform) return null;
      const errorClass = deps.classify(error);
      if (!REDIRECTED.includes(errorClass)) return null;
      const allowed = consumeAllowance(tabId, platform);
      if (allowed === 'back' && underRateLimit(tabId)) defer(() => deps.goBack(tabId), REDIRECT_DELAY_MS);
      if (allowed) return null;
      if (!underRateLimit(tabId)) return null;
      const token = (deps.token ?? randomToken)();
      const load: FailedLoad = { token, url, platform, requestId };
      failed.delete(tabId);
      failed.set(tabId, load);
      if (failed.size > MAX_FAILED) failed.delete(failed.keys().next().value as number);
      const q = new URLSearchParams({
        [ERROR_PAGE_PARAM.token]: token,
        [ERROR_PAGE_PARAM.platform]: platform,
        [ERROR_PAGE_PARAM.error]: errorClass,
      });
      const shown = deps.shownHost(host);
      if (shown) q.set(ERROR_PAGE_PARAM.host, shown);
      const target = `${deps.errorPageUrl}?${q.toString()}`;
      redirectWhenSettled(tabId, load, target);
      return target;
    },
    onMainFrame(tabId, requestId) {
      if (typeof tabId !== 'number') return;
      latest.delete(tabId);
      latest.set(tabId, requestId ?? {});
      if (latest.size > MAX_FAILED) latest.delete(latest.keys().next().value as number);
    },
    allowRetry(tabId, token, purpose = 'retry') {
      if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
      const f = failed.get(tabId);
      if (!f || typeof token !== 'string' || f.token !== token) return null;
      const host = hostOf(f.url);
      if (!host) return null;
      allowances.set(tabId, {
        host,
        verdictKey: verdictKey(f.platform),
        at: deps.now(),
        purpose: purpose === 'back' ? 'back' : 'retry',
      });
      return f.url;
    },
  };
}
