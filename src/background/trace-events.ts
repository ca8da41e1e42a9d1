/**
 * webRequest details → trace-format events (shared/trace-format.md).
 * Only the fields the engine reads are copied, and the URL is cut down to scheme + host: the
 * engine needs the hostname, never the path or query (which can hold chat or profile ids).
 */
import type { RequestDetails, TraceEvent } from '../core/api';

export type WebRequestKind = 'onErrorOccurred' | 'onHeadersReceived' | 'onCompleted';

/** The shape both browsers pass; everything is optional because we trust nothing. */
export interface RawDetails {
  url?: unknown;
  type?: unknown;
  timeStamp?: unknown;
  statusCode?: unknown;
  error?: unknown;
  fromCache?: unknown;
  method?: unknown;
  tabId?: unknown;
  frameId?: unknown;
  initiator?: unknown;
  originUrl?: unknown;
  documentUrl?: unknown;
  ip?: unknown;
  requestId?: unknown;
}

/** "https://web.whatsapp.com/some/path?x" → "https://web.whatsapp.com/" (null if not http(s)). */
export function originOnly(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:' && u.protocol !== 'wss:' && u.protocol !== 'ws:') return null;
    return `${u.protocol}//${u.host}/`;
  } catch {
    return null;
  }
}

/**
 * Requests the extension itself made (its active checks) reach our listeners too; the engine
 * already gets them as probe/dns events, so they must not be counted a second time.
 */
export function isOwnRequest(d: RawDetails, extensionOrigin: string): boolean {
  const from = [d.initiator, d.originUrl, d.documentUrl];
  return from.some((u) => typeof u === 'string' && u.startsWith(extensionOrigin));
}

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function toTraceEvent(kind: WebRequestKind, raw: unknown, extensionOrigin: string): TraceEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as RawDetails;
  if (isOwnRequest(d, extensionOrigin)) return null;
  const url = originOnly(d.url);
  if (!url || typeof d.type !== 'string' || !num(d.timeStamp)) return null;
  const details: RequestDetails = { url, type: d.type, timeStamp: d.timeStamp };
  if (typeof d.fromCache === 'boolean') details.fromCache = d.fromCache;
  if (typeof d.method === 'string') details.method = d.method;
  if (num(d.tabId)) details.tabId = d.tabId;
  if (num(d.frameId)) details.frameId = d.frameId;
  // Only the origin of the initiator: enough to tell first-party from third-party requests.
  const initiator = originOnly(d.initiator);
  if (initiator) details.initiator = initiator;
  const originUrl = originOnly(d.originUrl);
  if (originUrl) details.originUrl = originUrl;
  const documentUrl = originOnly(d.documentUrl);
  if (documentUrl) details.documentUrl = documentUrl;
  if (typeof d.ip === 'string' && d.ip.length <= 64) details.ip = d.ip;
  if (typeof d.requestId === 'string' || num(d.requestId)) details.requestId = d.requestId;
  if (kind === 'onErrorOccurred') {
    if (typeof d.error !== 'string' || d.error.length > 512) return null;
    return { event: 'onErrorOccurred', details: { ...details, error: d.error } };
  }
  if (!num(d.statusCode)) return null;
  return { event: kind, details: { ...details, statusCode: d.statusCode } };
}
