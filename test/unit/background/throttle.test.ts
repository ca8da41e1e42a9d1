import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../src/background/throttle';

afterEach(() => vi.useRealTimers());

describe('throttle (leading and trailing)', () => {
  const cases: { name: string; calls: number[]; runsAt: number[] }[] = [
    { name: 'one call runs at once', calls: [0], runsAt: [0] },
    { name: 'calls inside the interval collapse into one trailing run', calls: [0, 100, 400, 900], runsAt: [0, 1000] },
    { name: 'a call after the interval runs at once', calls: [0, 1500], runsAt: [0, 1500] },
    { name: 'a storm keeps one run per interval', calls: [0, 10, 1010, 1020, 2030], runsAt: [0, 1000, 2000, 3000] },
  ];
  for (const c of cases)
    it(c.name, () => {
      vi.useFakeTimers({ now: 0 });
      const runs: number[] = [];
      const t = throttle(() => runs.push(Date.now()), 1_000);
      for (const at of c.calls) {
        vi.advanceTimersByTime(at - Date.now()); // fires any trailing run due on the way
        t();
      }
      vi.advanceTimersByTime(5_000);
      expect(runs).toEqual(c.runsAt);
    });

  it('now() runs at once and cancels the pending trailing run', () => {
    vi.useFakeTimers({ now: 0 });
    const runs: number[] = [];
    const t = throttle(() => runs.push(Date.now()), 1_000);
    t();
    vi.advanceTimersByTime(200);
    t(); // would trail at 1000
    vi.advanceTimersByTime(100);
    t.now();
    vi.advanceTimersByTime(5_000);
    expect(runs).toEqual([0, 300]);
  });
});
