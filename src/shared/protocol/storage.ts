/**
 * The storage table: every key Nazar keeps and the area that holds it. storage.session survives a
 * background restart (not a browser restart) and is readable by the extension's own pages, not by
 * content scripts; storage.local survives both.
 *
 * Each key is read back by its readers' own decoder, named below. The table holds keys and areas
 * only, no decoders: every surface that reads a key (the popup, the background, the on-demand
 * bundle) imports this table, and a decoder in it would be bundled by all of them.
 */

export type StorageAreaName = 'session' | 'local';

export interface StoredItem {
  key: string;
  area: StorageAreaName;
}

const item = (key: string, area: StorageAreaName): StoredItem => ({ key, area });

export const STORED = {
  /** The engine's serialised state (versioned); read by Engine.restore. */
  engine: item('nazar:engine', 'session'),
  /** The latest StatusReport, so a popup opened while the background sleeps renders at once; read by the pages (report.ts decodeReport). */
  report: item('nazar:report', 'session'),
  /** Notification/episode bookkeeping that must survive a background restart; read by normalizeEpisodeState. */
  episodes: item('nazar:episodes', 'session'),
  /** The user's Settings; read by decodeSettings. */
  settings: item('nazar:settings', 'local'),
  /** Episode[] (capped); read by the background's normalizeHistory and the popup's decodeHistory (history.ts). */
  history: item('nazar:history', 'local'),
  /**
   * The "check from other networks" choices (consent, automatic runs). Read by the on-demand
   * bundle with its own decoder (src/vantage/settings.ts normalizeOtherNetworks), which the
   * background and the first render do not carry.
   */
  otherNetworks: item('nazar:otherNetworks', 'local'),
} satisfies Record<string, StoredItem>;

export type StoredName = keyof typeof STORED;
