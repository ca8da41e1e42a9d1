/**
 * Reads everything back from storage at start-up. Unreadable or older data gives a clean state and
 * a console warning, never a crash; after a browser restart (storage.session empty) an episode
 * still marked as ongoing in history is closed, so no stale outage is shown as current.
 */
import type { DetectionEngine } from '../core/api';
import type { Episode } from '../shared/protocol/episode';
import type { Settings } from '../shared/protocol/settings';
import { keysIn, STORAGE, STORED } from '../shared/protocol/storage';
import type { WorkerDeps } from './deps';
import { type EpisodeState, emptyEpisodeState, normalizeEpisodeState } from './episodes';
import { closeStaleEpisodes, normalizeHistory } from './history';

export const SESSION_KEYS: string[] = keysIn('session');

export interface RestoredState {
  engine: DetectionEngine;
  settings: Settings;
  history: Episode[];
  episodes: EpisodeState;
  historyChanged: boolean;
}

async function safeGet(area: WorkerDeps['storage']['session'], keys: string[]): Promise<Record<string, unknown>> {
  try {
    const got = await area.get(keys);
    return got && typeof got === 'object' ? got : {};
  } catch (e) {
    console.warn('nazar: storage read failed; starting clean', e);
    return {};
  }
}

export function restoreEngine(factory: WorkerDeps['factory'], raw: unknown): DetectionEngine {
  try {
    const { engine, warning } = factory.restore(raw);
    if (warning) console.warn(`nazar: engine state not restored: ${warning}`);
    return engine;
  } catch (e) {
    console.warn('nazar: engine state unreadable; starting clean', e);
    return factory.restore(undefined).engine;
  }
}

export async function restoreState(deps: WorkerDeps): Promise<RestoredState> {
  const [session, local] = await Promise.all([
    safeGet(deps.storage.session, SESSION_KEYS),
    safeGet(deps.storage.local, keysIn('local')),
  ]);
  const now = deps.now();
  const engine = restoreEngine(deps.factory, session[STORAGE.engine]);
  const episodes = STORAGE.episodes in session ? normalizeEpisodeState(session[STORAGE.episodes]) : emptyEpisodeState();
  const loaded = normalizeHistory(local[STORAGE.history], now);
  const history = closeStaleEpisodes(loaded, episodes.current?.id ?? null, now);
  const historyChanged =
    JSON.stringify(history) !== JSON.stringify(local[STORAGE.history] ?? []) && local[STORAGE.history] !== undefined;
  if (STORAGE.settings in local && typeof local[STORAGE.settings] !== 'object') {
    console.warn('nazar: stored settings unreadable; using defaults');
  }
  return { engine, settings: STORED.settings.decode(local[STORAGE.settings]), history, episodes, historyChanged };
}
