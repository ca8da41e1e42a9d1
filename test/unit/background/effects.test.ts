/**
 * How the background carries out each effect (src/background/effects.ts), on a virtual clock:
 * stored values, pushes to open pages, the next tick and its alarm, the checks' pacing, and
 * notifications that wait for their bookkeeping to be stored.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortLike } from '../../../src/background/deps';
import { createEffects, TICK_ALARM } from '../../../src/background/effects';
import { type BackgroundState, type Effect, initialState, statusReport } from '../../../src/background/state';
import type { Episode } from '../../../src/shared/protocol/episode';
import { STORED } from '../../../src/shared/protocol/storage';
import { fakeDeps } from './fakes';
import { reports } from './reports';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const EPISODE: Episode = {
  id: '1700000000000-1',
  platforms: ['whatsapp'],
  start: 1_700_000_000_000,
  end: null,
  cause: 'server',
  scope: 'platform',
  worst: 'down',
  peak: { failed: 8, total: 10, byClass: { server: 8 }, hosts: ['web.whatsapp.com'] },
};

function setup(state: BackgroundState = initialState()) {
  const f = fakeDeps();
  const alarms: string[] = [];
  f.deps.alarms = {
    create: (name, info) => void alarms.push(`create ${name} +${info.when - Date.now()}`),
    clear: (name) => void alarms.push(`clear ${name}`),
  };
  const calls = { ticks: 0, checks: 0, notified: [] as string[] };
  const report = () =>
    statusReport(state, { now: Date.now(), online: true, platforms: reports({}), nextDeadline: null, checking: false });
  const fx = createEffects({
    deps: f.deps,
    state: () => state,
    engineJson: () => ({ engine: 'state' }),
    report,
    notified: (id) => void calls.notified.push(id),
    tick: () => void calls.ticks++,
    checkDue: async () => void calls.checks++,
  });
  const pushed: unknown[] = [];
  const port: PortLike = {
    name: 'nazar-live',
    postMessage: (m) => void pushed.push(m),
    onDisconnect: { addListener() {} },
  };
  return {
    ...f,
    fx,
    alarms,
    calls,
    pushed,
    report,
    connect: () => fx.live.add(port),
    setState(s: BackgroundState) {
      state = s;
    },
  };
}

describe('what each effect does', () => {
  it('store: the value is produced when written, into the area the storage table names; a flush writes at once', async () => {
    const t = setup();
    t.fx.carryOut([
      { kind: 'store', key: 'engine' },
      { kind: 'store', key: 'settings' },
    ]);
    expect(t.session.sets).toEqual([]); // not yet: the chain writes at its own pace
    await t.fx.carryOut([{ kind: 'flush' }]);
    expect(t.session.data[STORED.engine.key]).toEqual({ engine: 'state' });
    expect(t.local.data[STORED.settings.key]).toEqual(initialState().settings);
    expect(t.session.data[STORED.settings.key]).toBeUndefined();
  });

  it('the effects after a flush run once it is written', async () => {
    const t = setup();
    t.connect();
    const done = t.fx.carryOut([
      { kind: 'store', key: 'history' },
      { kind: 'flush' },
      { kind: 'push', update: { type: 'settings', settings: initialState().settings } },
    ]);
    expect(t.pushed).toEqual([]);
    await done;
    expect(t.local.data[STORED.history.key]).toEqual([]);
    expect(t.pushed).toHaveLength(1);
  });

  it('push: every open page gets the update at once', () => {
    const t = setup();
    t.connect();
    t.fx.carryOut([{ kind: 'push', update: { type: 'status', report: t.report() } }]);
    expect(t.pushed).toMatchObject([{ type: 'status' }]);
  });

  it('push-soon: many asks give one push a second later, with the report of that moment; none without pages', () => {
    const t = setup();
    t.fx.carryOut([{ kind: 'push-soon' }]);
    vi.advanceTimersByTime(2_000);
    expect(t.pushed).toEqual([]);
    t.connect();
    const askedAt = Date.now();
    for (let i = 0; i < 50; i++) t.fx.carryOut([{ kind: 'push-soon' }]);
    vi.advanceTimersByTime(999);
    expect(t.pushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.pushed).toHaveLength(1);
    expect(t.pushed[0]).toMatchObject({ type: 'status', report: { generatedAt: askedAt + 1_000 } });
  });

  it('badge: the report in the settings language', async () => {
    const t = setup({ ...initialState(), hostPermissions: false });
    t.fx.carryOut([{ kind: 'badge', report: { ...t.report(), hostPermissions: false } }]);
    await vi.waitFor(() => expect(t.badge.text).toBe('?'));
    expect(t.badge.title).toMatch(/[\u0900-\u097F]/);
  });

  it('wake-at: a timer at that time (never sooner than 250 ms), an alarm no sooner than 30 s; null clears the alarm', () => {
    const t = setup();
    t.fx.carryOut([{ kind: 'wake-at', when: Date.now() + 5_000 }]);
    expect(t.alarms).toEqual([`create ${TICK_ALARM} +30000`]);
    vi.advanceTimersByTime(4_999);
    expect(t.calls.ticks).toBe(0);
    vi.advanceTimersByTime(10);
    expect(t.calls.ticks).toBe(1);
    // A deadline already past: a quarter second, not a busy loop.
    t.fx.carryOut([{ kind: 'wake-at', when: Date.now() - 1_000 }]);
    vi.advanceTimersByTime(249);
    expect(t.calls.ticks).toBe(1);
    vi.advanceTimersByTime(1);
    expect(t.calls.ticks).toBe(2);
    // A later deadline replaces the earlier timer; null leaves none.
    t.fx.carryOut([{ kind: 'wake-at', when: Date.now() + 60_000 }]);
    expect(t.alarms.at(-1)).toBe(`create ${TICK_ALARM} +60000`);
    t.fx.carryOut([{ kind: 'wake-at', when: null }]);
    expect(t.alarms.at(-1)).toBe(`clear ${TICK_ALARM}`);
    vi.advanceTimersByTime(120_000);
    expect(t.calls.ticks).toBe(2);
  });

  it('check-due: "now" every time; "held" at most once a second, the last ask kept; "now-and-hold" at once, holding what follows', () => {
    const t = setup();
    const ask = (pace: Extract<Effect, { kind: 'check-due' }>['pace']) => t.fx.carryOut([{ kind: 'check-due', pace }]);
    ask('now');
    ask('now');
    expect(t.calls.checks).toBe(2);
    ask('held');
    expect(t.calls.checks).toBe(3);
    ask('held');
    ask('held');
    expect(t.calls.checks).toBe(3);
    vi.advanceTimersByTime(1_000);
    expect(t.calls.checks).toBe(4);
    vi.advanceTimersByTime(5_000);
    ask('now-and-hold');
    expect(t.calls.checks).toBe(5);
    ask('held');
    expect(t.calls.checks).toBe(5);
    vi.advanceTimersByTime(1_000);
    expect(t.calls.checks).toBe(6);
  });

  it('notify: sent once the bookkeeping is stored, then remembered', async () => {
    const t = setup();
    t.fx.carryOut([
      { kind: 'store', key: 'episodes' },
      { kind: 'notify', notice: 'outage', episode: EPISODE, lastedMs: 0 },
    ]);
    expect(t.notifications).toEqual([]);
    await vi.waitFor(() => expect(t.notifications).toHaveLength(1));
    expect(t.session.data[STORED.episodes.key]).toBeDefined();
    expect(t.notifications[0]?.id).toBe(`nazar:outage:${EPISODE.id}`);
    expect(t.notifications[0]?.title).toContain('WhatsApp');
    await vi.waitFor(() => expect(t.calls.notified).toEqual([`nazar:outage:${EPISODE.id}`]));
  });

  it('notify: its bookkeeping waits for the next write slot, never a second write inside one interval', async () => {
    const t = setup();
    const writes: number[] = [];
    const session = t.deps.storage.session;
    t.deps.storage.session = {
      get: (keys) => session.get(keys),
      set: (items) => {
        writes.push(Date.now());
        return session.set(items);
      },
    };
    await t.fx.carryOut([{ kind: 'store', key: 'engine' }, { kind: 'flush' }]);
    t.fx.carryOut([
      { kind: 'store', key: 'episodes' },
      { kind: 'notify', notice: 'outage', episode: EPISODE, lastedMs: 0 },
    ]);
    await vi.waitFor(() => expect(t.notifications).toHaveLength(1), { timeout: 10_000 });
    expect(writes).toHaveLength(2);
    // fakeDeps writes at most once per 2 s.
    expect(writes[1]! - writes[0]!).toBeGreaterThanOrEqual(2_000);
  });

  it('notify: switched off before it goes out, nothing is sent or remembered', async () => {
    const t = setup();
    t.fx.carryOut([
      { kind: 'notify', notice: 'back', episode: { ...EPISODE, end: EPISODE.start + 60_000 }, lastedMs: 60_000 },
    ]);
    t.setState({ ...initialState(), settings: { ...initialState().settings, notifications: false } });
    await t.fx.carryOut([{ kind: 'flush' }]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.notifications).toEqual([]);
    expect(t.calls.notified).toEqual([]);
  });
});
