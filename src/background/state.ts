/**
 * The background's state as one value, and its reactions as data: `react(state, change)` returns
 * the next state and the effects to carry out. Pure: no browser API, no clock (a change brings the
 * engine's view, which holds the time). The engine keeps its own detection state (src/core, stored
 * as it is); background.ts owns the one current `BackgroundState` and turns browser events into
 * changes, effects.ts carries the effects out.
 */
import type { PlatformId, PlatformReport } from '../core/types';
import type { Episode } from '../shared/protocol/episode';
import type { LiveUpdate, StatusReport } from '../shared/protocol/messages';
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../shared/protocol/settings';
import type { StoredName } from '../shared/protocol/storage';
import { type EpisodeState, emptyEpisodeState, episodeDeadline, stepEpisodes, withSent } from './episodes';
import { upsertEpisode } from './history';

export interface BackgroundState {
  settings: Settings;
  /** Episodes, newest first (storage.local). */
  history: Episode[];
  /** The open episode and the notifications sent for it (storage.session). */
  episodes: EpisodeState;
  /** The user leaves Nazar its access to the watched sites. */
  hostPermissions: boolean;
  /** When the last round of Nazar's own checks ended. */
  lastCheckAt: number | null;
}

export const initialState = (): BackgroundState => ({
  settings: DEFAULT_SETTINGS,
  history: [],
  episodes: emptyEpisodeState(),
  hostPermissions: true,
  lastCheckAt: null,
});

/** What the engine says at `now`. */
export interface EngineView {
  now: number;
  online: boolean;
  platforms: Record<PlatformId, PlatformReport>;
  /** When the engine must look again even if nothing happens (a re-check, a window sliding), or null. */
  nextDeadline: number | null;
  /** A round of checks is running. */
  checking: boolean;
}

export type Change =
  /**
   * State read back from storage, then the events queued meanwhile fed to the engine (`fedQueued`:
   * there were some); `historyChanged`: restoring closed stale episodes.
   */
  | { kind: 'started'; fedQueued: boolean; historyChanged: boolean; view: EngineView }
  /** An event reached the engine (or was refused by it) and changed no verdict: only the evidence moved. */
  | { kind: 'evidence' }
  /** Events reached the engine and changed a verdict. */
  | { kind: 'verdicts'; view: EngineView }
  /** A deadline passed (the engine's or an episode's grace period). */
  | { kind: 'tick'; view: EngineView }
  /** A round of Nazar's own checks was fed to the engine. */
  | { kind: 'checked'; view: EngineView }
  /** Every round asked for has run. */
  | { kind: 'checks-idle'; nextDeadline: number | null }
  /** Other networks' answer was fed to the engine (issue 18). */
  | { kind: 'second-opinion'; view: EngineView }
  | { kind: 'permissions'; granted: boolean; view: EngineView }
  | { kind: 'settings'; patch: SettingsPatch; view: EngineView }
  | { kind: 'history-cleared' }
  /** A notification was shown: its id joins the bookkeeping's list of those sent lately. */
  | { kind: 'notified'; id: string };

export type Effect =
  /** The key's stored value is out of date: the throttled write chain writes it, produced when written. */
  | { kind: 'store'; key: Exclude<StoredName, 'otherNetworks'> }
  /** Write everything pending now (a user's action waits for it). */
  | { kind: 'flush' }
  | { kind: 'badge'; report: StatusReport }
  | { kind: 'push'; update: LiveUpdate }
  /** Open pages get the new evidence within a second, not on every event of a storm. */
  | { kind: 'push-soon' }
  /**
   * A notification, sent once the episode's bookkeeping (its `notifiedOutage`/`notifiedBack`, set
   * by this same reaction) is stored: stopped in between, one may be missed, none is sent twice.
   * Sent only if notifications are still switched on then.
   */
  | { kind: 'notify'; notice: 'outage' | 'back'; episode: Episode; lastedMs: number }
  /** Tick again at this time (null: nothing to wait for). */
  | { kind: 'wake-at'; when: number | null }
  /**
   * Run the checks the engine finds due: `now`; `now-and-hold`, holding evidence-only asks for a
   * second after (a verdict changed); `held`, at most once a second (evidence in a storm).
   */
  | { kind: 'check-due'; pace: 'now' | 'now-and-hold' | 'held' };

export interface Reaction {
  state: BackgroundState;
  effects: readonly Effect[];
}

