import { describe, expect, it } from 'vitest';
import {
  type EpisodeState,
  emptyEpisodeState,
  GRACE_MS,
  normalizeEpisodeState,
  stepEpisodes,
} from '../../../src/background/episodes';
import { PLATFORMS } from '../../../src/core/types';
import { reports } from './reports';

/** Runs a sequence of (time, reports) through the tracker, collecting actions. */
function run(state: EpisodeState, steps: [number, ReturnType<typeof reports>][]) {
  const actions: ReturnType<typeof stepEpisodes>['actions'] = [];
  for (const [t, r] of steps) {
    const s = stepEpisodes(state, r, t);
    state = s.state;
    actions.push(...s.actions);
  }
  return { state, actions, kinds: actions.map((a) => a.kind).filter((k) => k !== 'save') };
}

describe('episodes and notifications', () => {
  it('an outage and its end give exactly one outage and one back notification', () => {
    const { kinds, state, actions } = run(emptyEpisodeState(), [
      [1_000, reports({ instagram: ['down', 'server'] }, 1_000)],
      [2_000, reports({ instagram: ['down', 'server'] })],
      [60_000, reports({})],
      [60_000 + GRACE_MS, reports({})],
    ]);
    expect(kinds).toEqual(['notify-outage', 'notify-back']);
    expect(state.current).toBeNull();
    const saved = actions.filter((a) => a.kind === 'save').at(-1)!.episode;
    expect(saved).toMatchObject({
      platforms: ['instagram'],
      start: 1_000,
      end: 60_000,
      cause: 'server',
      scope: 'platform',
      worst: 'down',
    });
    expect(saved.peak.hosts).toEqual(['www.instagram.com']);
  });

  it('flapping within the grace period stays one episode: at most one notification of each kind', () => {
    const steps: [number, ReturnType<typeof reports>][] = [];
    for (let i = 0; i < 20; i++) {
      steps.push([i * 20_000, reports({ whatsapp: ['down', 'unreachable'] })]);
      steps.push([i * 20_000 + 10_000, reports({})]);
    }
    const { kinds, actions } = run(emptyEpisodeState(), steps);
    expect(kinds.filter((k) => k === 'notify-outage')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'notify-back').length).toBeLessThanOrEqual(1);
    const ids = new Set(actions.map((a) => a.episode.id));
    expect(ids.size).toBe(1);
  });

  it('a restart in the middle (state through JSON) sends no second outage notification', () => {
    const first = run(emptyEpisodeState(), [[1_000, reports({ facebook: ['down', 'dns'] })]]);
    expect(first.kinds).toEqual(['notify-outage']);
    const restored = normalizeEpisodeState(JSON.parse(JSON.stringify(first.state)));
    const second = run(restored, [
      [5_000, reports({ facebook: ['down', 'dns'] })],
      [9_000, reports({ facebook: ['down', 'dns'] })],
    ]);
    expect(second.kinds).toEqual([]);
  });

  it('the 2021 pattern is one Meta-wide episode with all three platforms', () => {
    const { actions } = run(emptyEpisodeState(), [
      [1_000, reports({ whatsapp: ['down', 'dns', 'meta'] })],
      [
        1_500,
        reports({
          whatsapp: ['down', 'dns', 'meta'],
          facebook: ['down', 'dns', 'meta'],
          instagram: ['down', 'dns', 'meta'],
        }),
      ],
    ]);
    const last = actions.at(-1)!.episode;
    expect(new Set(last.platforms)).toEqual(new Set(PLATFORMS));
    expect(last.scope).toBe('meta');
    expect(last.cause).toBe('dns');
  });

  it('the user’s own connection is no outage episode; degraded alone does not notify', () => {
    const offline = run(emptyEpisodeState(), [
      [1, reports({ whatsapp: ['down', 'offline', 'you'], facebook: ['down', 'offline', 'you'] })],
    ]);
    expect(offline.actions).toEqual([]);
    const degraded = run(emptyEpisodeState(), [[1, reports({ instagram: ['degraded', 'server'] })]]);
    expect(degraded.kinds).toEqual([]);
    expect(degraded.state.current?.worst).toBe('degraded');
  });

  it('corrupt stored bookkeeping gives a clean state', () => {
    for (const bad of [42, 'x', { version: 2 }, { version: 1, seq: 1, current: { id: 5 } }, []]) {
      expect(normalizeEpisodeState(bad)).toEqual(emptyEpisodeState());
    }
  });
});
