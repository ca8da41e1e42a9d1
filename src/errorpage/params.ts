/**
 * Reads the error page's query (set by src/background/navigation-errors.ts). The original URL is
 * only ever followed when it is an http(s) URL of a watched site: anything else (javascript:,
 * data:, another site, credentials in the URL) is shown as text and never navigated to, so a
 * crafted link to this page cannot send anyone elsewhere.
 */

import { PARAM } from '../background/navigation-errors';
import { platformOfHost } from '../core/catalogue';
import { ERROR_CLASSES, type ErrorClass, type PlatformId } from '../core/types';
import { isPlatformId } from '../shared/request-guards';

export interface ErrorPageParams {
  /** The URL to go back to, when it is safe to follow. */
  target: { url: string; host: string } | null;
  /** The raw `url` parameter, for showing as text when it is not followed (capped). */
  shownUrl: string;
  platform: PlatformId | null;
  errorClass: ErrorClass | null;
}

const MAX_URL = 4096;
/** Bidi controls would reorder the text around them on screen ("…\u202Egnp.exe" shows as "exe.png"). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function safeTarget(raw: string): { url: string; host: string; platform: PlatformId } | null {
  if (raw.length > MAX_URL) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password) return null;
  const platform = platformOfHost(u.hostname);
  return platform ? { url: u.href, host: u.hostname, platform } : null;
}

export function readErrorPageParams(search: string): ErrorPageParams {
  const q = new URLSearchParams(search);
  const raw = q.get(PARAM.url) ?? '';
  const target = safeTarget(raw);
  const p = q.get(PARAM.platform);
  const e = q.get(PARAM.error);
  return {
    target: target ? { url: target.url, host: target.host } : null,
    // Shown percent-encoded, as in an address bar, so they stay visible and inert.
    shownUrl: raw.slice(0, 300).replace(BIDI_CONTROLS, (c) => encodeURIComponent(c)),
    // The URL's own host decides the platform; the parameter only matters when there is no URL.
    platform: target ? target.platform : isPlatformId(p) ? p : null,
    errorClass: (ERROR_CLASSES as readonly string[]).includes(e ?? '') ? (e as ErrorClass) : null,
  };
}
