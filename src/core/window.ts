/**
 * Fixed time buckets per platform: counts and weights by ErrorClass over a sliding window.
 * Memory is constant whatever the event rate: BUCKETS slots, each BUCKET_MS wide.
 */
import { ERROR_CLASSES, type ErrorClass } from './types';

export const BUCKET_MS = 5_000;
export const BUCKETS = 24; // 2 minutes
export const WINDOW_MS = BUCKET_MS * BUCKETS;
/** A finer window over the last few seconds (partial failure, fast): 1 s slots. */
export const SHORT_BUCKET_MS = 1_000;
export const SHORT_BUCKETS = 10;
export const NCLASS = ERROR_CLASSES.length;
export const CLASS_INDEX: Record<ErrorClass, number> = Object.fromEntries(
  ERROR_CLASSES.map((c, i) => [c, i]),
) as Record<ErrorClass, number>;
export const OK = CLASS_INDEX.ok;
export const IGNORE = CLASS_INDEX.ignore;
export const UNKNOWN = CLASS_INDEX.unknown;

/** Plain arrays so the state serialises as JSON without a conversion step. */
export interface BucketWindow {
  /** Which bucket number (floor(t / BUCKET_MS)) each slot holds; -1 when empty. */
  ids: number[];
  /** Counts, slot * NCLASS + class. */
  n: number[];
  /** Weights, slot * NCLASS + class. */
  w: number[];
}

export function newWindow(buckets = BUCKETS): BucketWindow {
  return {
    ids: new Array<number>(buckets).fill(-1),
    n: new Array<number>(buckets * NCLASS).fill(0),
    w: new Array<number>(buckets * NCLASS).fill(0),
  };
}

/** The window's slot count comes from the window itself; `bucketMs` says how wide each slot is. */
export function addToWindow(win: BucketWindow, t: number, cls: number, weight: number, bucketMs = BUCKET_MS): void {
  const buckets = win.ids.length;
  const id = Math.floor(t / bucketMs);
  const slot = ((id % buckets) + buckets) % buckets;
  if (win.ids[slot] !== id) {
    // Older than what the slot holds: a late event outside the window; nothing to count it in.
    if ((win.ids[slot] ?? -1) > id) return;
    win.ids[slot] = id;
    win.n.fill(0, slot * NCLASS, slot * NCLASS + NCLASS);
    win.w.fill(0, slot * NCLASS, slot * NCLASS + NCLASS);
  }
  win.n[slot * NCLASS + cls]! += 1;
  win.w[slot * NCLASS + cls]! += weight;
}

export interface WindowSums {
  n: number[];
  w: number[];
  okN: number;
  okW: number;
  failN: number;
  failW: number;
}

export function newSums(): WindowSums {
  return {
    n: new Array<number>(NCLASS).fill(0),
    w: new Array<number>(NCLASS).fill(0),
    okN: 0,
    okW: 0,
    failN: 0,
    failW: 0,
  };
}

/**
 * Sums over the buckets covering (now - spanMs, now], and not before `notBefore`. Pass `out` to
 * fill it instead of allocating (the verdict rules run this on every failure).
 */
export function sumWindow(
  win: BucketWindow,
  now: number,
  spanMs: number,
  notBefore = -Infinity,
  out: WindowSums = newSums(),
  bucketMs = BUCKET_MS,
): WindowSums {
  const buckets = win.ids.length;
  const nowId = Math.floor(now / bucketMs);
  const firstId = Math.max(nowId - Math.ceil(spanMs / bucketMs) + 1, Math.floor(notBefore / bucketMs));
  const { n, w } = out;
  // Plain loops over the eight classes, not fill(): this runs on every failure, for each platform.
  for (let c = 0; c < NCLASS; c++) {
    n[c] = 0;
    w[c] = 0;
  }
  // Only the slots that can hold the span's buckets (6 of 24 for the 30 s the rules look at),
  // going back from now's slot. Beyond 2^53 (fuzzed timestamps) ids are not exact: scan them all.
  const exact = Number.isSafeInteger(nowId) && Number.isSafeInteger(firstId);
  const steps = exact ? Math.min(buckets, nowId - firstId + 1) : buckets;
  const nowSlot = ((nowId % buckets) + buckets) % buckets;
  const winN = win.n;
  const winW = win.w;
  for (let k = 0; k < steps; k++) {
    const slot = (nowSlot - k + buckets) % buckets;
    const id = win.ids[slot]!;
    if (id < firstId || id > nowId) continue;
    const base = slot * NCLASS;
    for (let c = 0; c < NCLASS; c++) {
      n[c]! += winN[base + c]!;
      w[c]! += winW[base + c]!;
    }
  }
  let failN = 0;
  let failW = 0;
  for (let c = 0; c < NCLASS; c++) {
    if (c === OK || c === IGNORE) continue;
    failN += n[c]!;
    failW += w[c]!;
  }
  out.okN = n[OK]!;
  out.okW = w[OK]!;
  out.failN = failN;
  out.failW = failW;
  return out;
}

/** Forgets every failure in the window, keeping the successes (the user's connection was to blame). */
export function clearFailures(win: BucketWindow): void {
  for (let i = 0; i < win.n.length; i++) {
    if (i % NCLASS === OK || i % NCLASS === IGNORE) continue;
    win.n[i] = 0;
    win.w[i] = 0;
  }
}

/** dominantFailure(w).cls without making an object: for the many callers that need only the class. */
export function dominantClass(w: readonly number[]): number {
  let best = -1;
  let bestW = 0;
  for (let c = 0; c < NCLASS; c++) {
    if (c === OK || c === IGNORE) continue;
    const v = w[c]!;
    if (v > bestW) {
      best = c;
      bestW = v;
    }
  }
  return best;
}

/** The failure class with the most weight (ties: the first in ERROR_CLASSES order), or -1. */
export function dominantFailure(w: readonly number[]): { cls: number; share: number } {
  let best = -1;
  let bestW = 0;
  let total = 0;
  for (let c = 0; c < NCLASS; c++) {
    if (c === OK || c === IGNORE) continue;
    const v = w[c]!;
    total += v;
    if (v > bestW) {
      best = c;
      bestW = v;
    }
  }
  return { cls: best, share: total > 0 ? bestW / total : 0 };
}
