/**
 * The verdict rules: from one platform's evidence (and what is known about the user's own
 * connection) to status, cause and scope. Thresholds are named here so they can be argued about.
 */

import type { GlobalState, PlatformState } from './state';
import type { Cause, CheckResult, Scope, Status } from './types';
import { CLASS_INDEX, dominantFailure, newSums, sumWindow, UNKNOWN } from './window';

export const RULES = {
  /** Fast path to `down` from a healthy history: a run of failures, all of one kind, over ≥ 1 s. */
  quickN: 4,
  quickW: 4,
  quickStrongN: 3,
  quickSpanMs: 1_000,
  /** A burst this large counts even when it arrives all at once. */
  burstN: 6,
  /** When the history is already mixed (partial failure), a longer run is needed. */
  slowN: 8,
  slowSpanMs: 10_000,
  /** Share of the dominant class in a run for it to be "all one kind". */
  uniformShare: 0.6,
  /** `degraded`: this share of weighted requests failing over the recent window. */
  recentMs: 30_000,
  degradedShare: 0.25,
  degradedMinN: 3,
  degradedMinW: 2,
  /** Back from `degraded` once the recent window is this clean, or successes ran this long. */
  cleanShare: 0.1,
  degradedUpN: 5,
  degradedUpSpanMs: 10_000,
  /** Back `up` from `down`: this many successes after the last failure. */
  upN: 2,
  upW: 3,
  /** A failure this soon after recovering is a relapse: hold `degraded` instead of flapping. */
  relapseMs: 180_000,
  unstableDownSpanMs: 45_000,
  unstableUpSpanMs: 60_000,
  /** A failed neutral check means "offline" for this long unless something succeeds since. */
  controlTtlMs: 60_000,
  otherFailN: 3,
  /** How long failures wait for the neutral check the engine asked for (the worker's checks time out at 8 s). */
  controlWaitMs: 10_000,
} as const;

const C = CLASS_INDEX;

export interface Candidate {
  status: Status;
  cause: Cause;
  scope: Scope;
  /** The platform relapsed soon after recovering (caller keeps `unstable`). */
  unstable: boolean;
}

/**
 * A neutral check that failed the way a dead connection fails (offline, DNS, unreachable), with
 * nothing answering since or at the same moment (the DoH lookup of the same round). A captive
 * portal (a status) or an error the browser did not explain (a CORS or type error: "unknown") is
 * not "offline" by itself.
 */
export function controlSaysOffline(g: GlobalState, now: number): boolean {
  const c: CheckResult | null = g.control;
  if (!c || c.ok || now - c.at > RULES.controlTtlMs) return false;
  if (g.anyOkAt !== null && g.anyOkAt >= c.at) return false;
  return c.errorClass === 'offline' || c.errorClass === 'dns' || c.errorClass === 'unreachable';
}

/**
 * The engine asked for the neutral check (first failures) and it has not answered yet. Until it
 * does, failures the user's own connection could cause (dns, unreachable) do not yet blame a
 * platform: otherwise an offline user gets "Meta is down" and a notification for a second or two.
 * Replays without checks never ask, so they are not held.
 */
export function controlPending(g: GlobalState, now: number): boolean {
  const askedAt = g.asked['probe:control'];
  if (askedAt === undefined || now < askedAt || now - askedAt >= RULES.controlWaitMs) return false;
  if (g.anyOkAt !== null && g.anyOkAt > askedAt) return false; // something worked since: not offline
  return g.control === null || g.control.at < askedAt;
}

/** Non-Meta sites fail the same way and nothing succeeds: the connection, not a platform. */
function othersFailToo(g: GlobalState, cls: number, now: number): boolean {
  const f = g.otherFail;
  if (!f || f.n < RULES.otherFailN || f.cls !== cls || now - f.last > RULES.recentMs) return false;
  return g.anyOkAt === null || g.anyOkAt < f.start;
}

