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

export const STORED = {
  /** The engine's serialised state (versioned). */
  engine: { key: 'nazar:engine', area: 'session', decode: own },
  /** The latest StatusReport, so a popup opened while the background sleeps renders at once. */
  report: { key: 'nazar:report', area: 'session', decode: own },
  /** Notification/episode bookkeeping that must survive a background restart. */
  episodes: { key: 'nazar:episodes', area: 'session', decode: own },
  /** The user's Settings. */
  settings: { key: 'nazar:settings', area: 'local', decode: decodeSettings },
  /** Episode[] (capped). */
  history: { key: 'nazar:history', area: 'local', decode: decodeHistory },
} as const satisfies Record<string, StoredItem<unknown>>;

export type StoredName = keyof typeof STORED;

/** Each item's storage key, by name. */
export const STORAGE = Object.fromEntries(Object.entries(STORED).map(([name, item]) => [name, item.key])) as {
  readonly [N in StoredName]: (typeof STORED)[N]['key'];
};

/** The keys an area holds. */
export const keysIn = (area: StorageAreaName): string[] =>
  Object.values(STORED)
    .filter((item) => item.area === area)
    .map((item) => item.key);
