/**
 * The typed message protocol between the extension's own pages/content scripts and the background.
 * The background sends meaning (enums, numbers, times), never display text: the UIs translate.
 * Every incoming message is checked at run time with `isRequest` and its sender with `isTrustedSender`.
 */
import { PLATFORMS, type PlatformId, type PlatformReport } from '../core/types';
import type { Episode } from './history';
import type { Settings, SettingsPatch } from './settings';

export interface StatusReport {
  /** Wall-clock ms when the background built this report. */
  generatedAt: number;
  /** The browser's own online/offline signal as last seen (null = not known). */
  online: boolean | null;
  platforms: Record<PlatformId, PlatformReport>;
  /** Are the host permissions for the watched sites granted? (Firefox users can revoke them.) */
  hostPermissions: boolean;
  /** Wall-clock ms of the last completed active check round, if any. */
  lastCheckAt: number | null;
  /** True while a "check now" round is running. */
  checking: boolean;
}

export type Request =
  | { type: 'get-status' }
  | { type: 'check-now' }
  | { type: 'get-history' }
  | { type: 'clear-history' }
  | { type: 'get-settings' }
  | { type: 'set-settings'; patch: SettingsPatch }
  /** Sent by a page after permissions.request was granted, so monitoring starts without a restart. */
  | { type: 'permissions-changed' }
  /** Banner's "details" link: the background opens the details page in a new tab. */
  | { type: 'open-details'; platform?: PlatformId }
  /**
   * From the error page: the background lets the tab's next failing load of this URL through (no
   * second redirect to the error page). `retry` (the default): the user's "try again", let through
   * unless the verdict has changed. `back`: held while the page is open, for the Back button; that
   * failing load is the browser's own failed entry, so the background steps back once more.
   * Kept in memory only.
   */
  | { type: 'retry-navigation'; url: string; purpose?: NavigationPurpose };

export type NavigationPurpose = 'retry' | 'back';

export type ResponseFor<R extends Request> = R extends { type: 'get-status' | 'check-now' }
  ? StatusReport
  : R extends { type: 'get-history' }
    ? Episode[]
    : R extends { type: 'get-settings' | 'set-settings' }
      ? Settings
      : { ok: true };

/** Pushed from the background over a `runtime.connect` port named LIVE_PORT. */
export type LiveUpdate = { type: 'status'; report: StatusReport } | { type: 'settings'; settings: Settings };

export const LIVE_PORT = 'nazar-live';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isSettingsPatch(x: unknown): x is SettingsPatch {
  if (!isObj(x)) return false;
  for (const [k, v] of Object.entries(x)) {
    if (k === 'notifications') {
      if (typeof v !== 'boolean') return false;
    } else if (k === 'language') {
      if (v !== 'auto' && v !== 'hi' && v !== 'en') return false;
    } else if (k === 'checks') {
      if (!isObj(v)) return false;
      for (const [ck, cv] of Object.entries(v)) {
        if (!['platform', 'control', 'dns'].includes(ck) || typeof cv !== 'boolean') return false;
      }
    } else return false;
  }
  return true;
}

/** Run-time guard: anything that is not exactly one of the requests above is rejected. */
export function isRequest(x: unknown): x is Request {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'get-status':
    case 'check-now':
    case 'get-history':
    case 'clear-history':
    case 'get-settings':
    case 'permissions-changed':
      return Object.keys(x).length === 1;
    case 'set-settings':
      return Object.keys(x).length === 2 && isSettingsPatch(x.patch);
    case 'open-details':
      return (
        (Object.keys(x).length === 1 && !('platform' in x)) || (Object.keys(x).length === 2 && isPlatformId(x.platform))
      );
    case 'retry-navigation':
      return (
        Object.keys(x).length === ('purpose' in x ? 3 : 2) &&
        (!('purpose' in x) || x.purpose === 'retry' || x.purpose === 'back') &&
        typeof x.url === 'string' &&
        x.url.length <= 4096 &&
        isHttpUrl(x.url)
      );
    default:
      return false;
  }
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isPlatformId(x: unknown): x is PlatformId {
  return typeof x === 'string' && (PLATFORMS as readonly string[]).includes(x);
}

/** The minimal sender shape both browsers pass to runtime.onMessage / onConnect. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Only this extension's own pages and its content scripts may talk to the background.
 * `extensionId` is runtime.id; `extensionOrigin` is runtime.getURL('') without the trailing slash.
 * Content scripts are accepted only from the watched sites (`isWatchedPageUrl`).
 */
export function isTrustedSender(
  sender: SenderLike | undefined,
  extensionId: string,
  extensionOrigin: string,
  isWatchedPageUrl: (url: string) => boolean,
): boolean {
  if (!sender || sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  if (url.startsWith(`${extensionOrigin}/`)) return true;
  // A content script: its sender carries the tab and the frame's URL.
  return sender.tab !== undefined && isWatchedPageUrl(url);
}
