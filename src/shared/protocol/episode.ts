/**
 * One outage episode, as kept in storage.local (history) and sent to the popup. Hostnames, classes,
 * counts and times only. `decodeEpisode` is the one reading of an episode, for storage and messages.
 */
import { CAUSES, type Cause, type ErrorClass, type PlatformId, SCOPES, type Scope } from '../../core/types';
import { count, hostList, isPlatformId, obj, oneOf, time } from './values';

export interface Episode {
  id: string;
  platforms: PlatformId[];
  start: number;
  /** null while the episode is still going on. */
  end: number | null;
  cause: Cause;
  scope: Scope;
  /** Worst status seen during the episode. */
  worst: 'degraded' | 'down';
  peak: {
    failed: number;
    total: number;
    byClass: Partial<Record<ErrorClass, number>>;
    hosts: string[];
  };
}

/** The most episodes history keeps (the background also drops those older than 90 days). */
export const HISTORY_MAX = 200;

/**
 * An episode from anything, or null when it names no platform or no start. Other bad fields are
 * fixed (an unknown cause reads as 'unknown'), never shown half-broken; hosts that are not plain
 * host names (a URL, a path, markup) are dropped.
 */
export function decodeEpisode(x: unknown): Episode | null {
  const o = obj(x);
  const platforms = Array.isArray(o.platforms) ? o.platforms.filter(isPlatformId) : [];
  const start = o.start as number; // checked next: Number.isFinite is false for a non-number
  if (!platforms.length || !Number.isFinite(start) || start < 0) return null;
  const end = time(o.end);
  const peak = obj(o.peak);
  return {
    id: typeof o.id === 'string' ? o.id : `${start}`,
    platforms,
    start,
    end: end !== null && end >= start ? end : null,
    cause: oneOf<Cause>(CAUSES, o.cause, 'unknown'),
    scope: oneOf<Scope>(SCOPES, o.scope, 'none'),
    worst: o.worst === 'degraded' ? 'degraded' : 'down',
    peak: {
      failed: count(peak.failed),
      total: count(peak.total),
      // Per-class counts are not shown: only the background keeps them (background/history.ts).
      byClass: {},
      hosts: hostList(peak.hosts),
    },
  };
}
