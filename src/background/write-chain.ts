/**
 * One serialised, throttled write chain for all stored state. Callers mark a key dirty with a
 * producer; the value is only produced when the write happens, so a storm of 10,000 events costs
 * one snapshot per interval, not 10,000 (memory stays bounded: one producer per key).
 */
export interface WriteChainOptions {
  write(batch: Map<string, unknown>): Promise<void>;
  /** At most one write per this many ms (except explicit flushes). */
  minIntervalMs: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface WriteChain {
  mark(key: string, produce: () => unknown): void;
  /**
   * Writes whatever is pending and resolves when it is stored. By default now, ignoring the
   * throttle (a user's action); with `{ throttled: true }` at the next slot the interval allows,
   * so bookkeeping saved before a notification never adds a second write inside one interval.
   */
  flush(o?: { throttled?: boolean }): Promise<void>;
  readonly writes: number;
  readonly pendingKeys: number;
}

export function createWriteChain(opts: WriteChainOptions): WriteChain {
  const now = opts.now ?? Date.now;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const pending = new Map<string, () => unknown>();
  // The interval runs from when the last write finished, not when it began: under load a write
  // can take a second, and storage must still see at most one write per interval.
  let lastStartAt = Number.NEGATIVE_INFINITY;
  let lastDoneAt = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let writes = 0;

  function schedule(): void {
    if (timer !== null || inFlight || pending.size === 0) return;
    const wait = Math.max(0, lastDoneAt + opts.minIntervalMs - now());
    timer = setTimer(() => {
      timer = null;
      void run();
    }, wait);
  }

  function run(): Promise<void> {
    if (inFlight) return inFlight;
    if (pending.size === 0) return Promise.resolve();
    const batch = new Map<string, unknown>();
    for (const [key, produce] of pending) {
      try {
        batch.set(key, produce());
      } catch (e) {
        console.warn('nazar: could not snapshot', key, e);
      }
    }
    pending.clear();
    lastStartAt = now();
    writes++;
    inFlight = opts
      .write(batch)
      .catch((e) => console.warn('nazar: storage write failed', e))
      .finally(() => {
        inFlight = null;
        lastDoneAt = now();
        schedule();
      });
    return inFlight;
  }

  return {
    mark(key, produce) {
      pending.set(key, produce);
      schedule();
    },
    async flush(o) {
      if (o?.throttled) {
        const calledAt = now();
        if (inFlight) await inFlight;
        const wait = lastDoneAt + opts.minIntervalMs - now();
        if (wait > 0) await new Promise<void>((r) => setTimer(r, wait));
        if (inFlight) await inFlight;
        // A scheduled write that started after the call took everything pending then: done.
        if (lastStartAt >= calledAt) return;
      }
      if (timer !== null) {
        clearTimer(timer);
        timer = null;
      }
      if (inFlight) await inFlight;
      if (timer !== null) {
        clearTimer(timer);
        timer = null;
      }
      await run();
    },
    get writes() {
      return writes;
    },
    get pendingKeys() {
      return pending.size;
    },
  };
}
