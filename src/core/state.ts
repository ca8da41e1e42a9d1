/** The engine's whole state as plain JSON data, so it can be persisted and restored as is. */
import type { DedupState } from './dedup';
import type { Cause, CheckResult, DnsCheckResult, PlatformId, Scope, Status } from './types';
import type { VantageSummary } from './vantage';
import { type BucketWindow, NCLASS, newWindow, SHORT_BUCKETS } from './window';

export const STATE_VERSION = 1;

/** Consecutive failures with no success in between (the fast signal). */
export interface FailStreak {
  n: number;
  w: number;
  /** How many were strong signals: page loads, API calls, chat sockets, failed checks. */
  strong: number;
  /** Failed checks (platform probe or independent DNS) among them. */
  checks: number;
  start: number;
  last: number;
  /** Weight per ErrorClass index. */
  cls: number[];
}

export interface OkStreak {
  n: number;
  w: number;
  start: number;
  /** A successful probe of the platform is among them. */
  probe: boolean;
  /** Strong successes among them (page, API, socket, check); optional: older saved states lack it. */
  strong?: number;
}

export interface PlatformState {
  win: BucketWindow;
  /** The last few seconds in 1 s slots (SHORT_BUCKET_MS); optional: older saved states lack it. */
  short?: BucketWindow;
  fail: FailStreak;
  ok: OkStreak;
  status: Status;
  cause: Cause;
  scope: Scope;
  since: number | null;
  updatedAt: number | null;
  /** Seen at all: a platform nobody uses stays `unknown`. */
  inUse: boolean;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  /** First failure of the current episode. */
  firstFailureAt: number | null;
  /** Window failures before this time belong to an episode already over. */
  cleanSince: number;
  /** When the platform last recovered to `up` after being down (relapse detection). */
  recoveredAt: number | null;
  /** Set while unstable (a relapse soon after recovery): hold `degraded` instead of flapping. */
  unstable: boolean;
  /** Failing hosts: [host, count, lastAt], at most MAX_HOSTS. */
  hosts: [string, number, number][];
  probe: CheckResult | null;
  dns: DnsCheckResult | null;
  /** A successful probe of the platform made while it was failing (caps the verdict at `degraded`). Optional: older saved states lack it. */
  okCheckAt?: number | null;
  /** Last time Nazar's own probe of the platform failed. Optional: older saved states lack it. */
  failedCheckAt?: number | null;
  /** Last failure of a request from the platform's own open page. Optional: older saved states lack it. */
  pageFailureAt?: number | null;
  /** Other networks' answer during this episode (vantage.ts). Optional: older saved states lack it. */
  vantage?: VantageSummary | null;
}

export interface GlobalState {
  now: number;
  /** The browser said it is offline (connectivity event), and nothing said online since. */
  offlineSignal: boolean;
  /** When the browser last said offline (the event's own time); older saved states lack it. */
  offlineAt?: number;
  control: CheckResult | null;
  /** Non-Meta destinations: latest success, and a streak of failures of one class. */
  otherOkAt: number | null;
  otherFail: { cls: number; n: number; start: number; last: number } | null;
  /** Last success anywhere (any platform, other host, control): clears offline suspicions. */
  anyOkAt: number | null;
  /** When each check (kind:target) was last asked for or seen, for rate limiting. */
  asked: Record<string, number>;
}

export interface EngineState {
  version: number;
  global: GlobalState;
  platforms: Record<PlatformId, PlatformState>;
  dedup: DedupState;
}

export const emptyFail = (): FailStreak => ({
  n: 0,
  w: 0,
  strong: 0,
  checks: 0,
  start: 0,
  last: 0,
  cls: new Array<number>(NCLASS).fill(0),
});
export const emptyOk = (): OkStreak => ({ n: 0, w: 0, start: 0, probe: false, strong: 0 });

/** Empties a streak in place: a success ends a failure streak thousands of times a second. */
export function clearFail(f: FailStreak): void {
  f.n = f.w = f.strong = f.checks = f.start = f.last = 0;
  f.cls.fill(0);
}

export function clearOk(o: OkStreak): void {
  o.n = o.w = o.start = o.strong = 0;
  o.probe = false;
}

export function newPlatformState(): PlatformState {
  return {
    win: newWindow(),
    short: newWindow(SHORT_BUCKETS),
    fail: emptyFail(),
    ok: emptyOk(),
    status: 'unknown',
    cause: 'none',
    scope: 'none',
    since: null,
    updatedAt: null,
    inUse: false,
    lastSuccessAt: null,
    lastFailureAt: null,
    firstFailureAt: null,
    cleanSince: 0,
    recoveredAt: null,
    unstable: false,
    hosts: [],
    probe: null,
    dns: null,
    okCheckAt: null,
    failedCheckAt: null,
    pageFailureAt: null,
  };
}

export function newEngineState(): EngineState {
  return {
    version: STATE_VERSION,
    global: { now: 0, offlineSignal: false, control: null, otherOkAt: null, otherFail: null, anyOkAt: null, asked: {} },
    platforms: { whatsapp: newPlatformState(), facebook: newPlatformState(), instagram: newPlatformState() },
    dedup: { ring: [], next: 0 },
  };
}
