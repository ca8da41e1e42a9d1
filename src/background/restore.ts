/**
 * Reads everything back from storage at start-up. Unreadable or older data gives a clean state and
 * a console warning, never a crash; after a browser restart (storage.session empty) an episode
 * still marked as ongoing in history is closed, so no stale outage is shown as current.
 */
import type { DetectionEngine } from '../core/api';
import type { Episode } from '../shared/protocol/episode';
import { decodeSettings, type Settings } from '../shared/protocol/settings';
import { STORED } from '../shared/protocol/storage';
import type { BackgroundDeps } from './deps';
import { type EpisodeState, emptyEpisodeState, normalizeEpisodeState } from './episodes';
import { closeStaleEpisodes, normalizeHistory } from './history';
import { keysIn } from './wiring';

export const SESSION_KEYS: string[] = keysIn('session');

export interface RestoredState {
  engine: DetectionEngine;
  settings: Settings;
  history: Episode[];
  episodes: EpisodeState;
  historyChanged: boolean;
}

async function safeGet(area: BackgroundDeps['storage']['session'], keys: string[]): Promise<Record<string, unknown>> {
  try {
    const got = await area.get(keys);
    return got && typeof got === 'object' ? got : {};
  } catch (e) {
    console.warn('nazar: storage read failed; starting clean', e);
    return {};
  }
}

export function restoreEngine(factory: BackgroundDeps['factory'], raw: unknown): DetectionEngine {
  try {
    const { engine, warning } = factory.restore(raw);
    if (warning) console.warn(`nazar: engine state not restored: ${warning}`);
    return engine;
  } catch (e) {
    console.warn('nazar: engine state unreadable; starting clean', e);
    return factory.restore(undefined).engine;
  }
}

export async function restoreState(deps: BackgroundDeps): Promise<RestoredState> {
  const [session, local] = await Promise.all([
    safeGet(deps.storage.session, SESSION_KEYS),
    safeGet(deps.storage.local, keysIn('local')),
  ]);
  const now = deps.now();
  const engine = restoreEngine(deps.factory, session[STORED.engine.key]);
  const episodes =
    STORED.episodes.key in session ? normalizeEpisodeState(session[STORED.episodes.key]) : emptyEpisodeState();
  const loaded = normalizeHistory(local[STORED.history.key], now);
  const history = closeStaleEpisodes(loaded, episodes.current?.id ?? null, now);
  const historyChanged =
    JSON.stringify(history) !== JSON.stringify(local[STORED.history.key] ?? []) &&
    local[STORED.history.key] !== undefined;
  if (STORED.settings.key in local && typeof local[STORED.settings.key] !== 'object') {
    console.warn('nazar: stored settings unreadable; using defaults');
  }
  return { engine, settings: decodeSettings(local[STORED.settings.key]), history, episodes, historyChanged };
}