function causeOf(cls: number, p: PlatformState, g: GlobalState, now: number): { cause: Cause; scope: Scope } {
  if (cls === C.offline) return { cause: 'offline', scope: 'you' };
  if (cls === C.tls) return { cause: 'tls', scope: 'network' };
  if ((cls === C.dns || cls === C.unreachable) && (controlSaysOffline(g, now) || othersFailToo(g, cls, now))) {
    return { cause: 'offline', scope: 'you' };
  }
  const dns = p.dns;
  // The independent resolver answers, yet the user's own lookups fail (or lead nowhere): their resolver.
  const resolvesElsewhere = dns !== null && dns.status === 0 && dns.answers > 0;
  if (cls === C.dns)
    return resolvesElsewhere ? { cause: 'local-dns', scope: 'network' } : { cause: 'dns', scope: 'platform' };
  if (resolvesElsewhere && dns.inMetaSpace === false) return { cause: 'local-dns', scope: 'network' };
  if (cls === C.unreachable) return { cause: 'unreachable', scope: 'platform' };
  if (cls === C.server) return { cause: 'server', scope: 'platform' };
  return { cause: 'unknown', scope: 'none' };
}

/** A failing verdict with the cause of `failCls`. (A plain function: closures cost in the hot path.) */
function failing(
  p: PlatformState,
  g: GlobalState,
  now: number,
  failCls: number,
  status: Status,
  unstable: boolean,
): Candidate {
  const cs = failCls >= 0 ? causeOf(failCls, p, g, now) : { cause: p.cause, scope: p.scope };
  // An unknown error string alone never makes a platform `down`.
  const capped = status === 'down' && failCls === UNKNOWN ? 'degraded' : status;
  return { status: capped, cause: cs.cause, scope: cs.scope, unstable };
}

/** Reused by every decide(): read at once, never kept (the engine is single-threaded). */
const scratch = newSums();

const UP: Candidate = { status: 'up', cause: 'none', scope: 'none', unstable: false };

