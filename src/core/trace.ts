/**
 * Parsing and validation of trace lines (docs/trace-format.md). Returns a reason instead of
 * throwing. What is kept is trimmed to what the engine uses: URLs are reduced to their origin
 * (scheme and host), so a huge or private path never outlives the line it came in.
 */
import type { ParseResult, RequestDetails, TraceEvent } from './api';
import { detach, hostOf, otherPort, schemeOf } from './host';
import { memo } from './memo';
import { PLATFORMS, type PlatformId } from './types';
import { validateVantage } from './vantage';

// A sanity cap far above any real event; JSON.parse is what costs memory, and it is freed at once.
const MAX_LINE = 16 << 20;
type Obj = Record<string, unknown>;

const PLAIN_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** "https://www.facebook.com/some/path?q" → "https://www.facebook.com/"; keeps only what attribution needs. */
function originOnly(url: string): string {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd > 0 && schemeEnd < 20) {
    const slash = url.indexOf('/', schemeEnd + 3);
    const authority = slash === -1 ? url.slice(schemeEnd + 3) : url.slice(schemeEnd + 3, slash);
    // The common case: a plain lowercase host. Keep "scheme://host/" and drop the rest.
    if (PLAIN_HOST.test(authority)) {
      if (slash === -1) return `${url}/`;
      const origin = slash === url.length - 1 ? url : url.slice(0, slash + 1);
      return url.length > 300 ? detach(origin) : origin;
    }
  }
  const host = hostOf(url);
  const scheme = schemeOf(url);
  // Not a web origin ("null", about:srcdoc, data:…): kept as an opaque marker, never as "none".
  if (!host) return scheme && scheme.length < 24 ? `${scheme}:` : url ? 'null' : '';
  // A port a page chose is kept: such requests are no platform's service (provenance.ts).
  const port = otherPort(url);
  const origin = `${scheme}://${host.includes(':') ? `[${host}]` : host}${port ? `:${port}` : ''}/`;
  // Never let a slice keep a huge URL alive.
  return url.length > 300 ? detach(origin) : origin;
}

/**
 * originOnly of the initiator, originUrl and documentUrl strings: a page's origin (or, in Firefox,
 * its URL) comes again on every request the page makes, so each is worked out once. The same origin
 * then reaches the engine as the same string, whose hash its caches (provenance.ts) have already
 * computed: fresh strings hashed twice a line were most of the engine's cost in a replay.
 */
const pageOrigin = /* @__PURE__ */ memo(originOnly, 120);

// The checks take the field's value, read where the field is named (`raw.url`): a plain property
// read is much cheaper than looking a field up by a name passed in, on every line of a trace.
function need(v: unknown, name: string, kind: 'string' | 'number' | 'boolean'): string | null {
  if (v === undefined || v === null) return `missing ${name}`;
  if (kind === 'number' ? !finite(v) : typeof v !== kind) {
    return kind === 'number' ? `${name} is not a finite number` : `${name} is not a ${kind}`;
  }
  return null;
}

function optional(v: unknown, name: string, kind: 'string' | 'number' | 'boolean'): string | null {
  if (v === undefined || v === null) return null;
  return (kind === 'number' ? finite(v) : typeof v === kind) ? null : `${name} is not a ${kind}`;
}

function validateDetails(
  raw: unknown,
  extra: 'statusCode' | 'error',
): { ok: true; d: RequestDetails } | { ok: false; reason: string } {
  if (!isObj(raw)) return { ok: false, reason: raw === undefined ? 'missing details' : 'details is not an object' };
  const problem =
    need(raw.url, 'details.url', 'string') ??
    need(raw.type, 'details.type', 'string') ??
    need(raw.timeStamp, 'details.timeStamp', 'number') ??
    (extra === 'error'
      ? need(raw.error, 'details.error', 'string')
      : need(raw.statusCode, 'details.statusCode', 'number')) ??
    optional(raw.fromCache, 'details.fromCache', 'boolean') ??
    optional(raw.initiator, 'details.initiator', 'string') ??
    optional(raw.originUrl, 'details.originUrl', 'string') ??
    optional(raw.documentUrl, 'details.documentUrl', 'string');
  if (problem) return { ok: false, reason: problem };
  const d: RequestDetails = {
    url: originOnly(raw.url as string),
    type: (raw.type as string).slice(0, 40),
    timeStamp: raw.timeStamp as number,
  };
  if (extra === 'error') d.error = (raw.error as string).slice(0, 300);
  else d.statusCode = raw.statusCode as number;
  if (raw.fromCache === true) d.fromCache = true;
  if (typeof raw.initiator === 'string') d.initiator = pageOrigin(raw.initiator);
  if (typeof raw.originUrl === 'string') d.originUrl = pageOrigin(raw.originUrl);
  if (typeof raw.documentUrl === 'string') d.documentUrl = pageOrigin(raw.documentUrl);
  if (typeof raw.requestId === 'string' && raw.requestId.length <= 64) d.requestId = raw.requestId;
  else if (finite(raw.requestId)) d.requestId = raw.requestId;
  if (finite(raw.tabId)) d.tabId = raw.tabId;
  if (finite(raw.frameId)) d.frameId = raw.frameId;
  return { ok: true, d };
}

