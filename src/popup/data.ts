/** Reading protocol data that came from storage or a message: validated, never trusted. */
import type { LiveUpdate } from '../shared/messages';
import { normalizeSettings, type Settings } from '../shared/settings';
import { normalizeReport } from '../ui/report';

export type Update = { report: ReturnType<typeof normalizeReport> } | { settings: Settings };

/** A live-port message, checked: anything else is ignored. */
export function readLiveUpdate(raw: unknown): Update | null {
  if (!raw || typeof raw !== 'object') return null;
  const u = raw as Partial<LiveUpdate> & Record<string, unknown>;
  if (u.type === 'status') {
    const report = normalizeReport(u.report);
    return report ? { report } : null;
  }
  if (u.type === 'settings' && u.settings && typeof u.settings === 'object')
    return { settings: normalizeSettings(u.settings) };
  return null;
}

/** Resolves to undefined after `ms` instead of waiting forever for a sleeping or missing worker. */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}
