/**
 * Which active checks would settle a doubt now. On first failures: the platform, the neutral
 * endpoint and an independent DNS lookup, at once. During a problem: a re-check for recovery every
 * RECHECK_MS. When all is well: nothing (no endless polling). Each check is rate-limited.
 */
import type { TraceEvent } from './api';
import { classifyError } from './classify';
import type { EngineState, PlatformState } from './state';
import { type CheckRequest, type ErrorClass, PLATFORMS, type PlatformId } from './types';

export const FIRST_CHECK_GAP_MS = 15_000;
export const RECHECK_MS = 30_000;
const FRESH_FAILURE_MS = 30_000;

type Want = { req: CheckRequest; gap: number };

function wants(id: PlatformId, p: PlatformState, now: number): Want[] {
  const failing = p.status === 'down' || p.status === 'degraded';
  if (failing) {
    const out: Want[] = [{ req: { kind: 'probe', target: id, reason: 'recovery' }, gap: RECHECK_MS }];
    if (p.cause === 'dns' || p.cause === 'local-dns')
      out.push({ req: { kind: 'dns', target: id, reason: 'recovery' }, gap: RECHECK_MS * 2 });
    if (p.cause === 'offline')
      out.push({ req: { kind: 'probe', target: 'control', reason: 'recovery' }, gap: RECHECK_MS });
    return out;
  }
  if (p.fail.n > 0 && now - p.fail.last <= FRESH_FAILURE_MS) {
    return [
      { req: { kind: 'probe', target: id, reason: 'first-failures' }, gap: FIRST_CHECK_GAP_MS },
      { req: { kind: 'probe', target: 'control', reason: 'first-failures' }, gap: FIRST_CHECK_GAP_MS },
      { req: { kind: 'dns', target: id, reason: 'first-failures' }, gap: FIRST_CHECK_GAP_MS },
    ];
  }
  return [];
}

/** The checks due now; asking marks them as asked, so the same check is not requested again too soon. */
export function planChecks(s: EngineState, now: number): CheckRequest[] {
  if (!Number.isFinite(now)) return [];
  const out: CheckRequest[] = [];
  const seen = new Set<string>();
  for (const id of PLATFORMS) {
    for (const { req, gap } of wants(id, s.platforms[id], now)) {
      const key = `${req.kind}:${req.target}`;
      if (seen.has(key)) continue;
      const last = s.global.asked[key];
      if (last !== undefined && now - last < gap && now >= last) continue;
      seen.add(key);
      s.global.asked[key] = now;
      out.push(req);
    }
  }
  return out;
}

/** When the next recovery re-check falls due, or null when nothing is failing. */
export function nextCheckAt(s: EngineState, now: number): number | null {
  let best: number | null = null;
  for (const id of PLATFORMS) {
    for (const { req, gap } of wants(id, s.platforms[id], now)) {
      const last = s.global.asked[`${req.kind}:${req.target}`];
      const due = last === undefined ? now : last + gap;
      if (best === null || due < best) best = due;
    }
  }
  return best;
}

const isControl = (e: TraceEvent) => e.event === 'probe' && e.target === 'control';
const OFFLINE_CLASSES: ReadonlySet<ErrorClass> = new Set(['offline', 'dns', 'unreachable']);

/**
 * One round of checks says the user's connection is down only when the neutral check failed the
 * way a dead connection fails (the browser's own error: offline, DNS, unreachable) and nothing else
 * in the round got an answer (no DoH reply, no HTTP status). A CORS or type error is not "offline".
 */
export function roundSaysOffline(events: readonly TraceEvent[]): boolean {
  const control = events.find(isControl);
  if (control?.event !== 'probe' || control.ok || control.statusCode !== undefined) return false;
  if (control.error === undefined || !OFFLINE_CLASSES.has(classifyError(control.error))) return false;
  return !events.some((e) => e.event === 'dns' || (e.event === 'probe' && (e.ok || e.statusCode !== undefined)));
}

/**
 * One round of active checks as the engine is to take it in. The round answers at one moment
 * (`at`): its events carry that time, the neutral check last, so the engine sees whatever else
 * answered (the DoH lookup) as answering with it. A platform probe that failed while the connection
 * itself was down says nothing about the platform (a VPN switch, a dead uplink): the neutral
 * result goes in, that failure does not.
 */
export function checkRoundEvents(events: readonly TraceEvent[], at: number): TraceEvent[] {
  const offline = roundSaysOffline(events);
  const round = events
    .filter((ev) => !(offline && ev.event === 'probe' && ev.target !== 'control' && !ev.ok))
    .map((ev) => ('timeStamp' in ev ? { ...ev, timeStamp: at } : ev));
  return round.sort((a, b) => Number(isControl(a)) - Number(isControl(b)));
}
