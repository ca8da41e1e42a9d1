/**
 * webRequest details → trace-format events (docs/trace-format.md).
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

const WEB_SCHEMES = new Set(['https:', 'http:', 'wss:', 'ws:']);
/**
 * A URL as browsers hand it over: lowercase scheme and name, no port or user, and a last label
 * that is not a number (so no IP address, which `new URL` would rewrite). Almost every request.
 */
const PLAIN = /^(https?|wss?):\/\/((?:[a-z0-9-]+\.)*[a-z0-9-]*[a-z][a-z0-9-]*)(?=[/?#]|$)/;

/** "https://web.whatsapp.com/some/path?x" → "https://web.whatsapp.com/" (null if not http(s)). */
export function originOnly(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  // `new URL` costs about 0.16 ms in Chromium's service worker (profiled in a storm): the plain
  // form is cut out directly, anything unusual is parsed properly.
  const m = PLAIN.exec(url);
  if (m) return `${m[1]}://${m[2]}/`;
  // Not a web URL at all ("null" from a sandboxed frame, chrome-extension://…): no parse, no throw.
  // (A leading space or control character is left to the parser, which strips it.)
  if (url.charCodeAt(0) > 32 && !WEB_SCHEMES.has(url.slice(0, url.indexOf(':') + 1).toLowerCase())) return null;
  try {
    const u = new URL(url);
    return WEB_SCHEMES.has(u.protocol) ? `${u.protocol}//${u.host}/` : null;
  } catch {
    return null;
  }
}

/**
 * An initiator, originUrl or documentUrl cut down to its origin. One that is present but no web
 * origin (Chromium's "null" for sandboxed and data: frames; Firefox's about:srcdoc, data:, blob:;
 * another extension) becomes "null": present and opaque, which counts for nothing (core/provenance.ts).
 * Only an absent one means a load the user started.
 */
export function pageOrigin(url: unknown): string | undefined {
  if (url === undefined || url === null || url === '') return undefined;
  return originOnly(url) ?? 'null';
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
  // Only the origin of the initiator: enough to tell the platforms' own pages from anyone else.
  const initiator = pageOrigin(d.initiator);
  if (initiator) details.initiator = initiator;
  const originUrl = pageOrigin(d.originUrl);
  if (originUrl) details.originUrl = originUrl;
  const documentUrl = pageOrigin(d.documentUrl);
  if (documentUrl) details.documentUrl = documentUrl;
  // A request that is no top-level load and names no page at all: the browser does not say who
  // made it. Firefox gives a sandboxed or data: frame's requests neither originUrl nor documentUrl
  // (seen in firefox-esr 153); a platform's page is always named. Opaque, then: it counts for nothing.
  if (!initiator && !originUrl && !documentUrl && d.type !== 'main_frame') details.initiator = 'null';
  if (typeof d.ip === 'string' && d.ip.length <= 64) details.ip = d.ip;
  if (typeof d.requestId === 'string' || num(d.requestId)) details.requestId = d.requestId;
  if (kind === 'onErrorOccurred') {
    if (typeof d.error !== 'string' || d.error.length > 512) return null;
    return { event: 'onErrorOccurred', details: { ...details, error: d.error } };
  }
  if (!num(d.statusCode)) return null;
  return { event: kind, details: { ...details, statusCode: d.statusCode } };
}

/** A top-level load of a watched site, as the error-page redirects read it (navigation-errors.ts). */
export interface MainFrameLoad {
  url: string;
  type: string;
  tabId: number;
  frameId?: number;
  requestId?: unknown;
  /** Only on a failed load. */
  error?: string;
}

/**
 * The top-level load an event is, if it is one: a failed one may go to our error page (in memory,
 * never stored); any other tells that the tab has moved on from an earlier failure.
 */
export function mainFrameLoad(kind: WebRequestKind, raw: unknown, ev: TraceEvent | null): MainFrameLoad | undefined {
  const d = raw as RawDetails;
  if (!ev || d.type !== 'main_frame' || typeof d.tabId !== 'number') return undefined;
  return {
    url: String(d.url),
    type: 'main_frame',
    tabId: d.tabId,
    frameId: num(d.frameId) ? d.frameId : undefined,
    requestId: d.requestId,
    ...(kind === 'onErrorOccurred' ? { error: String(d.error) } : {}),
  };
}
