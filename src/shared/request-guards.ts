/**
 * Run-time guards for the message protocol (messages.ts): the background checks every incoming
 * request and its sender with these. A module of their own, so that the popup, which only sends
 * requests, does not bundle them (chunks are split per module, not per export).
 */
import { PLATFORMS, type PlatformId } from '../core/types';
import type { Request } from './messages';
import type { SettingsPatch } from './settings';

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
