/**
 * The verdict rules: from one platform's evidence (and what is known about the user's own
 * connection) to status, cause and scope. Thresholds are named here so they can be argued about.
 */

import type { GlobalState, PlatformState } from './state';
import type { Cause, CheckResult, Scope, Status } from './types';
import {
  CLASS_INDEX,
  dominantClass,
  dominantFailure,
  newSums,
  newWindow,
  SHORT_BUCKET_MS,
  SHORT_BUCKETS,
  sumWindow,
  UNKNOWN,
  WINDOW_MS,
} from './window';

export const RULES = {
  /** Fast path to `down` from a healthy history: a run of failures, all of one kind, over ≥ 1 s. */
  quickN: 4,
  quickW: 4,
  quickStrongN: 3,
  quickSpanMs: 1_000,
  /** A burst this large counts even when it arrives all at once. */
  burstN: 6,
  /**
   * Sparse traffic (a tab left open, polling every few seconds): this many failures, all of one
   * class, one of them at least a page, API call or socket, no success in between, spread over at
   * least sparseSpanMs. In busy traffic a run that long without one success is itself telling.
   */
  sparseN: 3,
  sparseSpanMs: 4_000,
  /**
   * The same failure on several sites at once: this many failures in all, of one class, on ≥ 2
   * sites, none of which succeeded since (Meta's platforms for dns/unreachable/server, with one
   * strong failure and over sparseSpanMs; any site at all for tls, interception being diagnostic,
   * over quickSpanMs).
   */
  sharedN: 3,
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
  /**
   * `degraded`, fast: over the last partialMs (1 s slots), this share of the weight and of the
   * requests failing, with at least partialMinN failures (a flaky link's 3–4 % almost never gets
   * there: 3 of 30 half-hour traces at 4 %, against 2 of 30 with the 30 s rule alone).
   */
  partialMs: 10_000,
  partialShare: 0.35,
  partialMinN: 6,
  /** Back from `degraded` once the recent window is this clean, or successes ran this long. */
  cleanShare: 0.1,
  degradedUpN: 5,
  degradedUpSpanMs: 10_000,
  /** Back `up` from `down`: this many successes after the last failure. */
  upN: 2,
  upW: 3,
  /**
   * Flapping is damped on the way back, never on the way in. A platform failing again this soon
   * after recovering is unstable: it goes `down` (or `degraded`) as fast as ever, but `up` again
   * only after flapUpSpanMs of clean successes, unless its failures then run flapSettledMs without
   * a break (an outage of its own, whose end is a real recovery).
   */
  relapseMs: 180_000,
  flapUpSpanMs: 30_000,
  flapUpN: 3,
  flapSettledMs: 45_000,
  otherFailN: 3,
  /** How long failures wait for the neutral check the engine asked for (the worker's checks time out at 8 s). */
  controlWaitMs: 10_000,
} as const;

const C = CLASS_INDEX;

export interface Candidate {
  status: Status;
  cause: Cause;
  scope: Scope;
  /** The platform relapsed soon after recovering: hold the bad state longer before `up` (caller keeps it). */
  unstable: boolean;
}

/**
/**
 * A neutral check that failed the way a dead connection fails (offline, DNS, unreachable), with
 * nothing answering at the same moment or since (the DoH lookup of the same round counts). A
 * captive portal (a status) or an error the browser did not explain (a CORS or type error:
 * "unknown") is not "offline" by itself. It holds until something new says otherwise: a later
 * check, or anything succeeding. Its age alone is no evidence that the fault moved (while it blames
 * the user, the worker re-checks).
 */
