/**
 * Cases 11 and 12 on the real worker and engine, virtual clock: ten minutes of flapping, and a slow
 * recovery (names resolve again, the API still fails). What the user sees is counted: notifications
 * and badge changes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgeChanges, kindOf, play, startSim, useVirtualTime } from '../../support/sim';
import { fail, OK, status, traffic } from '../../support/traffic';

const T0 = Date.UTC(2026, 10, 27, 18, 0, 0);
const MIN = 60_000;

// A virtual clock runs minutes in a second, but the machine is shared: allow for it.
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  vi.useRealTimers();
});

describe('case 11: flapping (failure and success alternating every 20 s for 10 min)', () => {
  for (const [browser, error] of [
    ['chromium', 'net::ERR_CONNECTION_RESET'],
    ['firefox', 'NS_ERROR_NET_RESET'],
    ['chromium', 'net::ERR_NAME_NOT_RESOLVED'],
  ] as const) {
    it(`${browser} ${error}: ≤ 1 notification, damped badge`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      const bad = (t: number) => t >= T0 + MIN && t < T0 + 11 * MIN && Math.floor((t - T0 - MIN) / 20_000) % 2 === 0;
      const lines = traffic(browser, ['facebook'], T0, T0 + 11 * MIN, (_p, t) => (bad(t) ? fail(error) : OK));
      // The worker's own checks see what the page sees at that moment.
      for (const l of lines) {
        const t = (l.details as { timeStamp: number }).timeStamp;
        sim.world.platform.facebook = bad(t) ? 'unreachable' : 'ok';
        await sim.advanceTo(t);
        sim.line(l);
      }
      const changes = badgeChanges(sim);
      const notes = sim.notifications.map((n) => kindOf(n.id));
      console.log(
        `[measure] case 11 ${browser} ${error}: notifications [${notes}], badge ${changes.map((c) => c || '∅').join('→')}`,
      );
      expect(notes.length).toBeLessThanOrEqual(1);
      // 30 flips of the network; the badge may change a handful of times, not with every flip.
      expect(changes.length - 1).toBeLessThanOrEqual(4);
    });
  }
});

describe('case 12: slow recovery (names resolve again, the API still fails)', () => {
  it('stays degraded/down until it truly works; one recovery notice, only then', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    const ALL = ['whatsapp', 'facebook', 'instagram'] as const;
    const dnsOut = T0 + MIN;
    const namesBack = T0 + 4 * MIN;
    const apiBack = T0 + 9 * MIN;
    const lines = traffic('chromium', [...ALL], T0, T0 + 12 * MIN, (_p, t, type) => {
      if (t >= dnsOut && t < namesBack) return fail('net::ERR_NAME_NOT_RESOLVED');
      // The names resolve again; pages and API calls get 503 or time out while the backends warm up.
      if (t >= namesBack && t < apiBack) return type === 'image' ? OK : status(503);
      return OK;
    });
    const phase = (from: number, to: number) =>
      lines.filter((l) => {
        const t = (l.details as { timeStamp: number }).timeStamp;
        return t >= from && t < to;
      });
    await play(sim, phase(0, dnsOut));
    for (const p of ALL) {
      sim.world.doh[p] = { status: 2 };
      sim.world.platform[p] = 'unreachable';
    }
    await play(sim, phase(dnsOut, namesBack));
    const during = await sim.worker.status();
    for (const p of ALL)
      expect(during.platforms[p].verdict).toMatchObject({ status: 'down', cause: 'dns', scope: 'meta' });
    for (const p of ALL) {
      sim.world.doh[p] = { status: 0, addresses: ['157.240.1.35'] };
      sim.world.platform[p] = 'server';
    }
    const seen: string[] = [];
    for (const l of phase(namesBack, apiBack)) {
      await sim.advanceTo((l.details as { timeStamp: number }).timeStamp);
      sim.line(l);
      const r = await sim.worker.status();
      for (const p of ALL) {
        const v = r.platforms[p].verdict;
        const k = `${p}:${v.status}/${v.cause}/${v.scope}`;
        if (!seen.some((x) => x.startsWith(`${p}:`)) || seen.filter((x) => x.startsWith(`${p}:`)).at(-1) !== k)
          seen.push(k);
      }
    }
    console.log(`[measure] case 12 verdicts while names resolve but the API fails: ${seen.join(' ')}`);
    expect(seen.filter((x) => x.includes(':up/'))).toEqual([]);
    expect(sim.notifications.map((n) => kindOf(n.id))).toEqual(['outage']);
    for (const p of ALL) sim.world.platform[p] = 'ok';
    await play(sim, phase(apiBack, T0 + 12 * MIN));
    await sim.advance(3 * MIN);
    const r = await sim.worker.status();
    for (const p of ALL) expect(r.platforms[p].verdict.status).toBe('up');
    const notes = sim.notifications.map((n) => ({ kind: kindOf(n.id), at: n.at }));
    expect(notes.map((n) => n.kind)).toEqual(['outage', 'back']);
    expect(notes[1]!.at).toBeGreaterThanOrEqual(apiBack);
    const h = await sim.worker.getHistory();
    expect(h).toHaveLength(1);
    expect(h[0]!.end).toBeGreaterThanOrEqual(apiBack);
  });
});
