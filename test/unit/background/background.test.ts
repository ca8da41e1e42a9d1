import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground, TICK_ALARM } from '../../../src/background/background';
import { createCheckRunner } from '../../../src/background/checks/runner';
import { GRACE_MS } from '../../../src/background/episodes';
import { toTraceEvent } from '../../../src/background/trace-events';
import { Engine } from '../../../src/core';
import type { TraceEvent } from '../../../src/core/api';
import { roundSaysOffline } from '../../../src/core/checks';
import { STORED } from '../../../src/shared/protocol/storage';
import { FakeEngine } from './fake-engine';
import { failedDns, failure, fakeDeps, memoryArea, success } from './fakes';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** The FakeEngine the background restores, for the test to reach (`engine()` once ready). */
function reachableEngine(deps: ReturnType<typeof fakeDeps>['deps']): () => FakeEngine {
  let engine: FakeEngine | null = null;
  deps.factory = {
    restore: (raw) => {
      engine = FakeEngine.restore(raw).engine;
      return { engine, warning: null };
    },
  };
  return () => engine!;
}

const engineOf = (session: { data: Record<string, unknown> }) =>
  FakeEngine.restore(session.data[STORED.engine.key]).engine;

describe('background', () => {
  it('queues events that arrive while state is restored, then replays them in order', async () => {
    const f = fakeDeps();
    f.deps.storage.session = memoryArea({}, { getDelayMs: 30 });
    const w = createBackground(f.deps);
    const evs = [failure(), failure(), success('www.facebook.com'), failure()];
    for (const e of evs) w.event(e);
    expect(w.queued).toBe(4);
    await w.ready;
    expect(w.queued).toBe(0);
    await w.flush();
    const stored = (f.deps.storage.session as ReturnType<typeof memoryArea>).data;
    expect(engineOf({ data: stored }).verdict('instagram').status).toBe('down');
    expect(engineOf({ data: stored }).verdict('facebook').status).toBe('up');
  });

  it('replays queued events in arrival order into the engine', async () => {
    const f = fakeDeps();
    const engine = reachableEngine(f.deps);
    f.deps.storage.session = memoryArea({}, { getDelayMs: 10 });
    const w = createBackground(f.deps);
    const evs = Array.from({ length: 50 }, (_, i) => (i % 2 ? failure() : success()));
    for (const e of evs) w.event(e);
    await w.ready;
    expect(engine().ingested).toEqual(evs);
  });

  it('corrupt stored data gives a clean state and a warning, never a crash', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const f = fakeDeps();
    f.deps.storage.session = memoryArea({ [STORED.engine.key]: 'garbage', [STORED.episodes.key]: { version: 9 } });
    f.deps.storage.local = memoryArea({ [STORED.history.key]: 17, [STORED.settings.key]: 'nope' });
    const w = createBackground(f.deps);
    const status = await w.status();
    expect(status.platforms.instagram.verdict.status).toBe('unknown');
    expect(await w.getHistory()).toEqual([]);
    expect((await w.getSettings()).notifications).toBe(true);
    expect(warn).toHaveBeenCalled();
    // And an unreadable storage area altogether.
    const g = fakeDeps();
    g.deps.storage.local = memoryArea({}, { failGet: true });
    await expect(createBackground(g.deps).status()).resolves.toMatchObject({ hostPermissions: true });
  });

  it('an outage notifies once, survives a worker restart without a second notification, and is in history', async () => {
    let clock = Date.now();
    const f = fakeDeps({ now: () => clock });
    const w1 = createBackground(f.deps);
    await w1.ready;
    w1.event(failedDns());
    for (let i = 0; i < 5; i++) w1.event(failure());
    await w1.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(f.notifications).toHaveLength(1);
    expect(f.notifications[0]!.title).toBe('Instagram में गड़बड़ी है');
    expect(f.badge.text).toBe('×');
    expect(f.badge.title).toContain('Instagram काम नहीं कर रहा है');

    // The worker is stopped: memory is gone, storage stays.
    f.badge.text = 'stale';
    const w2 = createBackground(f.deps);
    await w2.ready;
    expect(f.badge.text).toBe('×'); // restored from stored state
    for (let i = 0; i < 5; i++) w2.event(failure());
    await w2.flush();
    expect(f.notifications).toHaveLength(1);
    const history = await w2.getHistory();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ platforms: ['instagram'], end: null, worst: 'down' });

    w2.event(success());
    await w2.flush();
    await new Promise((r) => setTimeout(r, 0));
    // Fine again: history shows the end at once, "back" waits for the grace period.
    expect((await w2.getHistory())[0]!.end).not.toBeNull();
    expect(f.notifications).toHaveLength(1);
    clock += GRACE_MS;
    await w2.onAlarm(TICK_ALARM);
    await w2.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(f.notifications.map((n) => n.id.split(':')[1])).toEqual(['outage', 'back']);
    expect(f.notifications[1]!.title).toBe('Instagram फिर से काम कर रहा है');
  });

  it('a browser restart (session storage empty) keeps history and shows no stale outage', async () => {
    const f = fakeDeps();
    const w1 = createBackground(f.deps);
    await w1.ready;
    for (let i = 0; i < 4; i++) w1.event(failure());
    await w1.flush();
    const local = f.deps.storage.local;
    const g = fakeDeps({ storage: { session: memoryArea(), local } });
    const w2 = createBackground(g.deps);
    const status = await w2.status();
    expect(status.platforms.instagram.verdict.status).toBe('unknown');
    const history = await w2.getHistory();
    expect(history).toHaveLength(1);
    expect(history[0]!.end).not.toBeNull();
    expect(g.badge.text).toBe('');
  });

  it('notifications switched off: none sent; OS refusing them: no crash', async () => {
    const f = fakeDeps();
    const w = createBackground(f.deps);
    await w.setSettings({ notifications: false });
    w.event(failedDns());
    for (let i = 0; i < 4; i++) w.event(failure());
    await w.flush();
    expect(f.notifications).toHaveLength(0);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const g = fakeDeps({ notifications: { create: () => Promise.reject(new Error('disallowed by the OS')) } });
    const w2 = createBackground(g.deps);
    await w2.ready;
    w2.event(failedDns());
    for (let i = 0; i < 4; i++) w2.event(failure());
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).toHaveBeenCalledWith('nazar: notification not shown', expect.any(Error));
  });

  for (const engineName of ['stand-in', 'real'] as const) {
    it(`a storm of 10,000 failures in 10 s (${engineName} engine): bounded writes, cheap listener`, async () => {
      // performance.now stays real: it measures the listener's cost.
      vi.useFakeTimers({
        now: 1_700_000_000_000,
        toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      });
      // The real engine asks for checks: Instagram's favicon fails as its API does (an honest world).
      const fetchFake = (async (u: RequestInfo | URL) => {
        if (String(u).includes('instagram.com')) throw new TypeError('Failed to fetch');
        return new Response(null, { status: 204 });
      }) as typeof fetch;
      const f = fakeDeps({
        now: () => Date.now(),
        ...(engineName === 'real' ? { factory: Engine, fetch: fetchFake } : {}),
      });
      const session = f.deps.storage.session as ReturnType<typeof memoryArea>;
      const w = createBackground(f.deps);
      await vi.advanceTimersByTimeAsync(0);
      await w.ready;
      const costs: number[] = [];
      const start = Date.now();
      const hosts = ['www.instagram.com', 'i.instagram.com', 'scontent.cdninstagram.com'];
      for (let i = 0; i < 10_000; i++) {
        const details = {
          url: `https://${hosts[i % 3]}/api/v1/${i}?q=1`,
          type: 'xmlhttprequest',
          timeStamp: Date.now(),
          error: 'net::ERR_CONNECTION_RESET',
          requestId: String(i),
          initiator: 'https://www.instagram.com',
        };
        const t0 = performance.now();
        w.event(toTraceEvent('onErrorOccurred', details, 'chrome-extension://ext'));
        costs.push(performance.now() - t0);
        if (i % 10 === 9) await vi.advanceTimersByTimeAsync(10);
      }
      const elapsed = Date.now() - start;
      await vi.advanceTimersByTimeAsync(2_100);
      costs.sort((a, b) => a - b);
      const p99 = costs[Math.floor(costs.length * 0.99)]!;
      const writes = session.sets.length + (f.deps.storage.local as ReturnType<typeof memoryArea>).sets.length;
      console.log(
        `[measure] storm (${engineName} engine): ${elapsed} ms, ${writes} storage writes (${(writes / (elapsed / 1000)).toFixed(2)}/s), listener p50 ${costs[5_000]!.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`,
      );
      expect(elapsed).toBe(10_000);
      expect(session.sets.filter((x) => STORED.engine.key in x).length).toBeLessThanOrEqual(10_000 / 2_000 + 2);
      expect(writes).toBeLessThanOrEqual(2 * (10_000 / 2_000 + 2));
      expect(p99).toBeLessThan(2);
      if (engineName === 'real') expect((await w.status()).platforms.instagram.verdict.status).toBe('down');
    });
  }

  it('the stored report is the one of the moment it is written, not of the change that scheduled it', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const f = fakeDeps({ now: () => Date.now() });
    const w = createBackground(f.deps);
    await vi.advanceTimersByTimeAsync(0);
    await w.ready;
    await vi.advanceTimersByTimeAsync(5_000); // the start-up write, and its interval
    const written: { at: number; generatedAt: number }[] = [];
    const set = f.session.set;
    f.session.set = async (items) => {
      const r = items[STORED.report.key] as { generatedAt: number } | undefined;
      if (r) written.push({ at: Date.now(), generatedAt: r.generatedAt });
      return set(items);
    };
    // Evidence only, written at once; the third failure changes the verdict inside the interval.
    for (let i = 0; i < 3; i++) {
      w.event(failure('www.instagram.com', Date.now()));
      await vi.advanceTimersByTimeAsync(700);
    }
    await vi.advanceTimersByTimeAsync(3_000);
    expect(f.badge.text).not.toBe('');
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const x of written) expect(x.generatedAt).toBe(x.at);
  });

  it('host permission revoked → reported, and no checks are made', async () => {
    let fetches = 0;
    const f = fakeDeps({
      permissions: { contains: async () => false },
      fetch: (async () => {
        fetches++;
        return new Response(null, { status: 204 });
      }) as typeof fetch,
    });
    const w = createBackground(f.deps);
    await w.ready;
    await new Promise((r) => setTimeout(r, 0));
    expect((await w.status()).hostPermissions).toBe(false);
    expect(f.badge.text).toBe('?');
    const before = fetches;
    for (let i = 0; i < 5; i++) w.event(failure());
    await w.checkNow();
    expect(fetches).toBe(before);
  });

  it('a settings change is stored before any page or the badge shows it, and answered after', async () => {
    const f = fakeDeps();
    const log: string[] = [];
    const set = f.local.set.bind(f.local);
    f.deps.storage.local = {
      get: f.local.get.bind(f.local),
      async set(items) {
        log.push(`stored ${Object.keys(items).join(',')}`);
        await set(items);
      },
    };
    const action = f.deps.action;
    f.deps.action = { ...action, setTitle: (d) => void log.push(`badge ${d.title.slice(0, 12)}`) };
    const w = createBackground(f.deps);
    await w.ready;
    await w.connect({
      name: 'nazar-live',
      postMessage: (m) => void log.push(`push ${(m as { type: string }).type}`),
      onDisconnect: { addListener() {} },
    });
    log.length = 0;
    const answered = w.setSettings({ language: 'en' }).then(() => log.push('answered'));
    await answered;
    await vi.waitFor(() => expect(log).toContain('push status'));
    expect(log.slice(0, 3)).toEqual([`stored ${STORED.settings.key}`, 'push settings', 'push status']);
    expect(log.indexOf('answered')).toBeGreaterThan(log.indexOf('push status'));
    expect(log.find((x) => x.startsWith('badge'))).toMatch(/^badge [A-Za-z]/);
  });

  it('open-details opens the details page in a new tab', async () => {
    const f = fakeDeps();
    const w = createBackground(f.deps);
    await w.openDetails('whatsapp');
    expect(f.opened).toEqual(['chrome-extension://ext/src/popup/index.html?view=details&platform=whatsapp']);
  });
});

