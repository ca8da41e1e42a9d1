/**
 * The background's reactions as data (src/background/state.ts): for each change, the next state and
 * the effects planned, in order. No browser, no timers: `react` is a pure function.
 */
import { describe, expect, it } from 'vitest';
import { GRACE_MS } from '../../../src/background/episodes';
import {
  type BackgroundState,
  type Change,
  type Effect,
  type EngineView,
  initialState,
  react,
} from '../../../src/background/state';
import { reports } from './reports';

const T = 1_700_000_000_000;
const view = (over: Partial<EngineView> = {}): EngineView => ({
  now: T,
  online: true,
  platforms: reports({}, T),
  nextDeadline: null,
  checking: false,
  ...over,
});
const outage = (now = T) => view({ now, platforms: reports({ whatsapp: ['down', 'server'] }, now) });

/** Effects by kind, with the field that tells them apart: "store:engine", "check-due:held", "notify:outage". */
const kinds = (effects: readonly Effect[]) =>
  effects.map((e) => {
    switch (e.kind) {
      case 'store':
        return `store:${e.key}`;
      case 'check-due':
        return `check-due:${e.pace}`;
      case 'notify':
        return `notify:${e.notice}`;
      case 'push':
        return `push:${e.update.type}`;
      case 'wake-at':
        return `wake-at:${e.when === null ? 'never' : e.when - T}`;
      default:
        return e.kind;
    }
  });

/** Deeply frozen: `react` must never change the state it is given. */
function frozen<X>(x: X): X {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) frozen(v);
    Object.freeze(x);
  }
  return x;
}

const shown = ['store:report', 'badge', 'push:status'];

describe('what the background does for each change', () => {
  const cases: { name: string; state?: BackgroundState; change: Change; effects: string[] }[] = [
    {
      name: 'evidence only: stored and pushed lazily, checks at most once a second',
      change: { kind: 'evidence' },
      effects: ['store:engine', 'store:report', 'push-soon', 'check-due:held'],
    },
    {
      name: 'a verdict changed, all fine: shown at once, checks asked at once',
      change: { kind: 'verdicts', view: view() },
      effects: ['store:engine', ...shown, 'wake-at:never', 'check-due:now-and-hold'],
    },
    {
      name: 'a confirmed outage: shown, its episode stored and in history, one notification',
      change: { kind: 'verdicts', view: outage() },
      effects: [
        'store:engine',
        ...shown,
        'store:episodes',
        'store:history',
        'notify:outage',
        'wake-at:never',
        'check-due:now-and-hold',
      ],
    },
    {
      name: 'time passed: shown, the engine asked for due checks without holding the next',
      change: { kind: 'tick', view: view({ nextDeadline: T + 5_000 }) },
      effects: ['store:engine', ...shown, 'wake-at:5000', 'check-due:now'],
    },
    {
      name: 'a round of checks: shown even without a verdict change',
      change: { kind: 'checked', view: view() },
      effects: ['store:engine', ...shown, 'wake-at:never'],
    },
    {
      name: 'all rounds done: only the next tick is planned',
      change: { kind: 'checks-idle', nextDeadline: T + 2_000 },
      effects: ['wake-at:2000'],
    },
    {
      name: "other networks' answer: shown at once",
      change: { kind: 'second-opinion', view: view() },
      effects: ['store:engine', ...shown, 'wake-at:never'],
    },
    {
      name: 'permissions as they were: nothing',
      change: { kind: 'permissions', granted: true, view: view() },
      effects: [],
    },
    {
      name: 'permissions given back: shown',
      state: { ...initialState(), hostPermissions: false },
      change: { kind: 'permissions', granted: true, view: view() },
      effects: [...shown, 'wake-at:never'],
    },
    {
      name: 'permissions withdrawn: shown',
      change: { kind: 'permissions', granted: false, view: view() },
      effects: [...shown, 'wake-at:never'],
    },
    {
      name: 'settings: written first, then pushed and shown',
      change: { kind: 'settings', patch: { language: 'en' }, view: view() },
      effects: ['store:settings', 'flush', 'push:settings', ...shown, 'wake-at:never'],
    },
    {
      name: 'history cleared: written before the user is answered',
      change: { kind: 'history-cleared' },
      effects: ['store:history', 'flush'],
    },
    {
      name: 'a notification shown: its mark stored',
      change: { kind: 'notified', id: 'nazar:outage:1-1' },
      effects: ['store:episodes'],
    },
    {
      name: 'started with nothing queued and history as stored: shown, due checks asked',
      change: { kind: 'started', fedQueued: false, historyChanged: false, view: view() },
      effects: [...shown, 'wake-at:never', 'check-due:now'],
    },
    {
      name: 'started after events were queued and stale episodes closed: both stored',
      change: { kind: 'started', fedQueued: true, historyChanged: true, view: view() },
      effects: ['store:history', 'store:engine', ...shown, 'wake-at:never', 'check-due:now'],
    },
  ];

  it.each(cases)('$name', ({ state = initialState(), change, effects }) => {
    expect(kinds(react(frozen(state), frozen(change)).effects)).toEqual(effects);
  });
});

