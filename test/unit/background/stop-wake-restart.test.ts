/**
 * Cases 1–3 (restarts and wake-ups) on the real worker and engine with a virtual clock: a worker
 * stopped mid-outage, a browser restart, a cold wake. The browser runs of the same cases are in
 * test/browser/outage-journey.test.ts and test/soak/real-timers.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_MAX_AGE_MS } from '../../../src/background/history';
import type { Episode } from '../../../src/shared/protocol/episode';
import { STORED } from '../../../src/shared/protocol/storage';
import { badgeChanges, kindOf, memoryArea, play, startSim, useVirtualTime } from '../../support/sim';
import { failing, OK, status, traffic } from '../../support/traffic';

const T0 = Date.UTC(2026, 10, 27, 15, 0, 0);
const MIN = 60_000;

// A virtual clock runs minutes in a second, but the machine is shared: allow for it.
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  vi.useRealTimers();
});

describe('case 1: worker stopped mid-outage', () => {
  it('keeps verdicts, badge and history; no second outage notification; one back notice later', async () => {
    useVirtualTime(T0);
    let sim = await startSim();
    const bad = (t: number) => t >= T0 + 30_000 && t < T0 + 3 * MIN;
    const lines = traffic('chromium', ['instagram'], T0, T0 + 4 * MIN, (_p, t) => (bad(t) ? status(503) : OK));
    const before = lines.filter((l) => (l.details as { timeStamp: number }).timeStamp < T0 + 70_000);
    const after = lines.slice(before.length);
    sim.world.platform.instagram = 'server';
    await play(sim, before);
    const s1 = await sim.worker.status();
    expect(s1.platforms.instagram.verdict).toMatchObject({ status: 'down', cause: 'server' });
    expect(sim.notifications.map((n) => kindOf(n.id))).toEqual(['outage']);
    const history1 = await sim.worker.getHistory();
    await sim.advance(3_000); // the write chain's interval passes, as before any real stop

    sim = await sim.restartWorker();
    const s2 = await sim.worker.status();
    expect(s2.platforms.instagram.verdict).toMatchObject({
      status: 'down',
      cause: 'server',
      since: s1.platforms.instagram.verdict.since,
    });
    expect(sim.badge.at(-1)?.text).toBe('×');
    expect((await sim.worker.getHistory()).map((e) => e.id)).toEqual(history1.map((e) => e.id));

    sim.world.platform.instagram = 'ok';
    await play(sim, after);
    await sim.advance(3 * MIN);
    expect(sim.notifications.map((n) => kindOf(n.id))).toEqual(['outage', 'back']);
    const h = await sim.worker.getHistory();
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ platforms: ['instagram'], cause: 'server', worst: 'down' });
    expect(h[0]!.end).not.toBeNull();
    expect(badgeChanges(sim).at(-1)).toBe('');
  });

  it('a stop right after the outage notification (before the throttled write) does not notify twice', async () => {
    useVirtualTime(T0);
    let sim = await startSim();
    sim.world.platform.instagram = 'server';
    const lines = traffic('chromium', ['instagram'], T0, T0 + 60_000, (_p, t) => (t >= T0 + 20_000 ? status(503) : OK));
    let notifiedAt = -1;
    for (const l of lines) {
      await sim.advanceTo((l.details as { timeStamp: number }).timeStamp);
      sim.line(l);
      if (sim.notifications.length > 0) {
        notifiedAt = Date.now();
        break;
      }
    }
    expect(notifiedAt).toBeGreaterThan(0);
    await sim.advance(100);
    sim = await sim.restartWorker();
    await play(
      sim,
      lines.filter((l) => (l.details as { timeStamp: number }).timeStamp > Date.now()),
    );
    expect(sim.notifications.map((n) => kindOf(n.id))).toEqual(['outage']);
  });
});

describe('case 2: browser restarted', () => {
  it('shows no stale outage as current, keeps history, drops expired history', async () => {
    useVirtualTime(T0);
    const old: Episode = {
      id: 'old-1',
      platforms: ['facebook'],
      start: T0 - HISTORY_MAX_AGE_MS - 3 * 3600_000,
      end: T0 - HISTORY_MAX_AGE_MS - 3600_000,
      cause: 'server',
      scope: 'platform',
      worst: 'down',
      peak: { failed: 10, total: 20, byClass: { server: 10 }, hosts: ['www.facebook.com'] },
    };
    const recent: Episode = {
      ...old,
      id: 'recent-1',
      start: T0 - 5 * 24 * 3600_000,
      end: T0 - 5 * 24 * 3600_000 + MIN,
    };
    let sim = await startSim({ local: memoryArea({ [STORED.history.key]: [recent, old] }) });
    // The stored list is cleaned on start-up, not just hidden from the reply.
    expect((await sim.worker.getHistory()).map((e) => e.id)).toEqual(['recent-1']);
    sim.world.control = 'ok';
    const lines = traffic('chromium', ['whatsapp'], T0, T0 + 2 * MIN, (_p, t) =>
      t >= T0 + 20_000 ? { ok: false, error: 'net::ERR_NAME_NOT_RESOLVED' } : OK,
    );
    sim.world.doh.whatsapp = { status: 2 };
    sim.world.platform.whatsapp = 'unreachable';
    await play(sim, lines);
    expect((await sim.worker.status()).platforms.whatsapp.verdict.status).toBe('down');
    await sim.advance(3_000);
    const ongoing = (await sim.worker.getHistory())[0]!;
    expect(ongoing.end).toBeNull();

    // The browser is closed for an hour; WhatsApp came back meanwhile.
    vi.setSystemTime(Date.now() + 60 * MIN);
    sim = await sim.restartBrowser();
    const s = await sim.worker.status();
    expect(s.platforms.whatsapp.verdict.status).not.toBe('down');
    expect(s.platforms.whatsapp.verdict.status).not.toBe('degraded');
    expect(sim.badge.at(-1)?.text).toBe('');
    const h = await sim.worker.getHistory();
    expect(h.map((e) => e.id)).toEqual([ongoing.id, 'recent-1']);
    expect(h[0]!.end).not.toBeNull();
    await sim.advance(3_000);
    const stored = sim.local.data[STORED.history.key] as Episode[];
    expect(stored.map((e) => e.id)).toEqual([ongoing.id, 'recent-1']);
    expect(stored[0]!.end).not.toBeNull();
  });
});

describe('case 3: cold wake', () => {
  it('the error that wakes a worker idle for over 60 s is counted', async () => {
    useVirtualTime(T0);
    let sim = await startSim();
    await play(
      sim,
      traffic('chromium', ['facebook'], T0, T0 + 10_000, () => OK),
    );
    await sim.advance(61_000);
    const t = Date.now();
    sim = await sim.restartWorker([
      failing('https://www.facebook.com/api/graphql/', 'net::ERR_CONNECTION_RESET', t, 'wake-1'),
    ]);
    const r = await sim.worker.status();
    expect(r.platforms.facebook.evidence.byClass.unreachable).toBe(1);
    expect(r.platforms.facebook.evidence.lastFailureAt).toBe(t);
    expect(r.platforms.facebook.evidence.hosts).toEqual(['www.facebook.com']);
  });

  it('a wake after a browser restart (nothing in storage.session) counts the first error too', async () => {
    useVirtualTime(T0);
    const sim = await startSim({
      wakeWith: [failing('https://web.whatsapp.com/', 'net::ERR_NAME_NOT_RESOLVED', T0, '1', 'main_frame')],
    });
    const r = await sim.worker.status();
    expect(r.platforms.whatsapp.evidence.byClass.dns).toBe(1);
  });
});
