/**
 * Reads a StatusReport from anything (storage, a message): what does not fit is replaced by a
 * safe default, so a corrupt or forged value renders as "no information" and never crashes.
 */
import {
  CAUSES,
  type Cause,
  type CheckResult,
  type DnsCheckResult,
  type Evidence,
  PLATFORMS,
  type PlatformId,
  type PlatformReport,
  SCOPES,
  type Scope,
  STATUSES,
  type Status,
} from '../../core/types';
import type { PageStatus, StatusReport } from './messages';
import { count, hostList, obj, oneOf, time } from './values';

function check(x: unknown): CheckResult | undefined {
  const o = obj(x);
  const at = time(o.at);
  if (at === null || typeof o.ok !== 'boolean') return undefined;
  const r: CheckResult = { at, ok: o.ok };
  if (typeof o.statusCode === 'number' && o.statusCode >= 100 && o.statusCode < 600) r.statusCode = o.statusCode;
  return r;
}

function dnsCheck(x: unknown): DnsCheckResult | undefined {
  const o = obj(x);
  const at = time(o.at);
  if (at === null || typeof o.status !== 'number') return undefined;
  const r: DnsCheckResult = { at, status: count(o.status), answers: count(o.answers) };
  if (typeof o.inMetaSpace === 'boolean') r.inMetaSpace = o.inMetaSpace;
  return r;
}

/** Evidence of nothing seen: what a missing or unreadable `evidence` becomes. */
export const emptyEvidence = (): Evidence => evidence(undefined);

function evidence(x: unknown): Evidence {
  const o = obj(x);
  const c = obj(o.checks);
  const total = count(o.total);
  const ev: Evidence = {
    windowMs: count(o.windowMs) || 120_000,
    total,
    failed: Math.min(total, count(o.failed)),
    // Per-class counts are not shown by the pages, so they are not carried over.
    byClass: {},
    hosts: hostList(o.hosts),
    firstFailureAt: time(o.firstFailureAt),
    lastSuccessAt: time(o.lastSuccessAt),
    lastFailureAt: time(o.lastFailureAt),
    checks: {},
  };
  const platform = check(c.platform);
  const control = check(c.control);
  const dns = dnsCheck(c.dns);
  if (platform) ev.checks.platform = platform;
  if (control) ev.checks.control = control;
  if (dns) ev.checks.dns = dns;
  return ev;
}

function verdict(id: PlatformId, x: unknown): PlatformReport['verdict'] {
  const v = obj(x);
  return {
    platform: id,
    status: oneOf<Status>(STATUSES, v.status, 'unknown'),
    cause: oneOf<Cause>(CAUSES, v.cause, 'unknown'),
    scope: oneOf<Scope>(SCOPES, v.scope, 'none'),
    since: time(v.since),
    updatedAt: time(v.updatedAt),
  };
}

function platformReport(id: PlatformId, x: unknown): PlatformReport {
  const o = obj(x);
  return { verdict: verdict(id, o.verdict), evidence: evidence(o.evidence) };
}

/** null when there is nothing usable at all (no report yet). */
export function decodeReport(raw: unknown): StatusReport | null {
  const o = obj(raw);
  if (!o.platforms || typeof o.platforms !== 'object') return null;
  const p = obj(o.platforms);
  const platforms = Object.fromEntries(PLATFORMS.map((id) => [id, platformReport(id, p[id])])) as Record<
    PlatformId,
    PlatformReport
  >;
  return {
    generatedAt: time(o.generatedAt) ?? 0,
    online: typeof o.online === 'boolean' ? o.online : null,
    platforms,
    hostPermissions: o.hostPermissions !== false,
    lastCheckAt: time(o.lastCheckAt),
    checking: o.checking === true,
  };
}

/** What the banner reads: its platform's verdict (all the background sends a content script) and when it was made. */
export interface PageReport extends Pick<PlatformReport, 'verdict'> {
  generatedAt: number;
}

/** This platform's verdict from a PageStatus-shaped value, or null when it is not one. */
export function decodePageReport(x: unknown, platform: PlatformId): PageReport | null {
  const o = obj(x) as Partial<PageStatus>;
  const v = obj(obj(obj(o.platforms)[platform]).verdict);
  if (typeof v.status !== 'string') return null;
  // Values outside the engine's vocabulary read as "nothing known", never as a fault.
  return { generatedAt: time(o.generatedAt) ?? 0, verdict: verdict(platform, v) };
}
