/**
 * Episode history in storage.local: capped at 200 episodes and 90 days, hostnames/classes/counts
 * only. Pure functions over the list; the worker reads and writes it through its write chain.
 */
import { shownHosts } from '../core/catalogue';
import { ERROR_CLASSES, type ErrorClass } from '../core/types';
import { decodeEpisode, type Episode, HISTORY_MAX } from '../shared/protocol/episode';

export { HISTORY_MAX };
export const HISTORY_MAX_AGE_MS = 90 * 24 * 3600_000;

/**
 * The protocol's reading of an episode, with its per-class counts (kept here only: no page shows
 * them), and only known host names or their catalogue domain: an older version may have stored a
 * label a page chose.
 */
function cleanEpisode(x: unknown): Episode | null {
  const e = decodeEpisode(x);
  if (!e) return null;
  const byClass: Episode['peak']['byClass'] = {};
  const raw = (x as Episode).peak?.byClass;
  for (const [k, n] of Object.entries(typeof raw === 'object' && raw !== null ? raw : {}))
    if ((ERROR_CLASSES as readonly string[]).includes(k) && typeof n === 'number') byClass[k as ErrorClass] = n;
  return { ...e, peak: { ...e.peak, byClass, hosts: shownHosts(e.peak.hosts) } };
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
