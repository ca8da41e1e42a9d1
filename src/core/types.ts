/**
 * The vocabulary shared by the detection engine, the worker and every UI.
 * The string values are part of the replay contract (docs/trace-format.md): never rename them.
 */

export const PLATFORMS = ['whatsapp', 'facebook', 'instagram'] as const;
export type PlatformId = (typeof PLATFORMS)[number];

export const STATUSES = ['up', 'degraded', 'down', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

export const CAUSES = ['none', 'offline', 'dns', 'local-dns', 'unreachable', 'server', 'tls', 'unknown'] as const;
export type Cause = (typeof CAUSES)[number];

export const SCOPES = ['none', 'you', 'network', 'platform', 'meta'] as const;
export type Scope = (typeof SCOPES)[number];

/** What one observed request (or check) says, after both browsers' strings are normalised. */
export const ERROR_CLASSES = ['ok', 'ignore', 'offline', 'dns', 'unreachable', 'tls', 'server', 'unknown'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export type CheckTarget = 'control' | PlatformId;

/** A verdict line exactly as the replay prints it. */
export interface VerdictChange {
  timeStamp: number;
  platform: PlatformId;
  status: Status;
  cause: Cause;
  scope: Scope;
}

export interface CheckResult {
  at: number;
  ok: boolean;
  /** HTTP status when the check got a response. */
  statusCode?: number;
  /** Normalised class of the failure, when it failed. */
  errorClass?: ErrorClass;
}

export interface DnsCheckResult {
  at: number;
  /** DNS RCODE from the DoH JSON API: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN. */
  status: number;
  answers: number;
  /** false when the answers point outside Meta's address space (a poisoned resolver). */
  inMetaSpace?: boolean;
}

/** What the UIs show as proof. Only hostnames, classes, counts and times: never URLs or paths. */
export interface Evidence {
  /** Length of the recent window the counts cover, in ms. */
  windowMs: number;
  /** Requests seen in the window (ignored ones excluded). */
  total: number;
  /** Of those, how many failed. */
  failed: number;
  byClass: Partial<Record<ErrorClass, number>>;
  /** Hostnames that failed in the window, most failures first (at most a handful). */
  hosts: string[];
  /** When the current problem started (first failure of the episode), if any. */
  firstFailureAt: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  /** Last failure of a request made by the platform's own open page (not a load the user typed). */
  pageFailureAt?: number | null;
  checks: {
    platform?: CheckResult;
    control?: CheckResult;
    dns?: DnsCheckResult;
  };
}

export interface Verdict {
  platform: PlatformId;
  status: Status;
  cause: Cause;
  scope: Scope;
  /** When this status began (trace time). */
  since: number | null;
  /** Last time the engine looked at this platform (trace time). */
  updatedAt: number | null;
}

export interface PlatformReport {
  verdict: Verdict;
  evidence: Evidence;
}

/** An active check the engine would like made; the worker performs it and feeds the result back. */
export interface CheckRequest {
  kind: 'probe' | 'dns';
  /** 'control' for the neutral connectivity endpoint, or a platform id. */
  target: CheckTarget;
  reason: 'first-failures' | 'confirm' | 'recovery' | 'doubt';
}
