/**
 * One "check from other networks": create the measurement(s), poll for partial results, stop at the
 * deadline. Never retries a refused request (a 429 is said, with when a retry is possible), never
 * guesses (no answer, or no API, is "unavailable"). The client is injected: the page passes the
 * official `globalping` client, loaded on demand (client.ts); tests pass the same client against
 * the fake API.
 */
import type { VantageEvent } from '../core/api';
import type { PlatformId } from '../core/types';
import { type CheckKind, measurementRequest } from './request';
import { readCreated, readMeasurement, type ShownProbe } from './results';

/** The subset of the official client's API used here (`Globalping` from the `globalping` package). */
export interface GlobalpingLike {
  createMeasurement(req: ReturnType<typeof measurementRequest>): Promise<CallResultLike>;
  getMeasurement(id: string): Promise<CallResultLike>;
}
export interface CallResultLike {
  ok: boolean;
  data: unknown;
  response: { status: number; headers: { get(name: string): string | null } };
}

export type Why = 'unreachable' | 'timeout' | 'no-probes' | 'rejected';

export interface KindState {
  probes: ShownProbe[];
  expected: number;
  finished: boolean;
}

export interface RunState {
  phase: 'running' | 'done' | 'partial' | 'rate-limited' | 'unavailable';
  platform: PlatformId;
  kinds: Partial<Record<CheckKind, KindState>>;
  startedAt: number;
  /** When the first probe's answer arrived. */
  firstAt?: number;
  /** When the run ended. */
  endedAt?: number;
  /** rate-limited: when a new check is allowed (wall-clock ms), if the API said. */
  retryAt?: number | null;
  why?: Why;
}

export const DEADLINE_MS = 10_000;
export const POLL_MS = 500;

export interface RunOptions {
  client: GlobalpingLike;
  platform: PlatformId;
  kinds: CheckKind[];
  now(): number;
  sleep(ms: number): Promise<void>;
  onUpdate?(s: RunState): void;
  deadlineMs?: number;
  pollMs?: number;
}

/** Seconds from the API's rate-limit headers (X-RateLimit-Reset, or Retry-After), if sane. */
function retryAfterMs(headers: CallResultLike['response']['headers']): number | null {
  for (const name of ['x-ratelimit-reset', 'retry-after']) {
    const v = headers.get(name);
    if (v !== null && /^\d{1,6}$/.test(v.trim())) return Number(v.trim()) * 1000;
  }
  return null;
}

const TIMEOUT: unique symbol = Symbol('timeout');
function before<T>(p: Promise<T>, ms: number, sleep: RunOptions['sleep']): Promise<T | typeof TIMEOUT> {
  return Promise.race([p, sleep(Math.max(0, ms)).then((): typeof TIMEOUT => TIMEOUT)]);
}

export async function runOtherNetworks(o: RunOptions): Promise<RunState> {
  const deadlineMs = o.deadlineMs ?? DEADLINE_MS;
  const pollMs = o.pollMs ?? POLL_MS;
  const s: RunState = { phase: 'running', platform: o.platform, kinds: {}, startedAt: o.now() };
  const left = () => s.startedAt + deadlineMs - o.now();
  const emit = () => o.onUpdate?.({ ...s, kinds: { ...s.kinds } });
  const end = (p: Partial<RunState>): RunState => {
    Object.assign(s, p, { endedAt: o.now() });
    emit();
    return { ...s };
  };
  emit();

  let created: (CallResultLike | typeof TIMEOUT)[];
  try {
    created = await before(
      Promise.all(o.kinds.map((k) => o.client.createMeasurement(measurementRequest(o.platform, k)))),
      left(),
      o.sleep,
    ).then((r) => (r === TIMEOUT ? [TIMEOUT] : r));
  } catch {
    return end({ phase: 'unavailable', why: 'unreachable' });
  }
  if (created.includes(TIMEOUT)) return end({ phase: 'unavailable', why: 'timeout' });
  const results = created as CallResultLike[];
  const limited = results.find((r) => r.response.status === 429);
  if (limited) {
    const ms = retryAfterMs(limited.response.headers);
    return end({ phase: 'rate-limited', retryAt: ms === null ? null : o.now() + ms });
  }
  if (results.some((r) => r.response.status === 422)) return end({ phase: 'unavailable', why: 'no-probes' });
  const ids: [CheckKind, string][] = [];
  for (const [i, r] of results.entries()) {
    const c = r.ok && r.response.status === 202 ? readCreated(r.data) : null;
    if (!c) return end({ phase: 'unavailable', why: 'rejected' });
    if (c.probesCount === 0) return end({ phase: 'unavailable', why: 'no-probes' });
    const kind = o.kinds[i] as CheckKind;
    s.kinds[kind] = { probes: [], expected: c.probesCount, finished: false };
    ids.push([kind, c.id]);
  }
  emit();

  let unreachable = false;
  const poll = async (kind: CheckKind, id: string) => {
    while (left() > 0) {
      const wait = await before(o.sleep(Math.min(pollMs, left())), left(), o.sleep);
      if (wait === TIMEOUT || left() <= 0) return;
      let r: CallResultLike | typeof TIMEOUT;
      try {
        r = await before(o.client.getMeasurement(id), left(), o.sleep);
      } catch {
        unreachable = true;
        return;
      }
      if (r === TIMEOUT) return;
      // Too many reads of one measurement: stop reading it, keep what came (no loop of retries).
      if (r.response.status === 429 || !r.ok) return;
      const m = readMeasurement(r.data, kind);
      if (!m || m.id !== id) return;
      const k = s.kinds[kind] as KindState;
      if (m.probes.length > 0 && s.firstAt === undefined) s.firstAt = o.now();
      s.kinds[kind] = { probes: m.probes, expected: Math.max(k.expected, m.expected), finished: m.finished };
      emit();
      if (m.finished) return;
    }
  };
  await Promise.all(ids.map(([k, id]) => poll(k, id)));

  const kinds = Object.values(s.kinds) as KindState[];
  if (kinds.every((k) => k.finished)) return end({ phase: 'done' });
  if (kinds.some((k) => k.probes.length > 0)) return end({ phase: 'partial' });
  return end({ phase: 'unavailable', why: unreachable ? 'unreachable' : 'timeout' });
}

/** The engine's `vantage` events for a finished or partial run (none for a run without answers). */
export function vantageEvents(s: RunState, at: number): VantageEvent[] {
  if (s.phase !== 'done' && s.phase !== 'partial') return [];
  const out: VantageEvent[] = [];
  for (const kind of ['http', 'dns'] as const) {
    const k = s.kinds[kind];
    if (!k || k.probes.length === 0) continue;
    out.push({
      event: 'vantage',
      timeStamp: at,
      target: s.platform,
      kind,
      probes: k.probes.map(({ country, asn, network, ok, statusCode, error }) => ({
        country,
        asn,
        network,
        ok,
        ...(statusCode !== undefined ? { statusCode } : {}),
        ...(error !== undefined ? { error } : {}),
      })),
    });
  }
  return out;
}