/** The report every surface reads: the engine's view and what the background knows besides. */
export const statusReport = (s: BackgroundState, v: EngineView): StatusReport => ({
  generatedAt: v.now,
  online: v.online,
  platforms: v.platforms,
  hostPermissions: s.hostPermissions,
  lastCheckAt: s.lastCheckAt,
  checking: v.checking,
});

/** The next tick: the engine's deadline or the end of an episode's grace period, whichever is first. */
const wakeAt = (s: BackgroundState, engineDeadline: number | null): Effect => {
  const deadlines = [engineDeadline, episodeDeadline(s.episodes)].filter((d): d is number => d !== null);
  return { kind: 'wake-at', when: deadlines.length ? Math.min(...deadlines) : null };
};

/**
 * Everything that follows a change of verdicts, or of what is shown about them: the report stored,
 * on the badge and in open pages, the episode stepped, the next tick planned. `before` and `after`:
 * the change's own effects around these.
 */
function shown(state: BackgroundState, view: EngineView, before: Effect[], after: Effect[] = []): Reaction {
  const report = statusReport(state, view);
  const effects: Effect[] = [
    ...before,
    { kind: 'store', key: 'report' },
    { kind: 'badge', report },
    { kind: 'push', update: { type: 'status', report } },
  ];
  const step = stepEpisodes(state.episodes, view.platforms, view.now, { probeOff: !state.settings.checks.platform });
  let { history } = state;
  if (step.state !== state.episodes) effects.push({ kind: 'store', key: 'episodes' });
  for (const a of step.actions) {
    if (a.kind === 'save') {
      history = upsertEpisode(history, a.episode, view.now);
      effects.push({ kind: 'store', key: 'history' });
    } else {
      const notice = a.kind === 'notify-outage' ? 'outage' : 'back';
      effects.push({
        kind: 'notify',
        notice,
        episode: a.episode,
        lastedMs: (a.episode.end ?? view.now) - a.episode.start,
      });
    }
  }
  const next = { ...state, history, episodes: step.state };
  return { state: next, effects: [...effects, wakeAt(next, view.nextDeadline), ...after] };
}

const ENGINE: Effect = { kind: 'store', key: 'engine' };
/** Evidence only, the storm's case: one list for every event, not four new objects each. */
const EVIDENCE_EFFECTS: readonly Effect[] = Object.freeze([
  ENGINE,
  { kind: 'store', key: 'report' },
  { kind: 'push-soon' },
  { kind: 'check-due', pace: 'held' },
]);

export function react(state: BackgroundState, change: Change): Reaction {
  switch (change.kind) {
    case 'started': {
      const before: Effect[] = [];
      if (change.historyChanged) before.push({ kind: 'store', key: 'history' });
      if (change.fedQueued) before.push(ENGINE);
      return shown(state, change.view, before, [{ kind: 'check-due', pace: 'now' }]);
    }
    case 'evidence':
      // The stored report and open pages catch up lazily: cheap in a storm.
      return { state, effects: EVIDENCE_EFFECTS };
    case 'verdicts':
      // Would a check settle the new doubt? Asked at once; evidence after it waits its second.
      return shown(state, change.view, [ENGINE], [{ kind: 'check-due', pace: 'now-and-hold' }]);
    case 'tick':
      return shown(state, change.view, [ENGINE], [{ kind: 'check-due', pace: 'now' }]);
    case 'checked':
      // Even without a verdict change: a failed check may be what an outage notification waited for.
      return shown({ ...state, lastCheckAt: change.view.now }, change.view, [ENGINE]);
    case 'checks-idle':
      // The engine's next re-check (while in doubt or an outage) is one of its deadlines.
      return { state, effects: [wakeAt(state, change.nextDeadline)] };
    case 'second-opinion':
      // Even without a verdict change the report must carry the new evidence at once.
      return shown(state, change.view, [ENGINE]);
    case 'permissions':
      if (change.granted === state.hostPermissions) return { state, effects: [] };
      return shown({ ...state, hostPermissions: change.granted }, change.view, []);
    case 'settings': {
      const settings = applySettingsPatch(state.settings, change.patch);
      // Stored before anything shows them: the user's answer waits for the write.
      return shown({ ...state, settings }, change.view, [
        { kind: 'store', key: 'settings' },
        { kind: 'flush' },
        { kind: 'push', update: { type: 'settings', settings } },
      ]);
    }
    case 'history-cleared':
      return { state: { ...state, history: [] }, effects: [{ kind: 'store', key: 'history' }, { kind: 'flush' }] };
    case 'notified':
      return {
        state: { ...state, episodes: withSent(state.episodes, change.id) },
        effects: [{ kind: 'store', key: 'episodes' }],
      };
  }
}
