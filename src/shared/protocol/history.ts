/**
 * The pages' reading of the stored history list. Apart from episode.ts, which the background
 * bundles too: the background reads the list with its own normalizeHistory (background/history.ts),
 * so this decoder would be dead code in the worker.
 */
import { decodeEpisode, type Episode, HISTORY_MAX } from './episode';

/** A history list from anything: the readable episodes, newest first, at most HISTORY_MAX. */
export function decodeHistory(raw: unknown): Episode[] {
  if (!Array.isArray(raw)) return [];
  const out: Episode[] = [];
  for (const x of raw) {
    const e = decodeEpisode(x);
    if (e) out.push(e);
  }
  return out.sort((a, b) => b.start - a.start).slice(0, HISTORY_MAX);
}
