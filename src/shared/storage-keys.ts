/**
 * Where each piece of state lives. storage.session survives worker restarts (not browser restarts)
 * and is readable by the extension's own pages, not by content scripts; storage.local survives both.
 */
export const STORAGE = {
  /** storage.session: the engine's serialised state (versioned). */
  engine: 'nazar:engine',
  /** storage.session: the latest StatusReport, so a popup opened while the worker sleeps renders at once. */
  report: 'nazar:report',
  /** storage.session: notification/episode bookkeeping that must survive a worker restart. */
  episodes: 'nazar:episodes',
  /** storage.local: Settings. */
  settings: 'nazar:settings',
  /** storage.local: Episode[] (capped). */
  history: 'nazar:history',
} as const;
