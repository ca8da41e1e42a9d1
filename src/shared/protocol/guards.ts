/**
 * Run-time guards for the message protocol (messages.ts): the background checks every incoming
 * request and its sender with these. A module of their own, so that the popup, which only sends
 * requests, does not bundle them (chunks are split per module, not per export).
 */
import { isWatchedPageUrl, platformOfPage } from '../../core/catalogue';
import { hostOf } from '../../core/host';
import type { PlatformId } from '../../core/types';
import { validateVantage } from '../../core/vantage';
import type { Request } from './messages';
import { isLanguageSetting, type SettingsPatch } from './settings';
import { isPlatformId } from './values';

export { isPlatformId };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isSettingsPatch(x: unknown): x is SettingsPatch {
  if (!isObj(x)) return false;
  for (const [k, v] of Object.entries(x)) {
    if (k === 'notifications') {
      if (typeof v !== 'boolean') return false;
    } else if (k === 'language') {
      if (!isLanguageSetting(v)) return false;
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
    case 'other-networks': {
      // Other networks' answer, from an extension page (src/vantage/): checked as a trace line is.
      return (
        Object.keys(x).length === 2 && isObj(x.event) && x.event.event === 'vantage' && validateVantage(x.event).ok
      );
    }
    case 'retry-navigation':
      return (
        Object.keys(x).length === ('purpose' in x ? 3 : 2) &&
        (!('purpose' in x) || x.purpose === 'retry' || x.purpose === 'back') &&
        typeof x.token === 'string' &&
        /^[0-9a-f]{16,64}$/.test(x.token)
      );
    default:
      return false;
  }
}

/** The minimal sender shape both browsers pass to runtime.onMessage / onConnect. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Who is talking: one of this extension's own pages, or its content script on a watched site (and
 * which platform's), or nobody we answer (null). `extensionId` is runtime.id; `extensionOrigin` is
 * runtime.getURL('') without the trailing slash.
 */
export type SenderRole = { kind: 'extension-page' } | { kind: 'content-script'; platform: PlatformId };

export function senderRole(
  sender: SenderLike | undefined,
  extensionId: string,
  extensionOrigin: string,
): SenderRole | null {
  if (!sender || sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(`${extensionOrigin}/`)) return { kind: 'extension-page' };
  // A content script: its sender carries the tab and the frame's URL (a watched page, https, default port).
  if (sender.tab === undefined || !isWatchedPageUrl(url)) return null;
  const platform = platformOfPage(hostOf(url));
  return platform ? { kind: 'content-script', platform } : null;
}

/** What a content script may ask: only what the banner needs. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<Request['type']> = new Set([
  'get-status',
  'get-settings',
  'open-details',
]);

/** Only this extension's own pages and its content scripts on the watched sites may talk to the background. */
export function isTrustedSender(sender: SenderLike | undefined, extensionId: string, extensionOrigin: string): boolean {
  return senderRole(sender, extensionId, extensionOrigin) !== null;
}
