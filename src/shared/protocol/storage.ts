/**
 * The storage table: every key Nazar keeps, the area that holds it, and how it is read back.
 * storage.session survives a background restart (not a browser restart) and is readable by the
 * extension's own pages, not by content scripts; storage.local survives both.
 */
import { decodeHistory } from './episode';
import { decodeSettings } from './settings';

export type StorageAreaName = 'session' | 'local';

export interface StoredItem<T> {
  key: string;
  area: StorageAreaName;
  decode(raw: unknown): T;
}

/**
 * Read back by its one reader with a decoder of its own: the background's state (Engine.restore,
 * normalizeEpisodeState), and the report, which only the pages read (report.ts decodeReport: not
 * imported here, so that the background, which never reads the report back, does not bundle it).
 */
const own = (raw: unknown): unknown => raw;

const item = <K extends string, T>(key: K, area: StorageAreaName, decode: (raw: unknown) => T) => ({
  key,
  area,
  decode,
});

export const STORED = {
  /** The engine's serialised state (versioned). */
  engine: item('nazar:engine', 'session', own),
  /** The latest StatusReport, so a popup opened while the background sleeps renders at once. */
  report: item('nazar:report', 'session', own),
  /** Notification/episode bookkeeping that must survive a background restart. */
  episodes: item('nazar:episodes', 'session', own),
  /** The user's Settings. */
  settings: item('nazar:settings', 'local', decodeSettings),
  /** Episode[] (capped). */
  history: item('nazar:history', 'local', decodeHistory),
  /**
   * The "check from other networks" choices (consent, automatic runs). Read by the on-demand
   * bundle with its own decoder (src/vantage/settings.ts normalizeOtherNetworks), which the
   * background and the first render do not carry.
   */
  otherNetworks: item('nazar:otherNetworks', 'local', own),
} satisfies Record<string, StoredItem<unknown>>;

export type StoredName = keyof typeof STORED;
