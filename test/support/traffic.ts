/**
 * Browser traffic for the reliability tests, built on the fixtures' Recorder (test/fixtures/traffic.ts)
 * so requests look exactly as each browser reports them.
 */

import type { PlatformId } from '../../src/core/types';
import { type Browser, browse, type Outcome, Recorder, rng } from '../fixtures/traffic';

export type Line = Record<string, unknown>;
export const OK: Outcome = { ok: true };
export const fail = (error: string): Outcome => ({ ok: false, error });
export const status = (s: number): Outcome => ({ ok: false, status: s });

/** Browsing `use` from `from` to `to`; `outcome(p, t)` decides how each request ends. */
export function traffic(
  browser: Browser,
  use: PlatformId[],
  from: number,
  to: number,
  outcome: (p: PlatformId, t: number, type: string) => Outcome,
  seed = 7,
): Line[] {
  const rec = new Recorder(browser, seed);
  browse(rec, rng(seed), use, from, to, (p, t, type) => outcome(p, t, type));
  return rec.sorted();
}

/**
 * One failing request as Chromium reports it: a page's request names its page (`initiator`, here
 * the URL's own origin, a platform's); a top-level load the user started names none.
 */
export function failing(url: string, error: string, t: number, requestId: string, type = 'xmlhttprequest'): Line {
  const from = type === 'main_frame' ? {} : { initiator: new URL(url).origin };
  return {
    event: 'onErrorOccurred',
    details: { url, type, timeStamp: t, error, requestId, tabId: 7, frameId: 0, ...from },
  };
}
