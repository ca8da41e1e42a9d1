/**
 * A second opinion from other networks (issue 18): the `vantage` event of docs/trace-format.md.
 * Probes of a public measurement network (Globalping) open the platform from other ISPs at the
 * same moment. That is the one piece of evidence that tells apart, from a single browser, an ISP
 * resetting or misresolving a platform and the platform itself failing.
 *
 * The rule, applied after the engine's own passes, while the platform is failing:
 * - other networks open it (≥ 80 % of ≥ 3 answers): the fault is on the user's network side; a
 *   platform- or Meta-wide `dns`/`unreachable`/`server` verdict moves to `network` (`dns` becomes
 *   `local-dns`: it resolves elsewhere);
 * - other networks fail too (≥ 80 % of ≥ 3 answers): a `network` verdict (a resolver that seemed to
 *   be the user's) moves to the platform, or to Meta when another Meta platform fails the same way;
 *   a platform or Meta verdict stays, now confirmed;
 * - mixed, or fewer than 3 answers: nothing moves.
 * The user's own side (`offline`, `you`) and certificate trouble (`tls`, seen on this network only
 * by definition) are never moved. A second opinion lasts for the episode it was taken in: it is
 * dropped when the platform is `up` again, or replaced by a newer one; age alone never moves blame.
 */
import type { ParseResult, TraceEvent, VantageProbe } from './api';
import type { Cause, PlatformId, Scope, Status } from './types';
import { PLATFORMS } from './types';

export const VANTAGE = {
  /** Fewer answers than this say nothing. */
  minAnswers: 3,
  /** Share of the answers that must agree. */
  agreeShare: 0.8,
  /** A second opinion taken this long before the episode's first failure belongs to another one. */
  beforeEpisodeMs: 5_000,
  /** At most this many probes of one event are read (the trace may come from anywhere). */
  maxProbes: 32,
} as const;

/** What the engine keeps of one `vantage` event. */
export interface VantageSummary {
  at: number;
  kind: 'http' | 'dns';
  /** Probes that answered either way. */
  answered: number;
  ok: number;
  failed: number;
  /** Failures that were HTTP 5xx answers (for `http`). */
  server: number;
}

export type VantageAnswer = 'others-fail' | 'others-ok' | 'mixed' | 'too-few';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks a `vantage` line against the contract; returns a reason instead of throwing. */
export function validateVantage(obj: Obj): ParseResult {
  if (!finite(obj.timeStamp))
    return { ok: false, reason: obj.timeStamp == null ? 'missing timeStamp' : 'timeStamp is not a finite number' };
  if (typeof obj.target !== 'string')
    return { ok: false, reason: obj.target == null ? 'missing target' : 'target is not a string' };
  if (!(PLATFORMS as readonly string[]).includes(obj.target))
    return { ok: false, reason: `unknown vantage target ${JSON.stringify(obj.target.slice(0, 40))}` };
  if (obj.kind !== 'http' && obj.kind !== 'dns')
    return { ok: false, reason: obj.kind == null ? 'missing kind' : 'kind is not "http" or "dns"' };
  if (!Array.isArray(obj.probes))
    return { ok: false, reason: obj.probes == null ? 'missing probes' : 'probes is not an array' };
  const probes: VantageProbe[] = [];
  for (const [i, raw] of obj.probes.slice(0, VANTAGE.maxProbes).entries()) {
    if (!isObj(raw)) return { ok: false, reason: `probes[${i}] is not an object` };
    if (typeof raw.country !== 'string') return { ok: false, reason: `probes[${i}].country is not a string` };
    if (!finite(raw.asn)) return { ok: false, reason: `probes[${i}].asn is not a finite number` };
    if (typeof raw.network !== 'string') return { ok: false, reason: `probes[${i}].network is not a string` };
    if (typeof raw.ok !== 'boolean') return { ok: false, reason: `probes[${i}].ok is not a boolean` };
    if (raw.statusCode != null && !finite(raw.statusCode))
      return { ok: false, reason: `probes[${i}].statusCode is not a finite number` };
    if (raw.error != null && typeof raw.error !== 'string')
      return { ok: false, reason: `probes[${i}].error is not a string` };
    const p: VantageProbe = {
      country: raw.country.slice(0, 2).toUpperCase(),
      asn: raw.asn,
      network: raw.network.slice(0, 80),
      ok: raw.ok,
    };
    if (finite(raw.statusCode)) p.statusCode = raw.statusCode;
    if (typeof raw.error === 'string') p.error = raw.error.slice(0, 40);
    probes.push(p);
  }
  return {
    ok: true,
    event: { event: 'vantage', timeStamp: obj.timeStamp, target: obj.target as PlatformId, kind: obj.kind, probes },
  };
}

