import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../src/core/types';
import { delays, median } from '../../fixtures/measure';
import { SCENARIOS, toJsonl } from '../../fixtures/scenarios';
import { FIXTURES, replayFixture } from './replay-fixture';

describe('fixtures', () => {
  it('at least twelve scenarios, and each committed file matches its generator', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(12);
    for (const s of SCENARIOS) {
      expect(readFileSync(join(FIXTURES, `${s.name}.jsonl`), 'utf8'), s.name).toBe(toJsonl(s.build()));
    }
  });

  describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (name, s) => {
    const { changes, rejected, engine } = replayFixture(name);
    const e = s.expect;

    it('ends with the expected verdicts', () => {
      for (const [platform, [status, cause, scope]] of Object.entries(e.final)) {
        const v = engine.verdict(platform as (typeof PLATFORMS)[number]);
        expect(v.status, `${platform} status`).toBe(status);
        if (cause) expect(v.cause, `${platform} cause`).toBe(cause);
        if (scope) expect(v.scope, `${platform} scope`).toBe(scope);
      }
    });

    it.runIf(e.seen?.length || e.never?.length)(
      'passes through the expected intermediate verdicts, and never the forbidden ones',
      () => {
        for (const [platform, status, cause, scope] of e.seen ?? []) {
          expect(changes, `${platform} ${status}/${cause}/${scope}`).toContainEqual(
            expect.objectContaining({ platform, status, cause, scope }),
          );
        }
        for (const [platform, status] of e.never ?? []) {
          const bad = changes.filter((c) => c.status === status && (platform === '*' || c.platform === platform));
          expect(bad, `${platform} never ${status}`).toEqual([]);
        }
      },
    );

    it.runIf(delays(s, changes).length)('detects problems and recoveries in time', () => {
      for (const d of delays(s, changes)) {
        expect(d.ms, `${d.platform} ${d.kind} after ${new Date(d.at).toISOString()}`).not.toBeNull();
        expect(d.ms!, `${d.platform} ${d.kind} delay`).toBeLessThanOrEqual(d.maxMs);
      }
    });

    it.runIf(e.hold?.length)('holds the verdicts it must hold, without a change in between', () => {
      for (const h of e.hold ?? []) {
        const before = changes.filter((c) => c.platform === h.platform && c.timeStamp <= h.from).at(-1);
        expect(before && [before.status, before.cause, before.scope], `${h.platform} at the start`).toEqual(h.verdict);
        const during = changes.filter((c) => c.platform === h.platform && c.timeStamp > h.from && c.timeStamp < h.to);
        expect(during, `${h.platform} changes while held`).toEqual([]);
      }
    });

    it('does not flap and rejects exactly the broken lines', () => {
      for (const p of PLATFORMS) {
        const n = changes.filter((c) => c.platform === p).length;
        if (e.maxChanges !== undefined) expect(n, `${p} changes`).toBeLessThanOrEqual(e.maxChanges);
      }
      // A relapse shows at once (onset is never damped), but a second one finds the platform held:
      // never down and up three times over.
      for (const p of PLATFORMS) {
        const seq = changes
          .filter((c) => c.platform === p)
          .map((c) => c.status)
          .join(',');
        expect(seq).not.toMatch(/down,up,down,up,down,up/);
      }
      expect(rejected).toEqual(e.rejected ?? []);
    });
  });

  it('median detection delay ≤ 3 s and worst ≤ 8 s (partial ≤ 10 s) across fixtures; recovery ≤ 10 s', () => {
    const all = SCENARIOS.flatMap((s) => delays(s, replayFixture(s.name).changes));
    const downs = all.filter((d) => d.kind === 'down').map((d) => d.ms!);
    const partial = all.filter((d) => d.kind === 'degraded').map((d) => d.ms!);
    const ups = all.filter((d) => d.kind === 'up').map((d) => d.ms!);
    console.log(
      `detection: n=${downs.length} median=${median(downs)} ms worst=${Math.max(...downs)} ms; partial worst=${Math.max(...partial)} ms; recovery worst=${Math.max(...ups)} ms`,
    );
    expect(median(downs)).toBeLessThanOrEqual(3000);
    expect(Math.max(...downs)).toBeLessThanOrEqual(8000);
    expect(Math.max(...partial)).toBeLessThanOrEqual(10_000);
    expect(Math.max(...ups)).toBeLessThanOrEqual(10_000);
  });
});
