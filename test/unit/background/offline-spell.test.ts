/**
 * A long offline spell seen from Firefox, on the real worker and engine with a virtual clock: every
 * Meta name fails to resolve and so does the connectivity check. The blame must stay on the user's
 * side for the whole spell (no "Meta is down" once the first check result is old), the worker must
 * keep asking for fresh checks while it blames the user, and the return must be seen in seconds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTROL_URL } from '../../../src/background/checks/probes';
import type { PlatformId } from '../../../src/core/types';
import { kindOf, play, startSim, useVirtualTime } from '../../support/sim';
import { fail, type Line, OK, traffic } from '../../support/traffic';

const T0 = Date.UTC(2026, 10, 27, 20, 0, 0);
const MIN = 60_000;
const ALL: PlatformId[] = ['whatsapp', 'facebook', 'instagram'];

vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  vi.useRealTimers();
});

const at = (l: Line) => ((l.details as { timeStamp?: number } | undefined)?.timeStamp ?? l.timeStamp) as number;

describe('a long offline spell in Firefox', () => {
  for (const recheck of [true, false]) {
    it(`stays "your connection" for seven minutes${recheck ? ', re-checking about every 30 s,' : ' with no check after the first one'} and sees the return`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      sim.world.latencyMs = 800;
      const off = T0 + MIN;
      const on = T0 + 8 * MIN;
      const lines = traffic('firefox', ALL, T0, T0 + 9 * MIN, (_p, t) =>
        t >= off && t < on ? fail('NS_ERROR_UNKNOWN_HOST') : OK,
      );
      const cut = lines.findIndex((l) => at(l) >= off);
      const back = lines.findIndex((l) => at(l) >= on);
      await play(sim, lines.slice(0, cut));
      sim.world.control = 'offline';
      await play(sim, lines.slice(cut, cut + 20));
      // The user switches the connectivity check off: the last result only gets older.
      if (!recheck) await sim.worker.setSettings({ checks: { control: false } });
      const seen = new Set<string>();
      for (const l of lines.slice(cut + 20, back)) {
        await sim.advanceTo(at(l));
        sim.line(l);
        if (Date.now() < off + 15_000) continue;
        const r = await sim.worker.status();
        for (const p of ALL) {
          const v = r.platforms[p].verdict;
          seen.add(`${v.status}/${v.cause}/${v.scope}`);
        }
      }
      expect([...seen]).toEqual(['down/offline/you']);
      expect(sim.notifications.filter((n) => kindOf(n.id) === 'outage')).toEqual([]);
      // The checks that keep the verdict honest: about one every 30 s through the seven minutes.
      const controls = sim.fetched.filter((u) => u === CONTROL_URL).length;
      if (recheck) expect(controls).toBeGreaterThanOrEqual(12);
      else expect(controls).toBe(1);

      sim.world.control = 'ok';
      await play(sim, lines.slice(back));
      const r = await sim.worker.status();
      for (const p of ALL) expect(r.platforms[p].verdict.status).toBe('up');
      for (const p of ALL) expect(r.platforms[p].verdict.since! - on).toBeLessThanOrEqual(10_000);
    });
  }
});