export function summariseVantage(e: Extract<TraceEvent, { event: 'vantage' }>, at: number): VantageSummary {
  let ok = 0;
  let failed = 0;
  let server = 0;
  for (const p of e.probes) {
    if (p.ok) ok++;
    else {
      failed++;
      if (e.kind === 'http' && p.statusCode !== undefined && p.statusCode >= 500 && p.statusCode <= 599) server++;
    }
  }
  return { at, kind: e.kind, answered: ok + failed, ok, failed, server };
}

/** What the other networks say, as one word. */
export function vantageAnswer(v: Pick<VantageSummary, 'answered' | 'ok' | 'failed'>): VantageAnswer {
  if (v.answered < VANTAGE.minAnswers) return 'too-few';
  if (v.failed >= VANTAGE.agreeShare * v.answered) return 'others-fail';
  if (v.ok >= VANTAGE.agreeShare * v.answered) return 'others-ok';
  return 'mixed';
}

export interface VantageCandidate {
  status: Status;
  cause: Cause;
  scope: Scope;
}

interface PlatformLike {
  vantage?: VantageSummary | null;
  firstFailureAt: number | null;
}

const failingStatus = (s: Status) => s === 'down' || s === 'degraded';
const MOVABLE: ReadonlySet<Cause> = new Set<Cause>(['dns', 'local-dns', 'unreachable', 'server']);

/**
 * Moves scope between the platform/Meta and the user's network on the evidence of other networks
 * (see the file comment). Changes `cands` in place. Both lists are in PLATFORMS order.
 */
export function applyVantage(platforms: readonly PlatformLike[], cands: readonly VantageCandidate[]): void {
  for (let i = 0; i < PLATFORMS.length; i++) {
    const p = platforms[i]!;
    const v = p.vantage;
    const c = cands[i]!;
    if (!v || !failingStatus(c.status) || !MOVABLE.has(c.cause) || c.scope === 'you') continue;
    // Taken before this episode began: it answered another question.
    if (p.firstFailureAt !== null && v.at < p.firstFailureAt - VANTAGE.beforeEpisodeMs) continue;
    const answer = vantageAnswer(v);
    if (answer === 'others-ok' && (c.scope === 'platform' || c.scope === 'meta')) {
      // A DNS check says only whether the name resolves elsewhere; an HTTP one, whether it opens.
      if (v.kind === 'dns' && c.cause !== 'dns') continue;
      c.cause = c.cause === 'dns' ? 'local-dns' : c.cause;
      c.scope = 'network';
    } else if (answer === 'others-fail' && c.scope === 'network') {
      const cause: Cause =
        c.cause !== 'local-dns'
          ? c.cause
          : v.kind === 'dns'
            ? 'dns'
            : v.server * 2 > v.failed
              ? 'server'
              : 'unreachable';
      // Another Meta platform failing the same way on its side: Meta's shared infrastructure.
      const shared = cands.some(
        (o, j) =>
          j !== i && failingStatus(o.status) && o.cause === cause && (o.scope === 'platform' || o.scope === 'meta'),
      );
      c.cause = cause;
      c.scope = shared ? 'meta' : 'platform';
    }
  }
}
