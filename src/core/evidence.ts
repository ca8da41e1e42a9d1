/** Evidence for the UIs: counts by class over the recent window, hosts, times, what the checks said. */
import type { GlobalState, PlatformState } from './state';
import { ERROR_CLASSES, type ErrorClass, type Evidence } from './types';
import { IGNORE, NCLASS, OK, sumWindow, WINDOW_MS } from './window';

export function buildEvidence(p: PlatformState, g: GlobalState, now: number): Evidence {
  const failing = p.status === 'down' || p.status === 'degraded';
  // While a problem is young, count only since it began: "203 में से 4 नाकाम" beside "काम नहीं
  // कर रहा" would read as a contradiction; "पिछले 20 सेकंड में 4 में से 4" is what happened.
  const since = failing && p.firstFailureAt !== null && now - p.firstFailureAt < WINDOW_MS ? p.firstFailureAt : null;
  const windowMs = since === null ? WINDOW_MS : Math.max(1_000, now - since);
  const sums = sumWindow(p.win, now, WINDOW_MS, since ?? -Infinity);
  const byClass: Partial<Record<ErrorClass, number>> = {};
  for (let c = 0; c < NCLASS; c++) {
    if (c === IGNORE) continue;
    const n = sums.n[c]!;
    if (n > 0) byClass[ERROR_CLASSES[c]!] = n;
  }
  const hosts = p.hosts
    .filter((h) => now - h[2] <= windowMs)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map((h) => h[0]);
  const checks: Evidence['checks'] = {};
  if (p.probe) checks.platform = { ...p.probe };
  if (g.control) checks.control = { ...g.control };
  if (p.dns) checks.dns = { ...p.dns };
  return {
    windowMs,
    total: sums.n[OK]! + sums.failN,
    failed: sums.failN,
    byClass,
    hosts,
    firstFailureAt: failing ? p.firstFailureAt : null,
    lastSuccessAt: p.lastSuccessAt,
    lastFailureAt: p.lastFailureAt,
    pageFailureAt: p.pageFailureAt ?? null,
    checks,
  };
}
