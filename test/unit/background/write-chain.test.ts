import { describe, expect, it } from 'vitest';
import { createWriteChain } from '../../../src/background/write-chain';

/** A virtual clock with timers, so 10 s of storm runs instantly and deterministically. */
function virtualTime() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = ++ids;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    async advance(to: number) {
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > to) break;
        timers.shift();
        now = next.at;
        next.fn();
        await Promise.resolve();
        await Promise.resolve();
      }
      now = to;
    },
  };
}

describe('write chain', () => {
  it('a storm of 10,000 changes in 10 s gives at most one write per 2 s, each with the latest state', async () => {
    const vt = virtualTime();
    const written: Map<string, unknown>[] = [];
    let producedCalls = 0;
    const chain = createWriteChain({
      minIntervalMs: 2_000,
      now: vt.now,
      setTimer: vt.setTimer,
      clearTimer: vt.clearTimer,
      write: async (b) => void written.push(b),
    });
    let version = 0;
    for (let i = 0; i < 10_000; i++) {
      await vt.advance(i);
      version = i;
      chain.mark('engine', () => {
        producedCalls++;
        return { version };
      });
      expect(chain.pendingKeys).toBeLessThanOrEqual(1);
    }
    await vt.advance(12_000);
    expect(written.length).toBeLessThanOrEqual(6); // 10 s / 2 s, plus the first immediate write
    expect(written.length).toBeGreaterThanOrEqual(5);
    expect(producedCalls).toBe(written.length); // snapshots only when writing
    expect(written.at(-1)!.get('engine')).toEqual({ version: 9_999 });
  });

  it('serialises writes: a slow write is never overlapped by the next one', async () => {
    let active = 0;
    let maxActive = 0;
    const chain = createWriteChain({
      minIntervalMs: 0,
      write: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
      },
    });
    for (let i = 0; i < 20; i++) {
      chain.mark(`k${i % 3}`, () => i);
      await new Promise((r) => setTimeout(r, 1));
    }
    await chain.flush();
    expect(maxActive).toBe(1);
    expect(chain.pendingKeys).toBe(0);
  });

  it('survives a failing write and a throwing producer, and keeps writing later', async () => {
    const seen: unknown[] = [];
    let fail = true;
    const chain = createWriteChain({
      minIntervalMs: 0,
      write: async (b) => {
        if (fail) throw new Error('quota');
        seen.push(Object.fromEntries(b));
      },
    });
    chain.mark('a', () => 1);
    await chain.flush();
    fail = false;
    chain.mark('bad', () => {
      throw new Error('boom');
    });
    chain.mark('b', () => 2);
    await chain.flush();
    expect(seen).toEqual([{ b: 2 }]);
  });

  it('a throttled flush (before a notification) waits for the next slot instead of writing twice in 2 s', async () => {
    const vt = virtualTime();
    const at: number[] = [];
    const chain = createWriteChain({
      minIntervalMs: 2000,
      now: vt.now,
      setTimer: vt.setTimer,
      clearTimer: vt.clearTimer,
      write: async () => {
        at.push(vt.now());
      },
    });
    chain.mark('engine', () => 1);
    await vt.advance(100); // first write at 0
    chain.mark('episodes', () => 'notified');
    let flushed = false;
    void chain.flush({ throttled: true }).then(() => {
      flushed = true;
    });
    await vt.advance(1500);
    expect(flushed).toBe(false);
    await vt.advance(2100);
    await Promise.resolve();
    expect(flushed).toBe(true);
    expect(at).toEqual([0, 2000]);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(2000);
  });

  it('spaces writes from when the last one finished: a write slowed by load still leaves storage 2 s of quiet', async () => {
    const vt = virtualTime();
    const spans: [number, number][] = [];
    const chain = createWriteChain({
      minIntervalMs: 2_000,
      now: vt.now,
      setTimer: vt.setTimer,
      clearTimer: vt.clearTimer,
      write: async () => {
        const start = vt.now();
        await new Promise<void>((r) => vt.setTimer(r, 1_500)); // a busy browser
        spans.push([start, vt.now()]);
      },
    });
    for (let t = 0; t < 12_000; t += 10) {
      await vt.advance(t);
      chain.mark('engine', () => t);
      if (t === 5_000) void chain.flush({ throttled: true });
    }
    await vt.advance(20_000);
    expect(spans.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0] - spans[i - 1]![1]).toBeGreaterThanOrEqual(2_000);
  });
});