export function controlSaysOffline(g: GlobalState): boolean {
  const c: CheckResult | null = g.control;
  if (!c || c.ok) return false;
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

/**
 * Non-Meta sites fail the same way and nothing succeeds: the connection, not a platform. Like a
 * failed check, this holds until something succeeds (or another site fails differently).
 */
function othersFailToo(g: GlobalState, cls: number): boolean {
  const f = g.otherFail;
  if (!f || f.n < RULES.otherFailN || f.cls !== cls) return false;
  return g.anyOkAt === null || g.anyOkAt < f.start;
}

function causeOf(cls: number, p: PlatformState, g: GlobalState): { cause: Cause; scope: Scope } {
  if (cls === C.offline) return { cause: 'offline', scope: 'you' };
  if (cls === C.tls) return { cause: 'tls', scope: 'network' };
  if ((cls === C.dns || cls === C.unreachable) && (controlSaysOffline(g) || othersFailToo(g, cls))) {
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
export function failing(
  p: PlatformState,
  g: GlobalState,
  failCls: number,
  status: Status,
  unstable: boolean,
): Candidate {
  const cs = failCls >= 0 ? causeOf(failCls, p, g) : { cause: p.cause, scope: p.scope };
  // An unknown error string alone never makes a platform `down`.
  const capped = status === 'down' && failCls === UNKNOWN ? 'degraded' : status;
  // Only a platform's own trouble flaps; the user's connection coming and going is no reason to hold.
  return { status: capped, cause: cs.cause, scope: cs.scope, unstable: unstable && cs.scope !== 'you' };
}

/** Reused by every decide(): read at once, never kept (the engine is single-threaded). */
const scratch = newSums();
const scratchShort = newSums();
const scratchLong = newSums();
/** Stands in for the short window of a state saved before it existed. */
const NO_SHORT = newWindow(SHORT_BUCKETS);

const UP: Candidate = { status: 'up', cause: 'none', scope: 'none', unstable: false };

/**
 * A fresh run on a platform that was fine (no other failure in the whole window, no success since
 * the run began) is still being decided: it gets sparseSpanMs to become `down` before it is called
 * `degraded`, so an outage is one change, not two.
 */
function deciding(p: PlatformState, now: number): boolean {
  const f = p.fail;
  if (f.n === 0 || now - f.start >= RULES.sparseSpanMs) return false;
  return sumWindow(p.win, now, WINDOW_MS, p.cleanSince, scratchLong).failN === f.n;
}

/**
 * The last few seconds on their own: a partial outage shows there long before the 30 s window
 * fills. A function of its own so that only the verdicts that use it sum the short window.
 */
function partialNow(p: PlatformState, now: number): boolean {
  const short = sumWindow(p.short ?? NO_SHORT, now, RULES.partialMs, p.cleanSince, scratchShort, SHORT_BUCKET_MS);
  return (
    short.failN >= RULES.partialMinN &&
    short.failW >= RULES.partialShare * (short.failW + short.okW) &&
    short.failN >= RULES.partialShare * (short.failN + short.okN)
  );
}

/** One platform's verdict before the cross-platform (Meta-wide) pass. */
export function decide(p: PlatformState, g: GlobalState, now: number): Candidate {
  if (!p.inUse) return { status: 'unknown', cause: 'none', scope: 'none', unstable: false };
  if (g.offlineSignal) return { status: 'down', cause: 'offline', scope: 'you', unstable: p.unstable };
  const offlineByControl = controlSaysOffline(g);
  // The neutral check fails too: the user's connection, unless this platform shows TLS trouble
  // (a captive portal or interception is the network's doing, and says so more precisely).
  if (offlineByControl && dominantClass(p.fail.cls) !== C.tls) {
    return { status: 'down', cause: 'offline', scope: 'you', unstable: p.unstable };
  }
  // Fast path: healthy and nothing failing since the last success.
  if (p.status === 'up' && p.fail.n === 0 && !offlineByControl) return UP;

  const f = p.fail;
  // Certificate failures are diagnostic on their own (interception, a portal): a probe that then
  // fails some other way from the same network does not outvote them.
  const tlsShare = f.w > 0 ? f.cls[C.tls]! / f.w : 0;
  const run = tlsShare >= 0.3 ? { cls: C.tls, share: 1 } : dominantFailure(f.cls);
  const span = f.last - f.start;
  // A relapse whose failures have run this long without a break is an outage of its own.
  const unstable = p.unstable && !(f.n > 0 && span >= RULES.flapSettledMs);
  // Down and still failing: only the cause can change, and the window is not needed for it. (An
  // unknown error string says nothing about the cause: it neither changes nor softens it.)
  if (p.status === 'down' && f.n > 0 && run.cls >= 0)
    return failing(p, g, run.cls === UNKNOWN ? -1 : run.cls, 'down', unstable);
  const recent = sumWindow(p.win, now, RULES.recentMs, p.cleanSince, scratch);
  const recentDom = dominantClass(recent.w);
  const failCls = f.n > 0 && run.cls >= 0 ? run.cls : recentDom;
  const uniform = f.n > 0 && run.cls !== UNKNOWN && run.share >= RULES.uniformShare;
  const before = Math.max(0, recent.failN - f.n);
  const mixed = before >= 2 && recent.okN >= 2;
  // Three strong failures in a row (page, API, chat socket) say as much as four of anything.
  const enough =
    (f.n >= RULES.quickN && f.w >= RULES.quickW) ||
    (f.n >= RULES.quickStrongN && f.strong >= RULES.quickStrongN && f.w >= 5);
  // A burst all at once counts only with a page, API call or socket in it (a gallery of images is not an outage).
  const quick = uniform && enough && (span >= RULES.quickSpanMs || (f.n >= RULES.burstN && f.strong >= 1));
  // Few requests, every one failing the same way: sparse traffic says it as clearly, only slower.
  const sparse = uniform && run.share === 1 && f.n >= RULES.sparseN && f.strong >= 1 && span >= RULES.sparseSpanMs;
  const slow = uniform && f.n >= RULES.slowN && span >= RULES.slowSpanMs;
  // A failed check of the platform plus another failure confirms it at once.
  const confirmed = uniform && f.checks >= 1 && f.n >= (mixed ? 4 : 2);
  const hard = confirmed || slow || (!mixed && (quick || sparse));
  const total = recent.failW + recent.okW;
  // Either share counts: many failing images, or a few failing API calls among many images.
  const countShare = recent.failN / Math.max(1, recent.failN + recent.okN);
  // (Only a platform that is up can newly become `degraded`: the short window is summed there alone, see partialNow.)
  const degradedRecent =
    recent.failN >= RULES.degradedMinN &&
    recent.failW >= RULES.degradedMinW &&
    total > 0 &&
    (recent.failW / total >= RULES.degradedShare || countShare >= RULES.degradedShare);
  const cleanNow = total > 0 && recent.failW / total < RULES.cleanShare && recent.okN >= RULES.degradedUpN;
  const okSpan = p.ok.n > 0 ? now - p.ok.start : 0;
  // After a relapse, only a long clean spell is a recovery (flapping is damped on the way back).
  const heldLongEnough = p.ok.n >= RULES.flapUpN && okSpan >= RULES.flapUpSpanMs;

  switch (p.status) {
    case 'down': {
      // Images from the CDN loading while every page and API call fails is not a recovery.
      const recovered =
        (p.ok.n >= RULES.upN && p.ok.w >= RULES.upW && (p.ok.strong ?? 0) >= 1) || (p.ok.probe && p.ok.n >= 1);
      if (recovered && f.n === 0 && (!unstable || heldLongEnough)) return UP;
      return failing(p, g, failCls === UNKNOWN ? -1 : failCls, 'down', unstable);
    }
    case 'degraded': {
      if (hard) return failing(p, g, failCls, 'down', unstable);
      const back = unstable
        ? heldLongEnough
        : (p.ok.n >= RULES.degradedUpN && okSpan >= RULES.degradedUpSpanMs) || cleanNow;
      if (f.n === 0 && back) return UP;
      return failing(p, g, failCls, 'degraded', unstable);
    }
    default: {
      // Waiting for the neutral check before blaming a platform for what may be the user's connection.
      if ((failCls === C.dns || failCls === C.unreachable) && controlPending(g, now)) {
        return { status: p.status, cause: p.cause, scope: p.scope, unstable: p.unstable };
      }
      // Onset is never damped: a relapse is as `down` as any outage, and only remembered as one.
      const relapse = p.recoveredAt !== null && now - p.recoveredAt < RULES.relapseMs;
      if (hard) return failing(p, g, failCls, 'down', relapse);
      if ((degradedRecent || partialNow(p, now)) && !deciding(p, now)) {
        return failing(p, g, failCls, 'degraded', relapse);
      }
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