/** Checks one decoded object against the contract; extra fields are tolerated and dropped. */
export function validateEvent(obj: unknown): ParseResult {
  if (!isObj(obj)) return { ok: false, reason: 'not a JSON object' };
  const ev = obj.event;
  if (ev === undefined) return { ok: false, reason: 'missing event' };
  if (typeof ev !== 'string') return { ok: false, reason: 'event is not a string' };
  switch (ev) {
    case 'onCompleted':
    case 'onHeadersReceived': {
      const r = validateDetails(obj.details, 'statusCode');
      if (!r.ok) return r;
      const details = r.d as RequestDetails & { statusCode: number };
      return {
        ok: true,
        event: ev === 'onCompleted' ? { event: ev, details } : { event: 'onHeadersReceived', details },
      };
    }
    case 'onErrorOccurred': {
      const r = validateDetails(obj.details, 'error');
      if (!r.ok) return r;
      return { ok: true, event: { event: 'onErrorOccurred', details: r.d as RequestDetails & { error: string } } };
    }
    case 'connectivity': {
      const problem = need(obj.timeStamp, 'timeStamp', 'number') ?? need(obj.online, 'online', 'boolean');
      if (problem) return { ok: false, reason: problem };
      return {
        ok: true,
        event: { event: 'connectivity', timeStamp: obj.timeStamp as number, online: obj.online as boolean },
      };
    }
    case 'probe': {
      const problem =
        need(obj.timeStamp, 'timeStamp', 'number') ??
        need(obj.target, 'target', 'string') ??
        need(obj.url, 'url', 'string') ??
        need(obj.ok, 'ok', 'boolean');
      if (problem) return { ok: false, reason: problem };
      const target = obj.target as string;
      if (target !== 'control' && !(PLATFORMS as readonly string[]).includes(target)) {
        return { ok: false, reason: `unknown probe target ${JSON.stringify(target.slice(0, 40))}` };
      }
      if (obj.statusCode !== undefined && obj.statusCode !== null && !finite(obj.statusCode)) {
        return { ok: false, reason: 'statusCode is not a finite number' };
      }
      if (obj.error !== undefined && obj.error !== null && typeof obj.error !== 'string') {
        return { ok: false, reason: 'error is not a string' };
      }
      const e: TraceEvent = {
        event: 'probe',
        timeStamp: obj.timeStamp as number,
        target: target as 'control' | PlatformId,
        url: originOnly(obj.url as string),
        ok: obj.ok as boolean,
      };
      if (finite(obj.statusCode)) e.statusCode = obj.statusCode;
      if (typeof obj.error === 'string') e.error = obj.error.slice(0, 300);
      return { ok: true, event: e };
    }
    case 'dns': {
      const problem =
        need(obj.timeStamp, 'timeStamp', 'number') ??
        need(obj.name, 'name', 'string') ??
        need(obj.status, 'status', 'number') ??
        need(obj.answers, 'answers', 'number');
      if (problem) return { ok: false, reason: problem };
      const e: TraceEvent = {
        event: 'dns',
        timeStamp: obj.timeStamp as number,
        name: (obj.name as string).slice(0, 253),
        status: obj.status as number,
        answers: obj.answers as number,
      };
      if (obj.addresses !== undefined && obj.addresses !== null) {
        if (!Array.isArray(obj.addresses)) return { ok: false, reason: 'addresses is not an array' };
        e.addresses = obj.addresses
          .filter((a): a is string => typeof a === 'string')
          .slice(0, 16)
          .map((a) => a.slice(0, 64));
      }
      return { ok: true, event: e };
    }
    case 'vantage':
      return validateVantage(obj);
    default:
      return { ok: false, reason: `unknown event ${JSON.stringify(String(ev).slice(0, 40))}` };
  }
}

/** One line of a trace. Blank lines are the caller's business (the replay skips them silently). */
export function parseTraceLine(line: string): ParseResult {
  if (typeof line !== 'string') return { ok: false, reason: 'not a string' };
  if (line.length > MAX_LINE) return { ok: false, reason: `line longer than ${MAX_LINE} characters` };
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  return validateEvent(obj);
}

/** The trace time of any event. */
export function eventTime(e: TraceEvent): number {
  return 'details' in e ? e.details.timeStamp : e.timeStamp;
}
