/**
 * Active checks the engine asks for (`checksDue`), made with plain fetch and fed back to the engine
 * as trace-format `probe`/`dns` events. Every endpoint is listed here (and in the README):
 * the platforms' own favicons, a neutral connectivity endpoint and Cloudflare's DNS-over-HTTPS.
 */
import type { TraceEvent } from '../../core/api';
import { PLATFORM_TABLE } from '../../core/platforms';
import { type CheckRequest, PLATFORMS, type PlatformId } from '../../core/types';
import type { Settings } from '../../shared/protocol/settings';
import { CheckFetchError } from './own-errors';

/** Each platform's probe and the name looked up through the independent resolver (the platform table). */
const byPlatform = <T>(pick: (p: (typeof PLATFORM_TABLE)[PlatformId]) => T) =>
  Object.fromEntries(PLATFORMS.map((id) => [id, pick(PLATFORM_TABLE[id])])) as Record<PlatformId, T>;
export const PROBE_URLS: Record<PlatformId, string> = byPlatform((p) => p.probeUrl);
export const DNS_NAMES: Record<PlatformId, string> = byPlatform((p) => p.dnsName);
export const CONTROL_URL = 'http://connectivitycheck.gstatic.com/generate_204';
export const DOH_URL = 'https://cloudflare-dns.com/dns-query';
export const TIMEOUT_MS = 8_000;
/** Never repeat the same check sooner than this, whatever the engine asks (no endless polling). */
export const MIN_REPEAT_MS = 10_000;

export interface CheckDeps {
  fetch: typeof fetch;
  now(): number;
}

/**
 * What every check sends: no cookies, no Referer, nothing cached, and no redirect followed (a
 * redirect is itself the answer: a captive portal, a login wall). The host permissions cover each
 * URL exactly, so the request is privileged: the browser adds no `Origin` (no per-install
 * `moz-extension://` id leaves the device) and the status is readable. Verified on the wire in both
 * browsers by test/browser/same-answers-both-browsers.test.ts.
 */
export const CHECK_INIT: RequestInit = {
  cache: 'no-store',
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  redirect: 'manual',
};

async function timedFetch(deps: CheckDeps, url: string, init: RequestInit = {}): Promise<Response> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  try {
    return await deps.fetch(url, { ...CHECK_INIT, ...init, signal: ctrl.signal });
  } finally {
    clearTimeout(timer);
  }
}

/** The browser's own error string when known (see own-errors.ts), so the engine can classify it. */
const errName = (e: unknown) => {
  if (e instanceof CheckFetchError) return e.browserError;
  return e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : 'fetch failed';
};

export async function probePlatform(deps: CheckDeps, platform: PlatformId): Promise<TraceEvent> {
  const url = PROBE_URLS[platform];
  try {
    // The host permission lifts CORS for the extension, so the real status is visible; a redirect
    // (opaque, status 0) is an answer from the platform's server too.
    const res = await timedFetch(deps, url);
    const statusCode = res.type === 'opaque' || res.type === 'opaqueredirect' ? undefined : res.status;
    const ok = statusCode === undefined || statusCode < 500;
    return { event: 'probe', timeStamp: deps.now(), target: platform, url, ok, ...(statusCode ? { statusCode } : {}) };
  } catch (e) {
    return { event: 'probe', timeStamp: deps.now(), target: platform, url, ok: false, error: errName(e) };
  }
}

/** 204 = online; 200 with a body or a redirect = a captive portal (reported as not ok, with its status). */
export async function probeControl(deps: CheckDeps): Promise<TraceEvent> {
  const url = CONTROL_URL;
  try {
    const res = await timedFetch(deps, url);
    const redirected = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
    const statusCode = redirected && res.status === 0 ? 302 : res.status;
    return { event: 'probe', timeStamp: deps.now(), target: 'control', url, ok: res.status === 204, statusCode };
  } catch (e) {
    return { event: 'probe', timeStamp: deps.now(), target: 'control', url, ok: false, error: errName(e) };
  }
}

interface DohAnswer {
  type?: unknown;
  data?: unknown;
}

export async function lookupDns(deps: CheckDeps, platform: PlatformId): Promise<TraceEvent | null> {
  const name = DNS_NAMES[platform];
  try {
    const res = await timedFetch(deps, `${DOH_URL}?name=${encodeURIComponent(name)}&type=A`, {
      headers: { accept: 'application/dns-json' },
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { Status?: unknown; Answer?: unknown };
    if (typeof body.Status !== 'number') return null;
    const answers = Array.isArray(body.Answer) ? (body.Answer as DohAnswer[]) : [];
    // Type 1 = A, 28 = AAAA; CNAME hops are not answers.
    const addresses = answers
      .filter((a) => (a.type === 1 || a.type === 28) && typeof a.data === 'string')
      .map((a) => a.data as string)
      .slice(0, 16);
    return { event: 'dns', timeStamp: deps.now(), name, status: body.Status, answers: addresses.length, addresses };
  } catch {
    // The resolver itself unreachable says nothing about the platform: no event.
    return null;
  }
}

/** Keeps only the checks the settings allow and that were not made too recently. */
export function selectChecks(
  due: CheckRequest[],
  settings: Settings['checks'],
  lastRun: Map<string, number>,
  now: number,
): CheckRequest[] {
  const seen = new Set<string>();
  return due.filter((c) => {
    const key = `${c.kind}:${c.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (c.kind === 'dns' && (!settings.dns || c.target === 'control')) return false;
    if (c.kind === 'probe' && c.target === 'control' && !settings.control) return false;
    if (c.kind === 'probe' && c.target !== 'control' && !settings.platform) return false;
    return now - (lastRun.get(key) ?? Number.NEGATIVE_INFINITY) >= MIN_REPEAT_MS;
  });
}

/** Runs the checks in parallel; returns their events in completion-independent, stable order. */
export async function runChecks(deps: CheckDeps, checks: CheckRequest[]): Promise<TraceEvent[]> {
  const results = await Promise.all(
    checks.map((c) => {
      if (c.kind === 'dns') return c.target === 'control' ? null : lookupDns(deps, c.target);
      return c.target === 'control' ? probeControl(deps) : probePlatform(deps, c.target);
    }),
  );
  return results.filter((e): e is TraceEvent => e !== null);
}

/** "Check now": everything the settings allow, for every platform. */
export function allChecks(settings: Settings['checks']): CheckRequest[] {
  const out: CheckRequest[] = [];
  if (settings.control) out.push({ kind: 'probe', target: 'control', reason: 'doubt' });
  for (const p of PLATFORMS) {
    if (settings.platform) out.push({ kind: 'probe', target: p, reason: 'doubt' });
    if (settings.dns) out.push({ kind: 'dns', target: p, reason: 'doubt' });
  }
  return out;
}
