/**
 * Leading-and-trailing throttle: the first call runs at once, calls inside the interval collapse
 * into one run at its end. The trailing run matters: a platform's first failure that lands inside
 * another platform's interval must still get its checks, not wait for the engine's next re-check.
 */
export interface Throttled {
  (): void;
  /** Runs now (a verdict changed) and restarts the interval. */
  now(): void;
}

export function throttle(fn: () => void, intervalMs: number, clock: () => number = Date.now): Throttled {
  let last = Number.NEGATIVE_INFINITY;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (trailing) clearTimeout(trailing);
    trailing = null;
    last = clock();
    fn();
  };
  const call = (() => {
    const wait = last + intervalMs - clock();
    if (wait <= 0) run();
    else trailing ??= setTimeout(run, wait);
  }) as Throttled;
  call.now = run;
  return call;
}
