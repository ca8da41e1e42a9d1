/** Evidence for the UIs: counts by class over the recent window, hosts, times, what the checks said. */
import type { GlobalState, PlatformState } from './state';
import { ERROR_CLASSES, type ErrorClass, type Evidence } from './types';
import { IGNORE, NCLASS, OK, sumWindow, WINDOW_MS } from './window';

export function buildEvidence(p: PlatformState, g: GlobalState, now: number): Evidence {
  const sums = sumWindow(p.win, now, WINDOW_MS);
  const byClass: Partial<Record<ErrorClass, number>> = {};
  for (let c = 0; c < NCLASS; c++) {
    if (c === IGNORE) continue;
    const n = sums.n[c]!;
    if (n > 0) byClass[ERROR_CLASSES[c]!] = n;
  }
  const hosts = p.hosts
    .filter((h) => now - h[2] <= WINDOW_MS)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map((h) => h[0]);
  const checks: Evidence['checks'] = {};
  if (p.probe) checks.platform = { ...p.probe };
  if (g.control) checks.control = { ...g.control };
  if (p.dns) checks.dns = { ...p.dns };
  return {
    windowMs: WINDOW_MS,
    total: sums.n[OK]! + sums.failN,
    failed: sums.failN,
    byClass,
    hosts,
    firstFailureAt: p.status === 'down' || p.status === 'degraded' ? p.firstFailureAt : null,
    lastSuccessAt: p.lastSuccessAt,
    lastFailureAt: p.lastFailureAt,
    checks,
  };
}
