/** Reading stored history: validated, never trusted. */
import { CAUSES, PLATFORMS, SCOPES } from '../core/types';
import type { Episode } from '../shared/history';
import { isHostname } from '../ui/report';

const fin = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** Keeps only well-formed episodes; a corrupt entry is dropped, not shown half-broken. */
export function normalizeHistory(raw: unknown): Episode[] {
  if (!Array.isArray(raw)) return [];
  const out: Episode[] = [];
  for (const e of raw.slice(-500)) {
    if (!e || typeof e !== 'object') continue;
    const o = e as Record<string, unknown>;
    const platforms = Array.isArray(o.platforms)
      ? o.platforms.filter((p): p is Episode['platforms'][number] => (PLATFORMS as readonly unknown[]).includes(p))
      : [];
    if (!platforms.length || !fin(o.start)) continue;
    const end = fin(o.end) && o.end >= o.start ? o.end : null;
    const peak = (o.peak && typeof o.peak === 'object' ? o.peak : {}) as Record<string, unknown>;
    out.push({
      id: typeof o.id === 'string' ? o.id : `${o.start}`,
      platforms,
      start: o.start,
      end,
      cause: (CAUSES as readonly unknown[]).includes(o.cause) ? (o.cause as Episode['cause']) : 'unknown',
      scope: (SCOPES as readonly unknown[]).includes(o.scope) ? (o.scope as Episode['scope']) : 'none',
      worst: o.worst === 'degraded' ? 'degraded' : 'down',
      peak: {
        failed: fin(peak.failed) ? peak.failed : 0,
        total: fin(peak.total) ? peak.total : 0,
        byClass: {},
        hosts: Array.isArray(peak.hosts) ? peak.hosts.filter(isHostname).slice(0, 5) : [],
      },
    });
  }
  return out.sort((a, b) => b.start - a.start);
}
