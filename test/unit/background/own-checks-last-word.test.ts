/**
 * Issue 12, "Nazar's own checks have the last word", on the real worker and engine: failures seen
 * from the platform's own page notify only once Nazar's probe or DNS-over-HTTPS lookup failed too;
 * a successful probe holds the verdict at `degraded`; with the checks switched off, only failures on
 * the platform's own open page may notify (a load the user typed may not).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kindOf, play, type Sim, startSim, useVirtualTime } from '../../support/sim';
import { fail, type Line, OK, traffic } from '../../support/traffic';

const T0 = Date.UTC(2026, 10, 27, 18, 0, 0);
const OUT = T0 + 60_000;
const RESET = 'net::ERR_CONNECTION_RESET';

vi.setConfig({ testTimeout: 60_000 });
afterEach(() => {
  vi.useRealTimers();
});

/** Instagram open in a tab; from OUT on, its page's requests are reset. */
const pageTraffic = () =>
  traffic('chromium', ['instagram'], T0, OUT + 60_000, (_p, t) => (t >= OUT ? fail(RESET) : OK));

async function outcome(sim: Sim, lines: Line[]) {
  await play(sim, lines);
  await sim.advance(5_000);
  await sim.worker.flush();
  const r = await sim.worker.status();
  return { status: r.platforms.instagram.verdict.status, sent: sim.notifications.map((n) => kindOf(n.id)) };
}

describe('Nazar’s own checks have the last word', () => {
  it('the page fails but Nazar’s probe of Instagram works: degraded at most, no notification', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    const o = await outcome(sim, pageTraffic());
    expect(sim.fetched.some((u) => u.includes('instagram.com/favicon.ico'))).toBe(true);
    expect(o).toEqual({ status: 'degraded', sent: [] });
  });

  it('the page fails and Nazar’s probe fails too: down, one outage notification', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    sim.world.platform.instagram = 'unreachable';
    const o = await outcome(sim, pageTraffic());
    expect(o).toEqual({ status: 'down', sent: ['outage'] });
  });

  it('probe switched off, DoH resolving, only loads the user typed failing: down, but no notification', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    await sim.worker.setSettings({ checks: { platform: false } });
    // Probe off: the page's own failures may stand in for it (see the next case) — here the
    // failures come only from loads the user typed, which never do.
    const typed = traffic('chromium', ['instagram'], T0, OUT, () => OK).filter(
      (l) => (l.details as { type: string }).type === 'main_frame',
    );
    const loads: Line[] = [];
    for (let t = OUT; t < OUT + 10_000; t += 1_000)
      loads.push({
        event: 'onErrorOccurred',
        details: {
          url: 'https://www.instagram.com/',
          type: 'main_frame',
          timeStamp: t,
          error: RESET,
          requestId: `m${t}`,
          tabId: 3,
          frameId: 0,
        },
      });
    const o = await outcome(sim, [...typed, ...loads]);
    expect(o).toEqual({ status: 'down', sent: [] });
  });

  it('checks switched off: failures on the platform’s own open page may notify', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    await sim.worker.setSettings({ checks: { platform: false, control: false, dns: false } });
    const o = await outcome(sim, pageTraffic());
    expect(sim.fetched).toEqual([]);
    expect(o).toEqual({ status: 'down', sent: ['outage'] });
  });
});
