import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../src/core/types';
import { SCENARIOS, toJsonl } from '../../fixtures/scenarios';
import { FIXTURES, firstAt, replayFixture } from './replay-fixture';

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

    it('passes through the expected intermediate verdicts, and never the forbidden ones', () => {
      for (const [platform, status, cause, scope] of e.seen ?? []) {
        expect(changes, `${platform} ${status}/${cause}/${scope}`).toContainEqual(
          expect.objectContaining({ platform, status, cause, scope }),
        );
      }
      for (const [platform, status] of e.never ?? []) {
        const bad = changes.filter((c) => c.status === status && (platform === '*' || c.platform === platform));
        expect(bad, `${platform} never ${status}`).toEqual([]);
      }
    });

    it('detects problems and recoveries in time', () => {
      for (const d of e.down ?? []) {
        const hit = firstAt(changes, d.platform, 'down', d.at);
        expect(hit, `${d.platform} down`).not.toBeNull();
        expect(hit!.timeStamp - d.at, `${d.platform} detection delay`).toBeLessThanOrEqual(d.maxMs);
      }
      for (const u of e.up ?? []) {
        const hit = firstAt(changes, u.platform, 'up', u.at);
        expect(hit, `${u.platform} up`).not.toBeNull();
        expect(hit!.timeStamp - u.at, `${u.platform} recovery delay`).toBeLessThanOrEqual(u.maxMs);
      }
    });

    it('does not flap and rejects exactly the broken lines', () => {
      for (const p of PLATFORMS) {
        const n = changes.filter((c) => c.platform === p).length;
        if (e.maxChanges !== undefined) expect(n, `${p} changes`).toBeLessThanOrEqual(e.maxChanges);
      }
      // Never up/down/up/down: after a relapse the engine holds instead of flapping.
      for (const p of PLATFORMS) {
        const seq = changes
          .filter((c) => c.platform === p)
          .map((c) => c.status)
          .join(',');
        expect(seq).not.toMatch(/up,down,up,down/);
      }
      expect(rejected).toEqual(e.rejected ?? []);
    });
  });

  it('median detection delay ≤ 3 s and worst ≤ 8 s across fixtures; recovery ≤ 10 s', () => {
    const downs: number[] = [];
    const ups: number[] = [];
    for (const s of SCENARIOS) {
      const { changes } = replayFixture(s.name);
      for (const d of s.expect.down ?? []) downs.push(firstAt(changes, d.platform, 'down', d.at)!.timeStamp - d.at);
      for (const u of s.expect.up ?? []) ups.push(firstAt(changes, u.platform, 'up', u.at)!.timeStamp - u.at);
    }
    downs.sort((a, b) => a - b);
    const median = downs[Math.floor(downs.length / 2)]!;
    console.log(
      `detection: n=${downs.length} median=${median} ms worst=${downs.at(-1)} ms; recovery worst=${Math.max(...ups)} ms`,
    );
    expect(median).toBeLessThanOrEqual(3000);
    expect(downs.at(-1)!).toBeLessThanOrEqual(8000);
    expect(Math.max(...ups)).toBeLessThanOrEqual(10_000);
  });
});
