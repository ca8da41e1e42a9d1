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
 */
import type { ErrorClass, PlatformId, Status } from '../core/types';
import type { NavigationPurpose } from '../shared/messages';

/** The fields of `webRequest.onErrorOccurred` details this handler reads. */
export interface MainFrameErrorDetails {
  url: string;
  type: string;
  tabId: number;
  frameId?: number;
  error: string;
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
  now(): number;
  /**
   * Runs the redirect a moment later (default: setTimeout, REDIRECT_DELAY_MS). Firefox fires
   * onErrorOccurred before it loads its own about:neterror page, which then won over an immediate
   * tabs.update in our tests; waiting a little lets ours come last.
   */
  defer?(fn: () => void, ms: number): void;
}

export interface NavigationErrorHandler {
  /** Returns the error-page URL the tab was sent to, or null when the failure was left alone. */
  onMainFrameError(details: MainFrameErrorDetails): string | null;
  /** From the error page for this tab: let the next failing load of `url` through (see the top). */
  allowRetry(tabId: number, url: string, purpose?: NavigationPurpose): void;
}

/** Failures that mean "the site can't be reached"; aborted, blocked and unknown ones are left alone. */
export const REDIRECTED_CLASSES: readonly ErrorClass[] = ['dns', 'unreachable', 'tls', 'offline'];

/** A retry allowance older than this has been used up by some other load; forget it. */
export const RETRY_TTL_MS = 2 * 60_000;
/** Belt and braces against a loop nobody foresaw: at most this many redirects per tab per window. */
export const MAX_REDIRECTS = 5;
export const REDIRECT_WINDOW_MS = 30_000;
export const REDIRECT_DELAY_MS = 250;

/** Query parameter names of the error page. */
export const PARAM = { url: 'url', platform: 'platform', error: 'error' } as const;

interface Allowance {
  host: string;
  verdictKey: string;
  at: number;
  purpose: NavigationPurpose;
}

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function createNavigationErrorHandler(deps: NavigationErrorDeps): NavigationErrorHandler {
  const allowances = new Map<number, Allowance>();
  const recentRedirects = new Map<number, number[]>();

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
      if (typeof url !== 'string' || typeof error !== 'string') return null;
      const host = hostOf(url);
      if (!host) return null;
      const platform = deps.platformOfHost(host);
      if (!platform) return null;
      const errorClass = deps.classify(error);
      if (!REDIRECTED_CLASSES.includes(errorClass)) return null;
      const defer = deps.defer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
      const allowed = consumeAllowance(tabId, platform);
      if (allowed === 'back' && underRateLimit(tabId)) defer(() => deps.goBack(tabId), REDIRECT_DELAY_MS);
      if (allowed) return null;
      if (!underRateLimit(tabId)) return null;
      const q = new URLSearchParams({ [PARAM.url]: url, [PARAM.platform]: platform, [PARAM.error]: errorClass });
      const target = `${deps.errorPageUrl}?${q.toString()}`;
      defer(() => deps.redirect(tabId, target), REDIRECT_DELAY_MS);
      return target;
    },
    allowRetry(tabId, url, purpose = 'retry') {
      if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return;
      const host = typeof url === 'string' ? hostOf(url) : null;
      if (!host) return;
      const platform = deps.platformOfHost(host);
      if (!platform) return;
      allowances.set(tabId, {
        host,
        verdictKey: verdictKey(platform),
        at: deps.now(),
        purpose: purpose === 'back' ? 'back' : 'retry',
      });
    },
  };
}