describe('background checks', () => {
  it('checks the engine hands out while a round is running are run right after, none lost', async () => {
    const f = fakeDeps();
    const engine = reachableEngine(f.deps);
    const fetched: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    f.deps.fetch = (async (url: string) => {
      fetched.push(url);
      await gate;
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const w = createBackground(f.deps);
    await w.ready;
    engine().due = [{ kind: 'probe', target: 'whatsapp', reason: 'first-failures' }];
    w.event(failure('web.whatsapp.com'));
    await new Promise((r) => setTimeout(r, 0));
    // While the WhatsApp probe is still in flight, the engine asks for Instagram (once only).
    engine().due = [{ kind: 'probe', target: 'instagram', reason: 'first-failures' }];
    await vi.waitFor(() => expect(fetched).toHaveLength(1));
    // Instagram's verdict changes (third failure), so the worker asks the engine again mid-round.
    for (let i = 0; i < 3; i++) w.event(failure('www.instagram.com'));
    engine().due = [];
    expect(fetched).toHaveLength(1);
    release();
    await vi.waitFor(() => expect(fetched.some((u) => u.includes('instagram'))).toBe(true));
    expect(
      engine()
        .ingested.filter((e) => e.event === 'probe')
        .map((e) => e.event === 'probe' && e.target),
    ).toContain('instagram');
  });
});

describe('the check runner', () => {
  it('run() called while a round is running resolves only once its own checks have run', async () => {
    const fetched: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const runner = createCheckRunner({
      fetch: (async (url: string) => {
        fetched.push(url);
        await gate;
        return new Response(null, { status: 204 });
      }) as unknown as typeof fetch,
      now: Date.now,
      onResults: () => {},
      onIdle: () => {},
    });
    const first = runner.run([{ kind: 'probe', target: 'whatsapp', reason: 'first-failures' }]);
    await vi.waitFor(() => expect(fetched).toHaveLength(1));
    // What had been fetched when the second call resolved.
    const second = runner
      .run([{ kind: 'probe', target: 'instagram', reason: 'first-failures' }])
      .then(() => [...fetched]);
    release();
    expect((await second).some((u) => u.includes('instagram'))).toBe(true);
    await first;
    expect(runner.running).toBe(false);
  });
});

describe('background checks for a second platform', () => {
  it("a platform's first failure inside another's 1 s check interval still gets its checks within the second", async () => {
    const fetched: string[] = [];
    const f = fakeDeps({
      factory: Engine,
      fetch: (async (url: string) => {
        fetched.push(url);
        return new Response(null, { status: 204 });
      }) as unknown as typeof fetch,
    });
    const w = createBackground(f.deps);
    await w.ready;
    const t0 = Date.now();
    w.event(failure('www.instagram.com', t0));
    await vi.waitFor(() => expect(fetched.some((u) => u.includes('instagram.com'))).toBe(true));
    // 100 ms later WhatsApp fails once: its verdict does not change, and the 1 s interval is running.
    await new Promise((r) => setTimeout(r, 100));
    w.event(failure('web.whatsapp.com', t0 + 100));
    await vi.waitFor(() => expect(fetched.some((u) => u.includes('web.whatsapp.com'))).toBe(true), {
      timeout: 1_500,
    });
  });
});

describe('one round of checks says "offline"', () => {
  const control = (extra: object): TraceEvent =>
    ({
      event: 'probe',
      timeStamp: 1,
      target: 'control',
      url: 'http://x/generate_204',
      ok: false,
      ...extra,
    }) as TraceEvent;
  const probe: TraceEvent = { event: 'probe', timeStamp: 1, target: 'facebook', url: 'https://f/', ok: false };
  const doh: TraceEvent = { event: 'dns', timeStamp: 1, name: 'www.facebook.com', status: 2, answers: 0 };
  const says = (events: TraceEvent[]) => roundSaysOffline(events);

  it('only when the neutral check failed the way a dead connection fails and nothing else answered', () => {
    expect(says([control({ error: 'net::ERR_INTERNET_DISCONNECTED' }), probe])).toBe(true);
    expect(says([control({ error: 'NS_ERROR_UNKNOWN_HOST' })])).toBe(true);
    // A CORS or type error, which the browser did not explain: unknown, not offline.
    expect(says([control({ error: 'TypeError: NetworkError when attempting to fetch resource.' }), probe])).toBe(false);
    // The DoH lookup answered in the same round (SERVFAIL is an answer): the connection works.
    expect(says([control({ error: 'NS_ERROR_UNKNOWN_HOST' }), doh])).toBe(false);
    expect(says([control({ error: 'NS_ERROR_UNKNOWN_HOST' }), { ...probe, statusCode: 503 } as TraceEvent])).toBe(
      false,
    );
    // A captive portal answers with a status.
    expect(says([control({ statusCode: 302 })])).toBe(false);
    expect(says([probe])).toBe(false);
  });
});
