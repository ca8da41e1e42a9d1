import { describe, expect, it } from 'vitest';
import {
  addToWindow,
  BUCKET_MS,
  BUCKETS,
  type BucketWindow,
  NCLASS,
  newWindow,
  sumWindow,
} from '../../../src/core/window';
import { prng } from '../../support/fuzz-gen';

/** The plain definition: every slot whose bucket lies in the span. */
function reference(win: BucketWindow, now: number, spanMs: number, notBefore: number) {
  const nowId = Math.floor(now / BUCKET_MS);
  const firstId = Math.max(nowId - Math.ceil(spanMs / BUCKET_MS) + 1, Math.floor(notBefore / BUCKET_MS));
  const n = new Array<number>(NCLASS).fill(0);
  for (let slot = 0; slot < BUCKETS; slot++) {
    const id = win.ids[slot]!;
    if (id < firstId || id > nowId) continue;
    for (let c = 0; c < NCLASS; c++) n[c]! += win.n[slot * NCLASS + c]!;
  }
  return n;
}

describe('sumWindow', () => {
  it.each([
    ['ordinary times', 1_633_361_820_000, 40_000],
    ['near zero', 0, 40_000],
    ['beyond 2^53 buckets', 1e21, 1e19],
  ])('matches the slot-by-slot definition (%s)', (_name, start, spread) => {
    const r = prng(7);
    const win = newWindow();
    let t = start;
    for (let i = 0; i < 2_000; i++) {
      t += Math.floor(r() * spread) / 100;
      addToWindow(win, t, Math.floor(r() * NCLASS), 1);
      for (const span of [5_000, 30_000, 120_000]) {
        const notBefore = r() < 0.3 ? t - r() * 60_000 : -Infinity;
        expect(sumWindow(win, t, span, notBefore).n).toEqual(reference(win, t, span, notBefore));
      }
    }
  });

  it('fills the caller-supplied result instead of allocating', () => {
    const win = newWindow();
    addToWindow(win, 10_000, 2, 1.5);
    const out = sumWindow(win, 10_000, 30_000);
    const again = sumWindow(win, 10_000, 30_000, -Infinity, out);
    expect(again).toBe(out);
    expect(again.w[2]).toBe(1.5);
  });
});
