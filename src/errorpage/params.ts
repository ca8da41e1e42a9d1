/**
 * Reads the error page's query (ERROR_PAGE_PARAM, shared/protocol/messages.ts; the background writes it): a token, the platform,
 * the error class and a host name. The failed URL is not in it (browser history and session restore
 * keep this address); the background hands it back for this tab only, and it is followed only when
 * it is an http(s) URL of a watched site on its default port (`safeTarget`).
 */

import { platformOfHost, shownHost } from '../core/catalogue';
import { ERROR_CLASSES, type ErrorClass, type PlatformId } from '../core/types';
import { ERROR_PAGE_PARAM as PARAM } from '../shared/protocol/error-page';
import { isPlatformId } from '../shared/protocol/values';

export interface ErrorPageParams {
  /** The background's per-tab token for the failed load (its URL stays in the background). */
  token: string | null;
  /** The host to name: a known name of the platform or its catalogue domain, never one a page chose. */
  host: string | null;
  platform: PlatformId | null;
  errorClass: ErrorClass | null;
}

const MAX_URL = 4096;
const TOKEN = /^[0-9a-f]{16,64}$/;

/** A URL the page may go to: http(s), no credentials, a watched platform's host. */
export function safeTarget(raw: string): { url: string; host: string; platform: PlatformId } | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password || u.port) return null;
  const platform = platformOfHost(u.hostname);
  return platform ? { url: u.href, host: u.hostname, platform } : null;
}

export function readErrorPageParams(search: string): ErrorPageParams {
  const q = new URLSearchParams(search);
  const t = q.get(PARAM.token) ?? '';
  const shown = shownHost(q.get(PARAM.host) ?? '');
  const hostPlatform = shown ? platformOfHost(shown) : null;
  const p = q.get(PARAM.platform);
  const platform = isPlatformId(p) ? p : hostPlatform;
  const e = q.get(PARAM.error);
  return {
    token: TOKEN.test(t) ? t : null,
    // A host of another platform than the one named is not shown.
    host: shown && hostPlatform === platform ? shown : null,
    platform,
    errorClass: (ERROR_CLASSES as readonly string[]).includes(e ?? '') ? (e as ErrorClass) : null,
  };
}