/** One platform's verdict before the cross-platform (Meta-wide) pass. */
export function decide(p: PlatformState, g: GlobalState, now: number): Candidate {
  if (!p.inUse) return { status: 'unknown', cause: 'none', scope: 'none', unstable: false };
  if (g.offlineSignal) return { status: 'down', cause: 'offline', scope: 'you', unstable: p.unstable };
  const offlineByControl = controlSaysOffline(g, now);
  // The neutral check fails too: the user's connection, unless this platform shows TLS trouble
  // (a captive portal or interception is the network's doing, and says so more precisely).
  if (offlineByControl && dominantFailure(p.fail.cls).cls !== C.tls) {
    return { status: 'down', cause: 'offline', scope: 'you', unstable: p.unstable };
  }
  // Fast path: healthy and nothing failing since the last success.
  if (p.status === 'up' && p.fail.n === 0 && !offlineByControl) return UP;

  const f = p.fail;
  // Certificate failures are diagnostic on their own (interception, a portal): a probe that then
  // fails some other way from the same network does not outvote them.
  const tlsShare = f.w > 0 ? f.cls[C.tls]! / f.w : 0;
  const run = tlsShare >= 0.3 ? { cls: C.tls, share: 1 } : dominantFailure(f.cls);
  // Down and still failing: only the cause can change, and the window is not needed for it.
  if (p.status === 'down' && f.n > 0 && run.cls >= 0) return failing(p, g, now, run.cls, 'down', p.unstable);
  const recent = sumWindow(p.win, now, RULES.recentMs, p.cleanSince, scratch);
  const recentDom = dominantFailure(recent.w);
  const failCls = f.n > 0 && run.cls >= 0 ? run.cls : recentDom.cls;
  const uniform = f.n > 0 && run.cls !== UNKNOWN && run.share >= RULES.uniformShare;
  const span = f.last - f.start;
  const before = Math.max(0, recent.failN - f.n);
  const mixed = before >= 2 && recent.okN >= 2;
  // Three strong failures in a row (page, API, chat socket) say as much as four of anything.
  const enough =
    (f.n >= RULES.quickN && f.w >= RULES.quickW) ||
    (f.n >= RULES.quickStrongN && f.strong >= RULES.quickStrongN && f.w >= 5);
  // A burst all at once counts only with a page, API call or socket in it (a gallery of images is not an outage).
  const quick = uniform && enough && (span >= RULES.quickSpanMs || (f.n >= RULES.burstN && f.strong >= 1));
  const slow = uniform && f.n >= RULES.slowN && span >= RULES.slowSpanMs;
  // A failed check of the platform plus another failure confirms it at once.
  const confirmed = uniform && f.checks >= 1 && f.n >= (mixed ? 4 : 2);
  const hard = confirmed || slow || (!mixed && quick);
  const total = recent.failW + recent.okW;
  // Either share counts: many failing images, or a few failing API calls among many images.
  const countShare = recent.failN / Math.max(1, recent.failN + recent.okN);
  const degradedNow =
    recent.failN >= RULES.degradedMinN &&
    recent.failW >= RULES.degradedMinW &&
    total > 0 &&
    (recent.failW / total >= RULES.degradedShare || countShare >= RULES.degradedShare);
  const cleanNow = total > 0 && recent.failW / total < RULES.cleanShare && recent.okN >= RULES.degradedUpN;
  const okSpan = p.ok.n > 0 ? now - p.ok.start : 0;

  switch (p.status) {
    case 'down': {
      // Images from the CDN loading while every page and API call fails is not a recovery.
      const recovered =
        (p.ok.n >= RULES.upN && p.ok.w >= RULES.upW && (p.ok.strong ?? 0) >= 1) || (p.ok.probe && p.ok.n >= 1);
      if (recovered && f.n === 0) return UP;
      return failing(p, g, now, failCls, 'down', p.unstable);
    }
    case 'degraded': {
      if (p.unstable) {
        if (f.n > 0 && uniform && span >= RULES.unstableDownSpanMs) return failing(p, g, now, failCls, 'down', false);
        if (f.n === 0 && p.ok.n >= 3 && okSpan >= RULES.unstableUpSpanMs) return UP;
        return failing(p, g, now, failCls, 'degraded', true);
      }
      if (hard) return failing(p, g, now, failCls, 'down', p.unstable);
      if (f.n === 0 && ((p.ok.n >= RULES.degradedUpN && okSpan >= RULES.degradedUpSpanMs) || cleanNow)) return UP;
      return failing(p, g, now, failCls, 'degraded', p.unstable);
    }
    default: {
      // Waiting for the neutral check before blaming a platform for what may be the user's connection.
      if ((failCls === C.dns || failCls === C.unreachable) && controlPending(g, now)) {
        return { status: p.status, cause: p.cause, scope: p.scope, unstable: p.unstable };
      }
      if (hard) {
        const relapse = p.recoveredAt !== null && now - p.recoveredAt < RULES.relapseMs;
        return relapse ? failing(p, g, now, failCls, 'degraded', true) : failing(p, g, now, failCls, 'down', false);
      }
      if (degradedNow) return failing(p, g, now, failCls, 'degraded', p.unstable);
      if (p.ok.n > 0 || recent.okN > 0) return UP;
      return { status: p.status, cause: p.cause, scope: p.scope, unstable: p.unstable };
    }
  }
}

/** Causes that, shared by two or more platforms at once, point at Meta's common infrastructure. */
export const SHAREABLE: ReadonlySet<Cause> = new Set<Cause>(['dns', 'unreachable', 'server']);

/** The ErrorClass index behind a shareable cause. */
export const CLASS_OF_CAUSE: Partial<Record<Cause, number>> = {
  dns: C.dns,
  unreachable: C.unreachable,
  server: C.server,
};