describe('the next state', () => {
  it('a state no change touches is the same object', () => {
    const s = initialState();
    expect(react(s, { kind: 'evidence' }).state).toBe(s);
    expect(react(s, { kind: 'permissions', granted: true, view: view() }).state).toBe(s);
  });

  it('the report carries what the background knows besides the engine', () => {
    const r = react(initialState(), { kind: 'permissions', granted: false, view: view() });
    expect(r.state.hostPermissions).toBe(false);
    const badge = r.effects.find((e) => e.kind === 'badge');
    expect(badge?.kind === 'badge' && badge.report).toMatchObject({ hostPermissions: false, generatedAt: T });
  });

  it('a round of checks is remembered at the time of its view', () => {
    expect(react(initialState(), { kind: 'checked', view: view({ now: T + 9 }) }).state.lastCheckAt).toBe(T + 9);
  });

  it('notifications off: the outage is still recorded, and its notice planned (dropped when it would be sent: effects.ts)', () => {
    const s = { ...initialState(), settings: { ...initialState().settings, notifications: false } };
    const r = react(frozen(s), { kind: 'verdicts', view: outage() });
    expect(r.state.episodes.current?.notifiedOutage).toBe(true);
    expect(r.state.history).toHaveLength(1);
    expect(kinds(r.effects)).toContain('notify:outage');
  });

  it('history cleared: none left, the open episode kept', () => {
    const during = react(initialState(), { kind: 'verdicts', view: outage() }).state;
    expect(during.history).toHaveLength(1);
    const r = react(frozen(during), { kind: 'history-cleared' });
    expect(r.state.history).toEqual([]);
    expect(r.state.episodes).toBe(during.episodes);
  });

  it('an outage, its end and the grace period: one outage and one back notice, then nothing to wait for', () => {
    let s = initialState();
    const run = (change: Change) => {
      const r = react(frozen(s), change);
      s = r.state;
      return kinds(r.effects);
    };
    expect(run({ kind: 'verdicts', view: outage(T) })).toContain('notify:outage');
    // Fine again: history shows the end at once, and a tick is planned for the end of the grace.
    expect(run({ kind: 'verdicts', view: view({ now: T + 60_000 }) })).toContain(`wake-at:${60_000 + GRACE_MS}`);
    expect(s.history[0]?.end).toBe(T + 60_000);
    const back = react(s, { kind: 'tick', view: view({ now: T + 60_000 + GRACE_MS }) });
    const notice = back.effects.find((e) => e.kind === 'notify');
    expect(notice).toMatchObject({ notice: 'back', lastedMs: 60_000 });
    expect(back.state.episodes.current).toBeNull();
    expect(kinds(back.effects)).toContain('wake-at:never');
  });

  it('the settings patch applies, and later changes read the new settings', () => {
    const r = react(initialState(), { kind: 'settings', patch: { notifications: false }, view: view() });
    expect(r.state.settings.notifications).toBe(false);
    const pushed = r.effects.find((e) => e.kind === 'push' && e.update.type === 'settings');
    expect(pushed).toMatchObject({ update: { settings: { notifications: false } } });
  });

  it('a shown notification is remembered, the newest last', () => {
    const r = react(initialState(), { kind: 'notified', id: 'nazar:outage:1-1' });
    expect(r.state.episodes.sent).toEqual(['nazar:outage:1-1']);
  });
});
