/**
 * Episode history in storage.local: capped at 200 episodes and 90 days, hostnames/classes/counts
 * only. Pure functions over the list; the worker reads and writes it through its write chain.
 */
import { shownHosts } from '../core/catalogue';
import { CAUSES, ERROR_CLASSES, PLATFORMS, SCOPES } from '../core/types';
import type { Episode } from '../shared/history';

export const HISTORY_MAX = 200;
export const HISTORY_MAX_AGE_MS = 90 * 24 * 3600_000;

const HOST = /^[a-z0-9.-]{1,253}$/i;

function cleanEpisode(x: unknown): Episode | null {
  if (typeof x !== 'object' || x === null) return null;
  const e = x as Record<string, unknown>;
  const peak = (typeof e.peak === 'object' && e.peak !== null ? e.peak : null) as Record<string, unknown> | null;
  if (
    typeof e.id !== 'string' ||
    !Array.isArray(e.platforms) ||
    !e.platforms.every((p) => (PLATFORMS as readonly unknown[]).includes(p)) ||
    typeof e.start !== 'number' ||
    !(e.end === null || typeof e.end === 'number') ||
    !(CAUSES as readonly unknown[]).includes(e.cause) ||
    !(SCOPES as readonly unknown[]).includes(e.scope) ||
    (e.worst !== 'down' && e.worst !== 'degraded') ||
    !peak
  )
    return null;
  const byClass: Episode['peak']['byClass'] = {};
  if (typeof peak.byClass === 'object' && peak.byClass !== null) {
    for (const [k, n] of Object.entries(peak.byClass)) {
      if ((ERROR_CLASSES as readonly string[]).includes(k) && typeof n === 'number') {
        byClass[k as keyof typeof byClass] = n;
      }
    }
  }
  return {
    id: e.id,
    platforms: e.platforms as Episode['platforms'],
    start: e.start,
    end: e.end as number | null,
    cause: e.cause as Episode['cause'],
    scope: e.scope as Episode['scope'],
    worst: e.worst,
    peak: {
      failed: typeof peak.failed === 'number' ? peak.failed : 0,
      total: typeof peak.total === 'number' ? peak.total : 0,
      byClass,
      // Hostnames only (anything that looks like a URL or path is dropped), and only known names or
      // their catalogue domain: an older version may have stored a label a page chose.
      hosts: shownHosts(
        Array.isArray(peak.hosts) ? peak.hosts.filter((h): h is string => typeof h === 'string' && HOST.test(h)) : [],
      ),
    },
  };
}

/** Whatever storage holds → a valid, capped, newest-first list. */
export function normalizeHistory(raw: unknown, now: number): Episode[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    console.warn('nazar: stored history unreadable; starting with an empty history');
    return [];
  }
  const list = raw.map(cleanEpisode).filter((e): e is Episode => e !== null);
  if (list.length !== raw.length) console.warn(`nazar: dropped ${raw.length - list.length} unreadable history entries`);
  return capHistory(list, now);
}

export function capHistory(list: Episode[], now: number): Episode[] {
  return list
    .filter((e) => (e.end ?? now) >= now - HISTORY_MAX_AGE_MS)
    .sort((a, b) => b.start - a.start)
    .slice(0, HISTORY_MAX);
}

export function upsertEpisode(list: Episode[], episode: Episode, now: number): Episode[] {
  const clean = cleanEpisode(episode);
  if (!clean) return list;
  return capHistory([clean, ...list.filter((e) => e.id !== clean.id)], now);
}

/**
 * After a browser restart the in-memory/session episode is gone, so an entry still marked as
 * ongoing is stale: close it (at the time we noticed) so no old outage shows as current.
 */
export function closeStaleEpisodes(list: Episode[], openId: string | null, now: number): Episode[] {
  return list.map((e) => (e.end === null && e.id !== openId ? { ...e, end: Math.max(e.start, now) } : e));
}
