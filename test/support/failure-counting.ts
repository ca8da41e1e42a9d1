/**
 * The walking skeleton's browser scenarios, shared by the Chromium and Firefox test files: make a
 * watched host fail for real, then ask the background (as the popup would, `get-status`) whether it
 * counted the failure. Only the message protocol is assumed, not the worker's internals.
 */
import { expect } from 'vitest';
import type { ErrorClass, PlatformId } from '../../src/core/types';
import type { StatusReport } from '../../src/shared/protocol/messages';
import type { BrowserSession } from './harness';

export const GET_STATUS = { type: 'get-status' } as const;

export function failures(r: StatusReport | undefined, p: PlatformId, cls?: ErrorClass): number {
  const ev = r?.platforms?.[p]?.evidence;
  if (!ev) return 0;
  return cls ? (ev.byClass?.[cls] ?? 0) : (ev.failed ?? 0);
}

/** Waits until the background reports more failures of `cls` for `p` than `before`. */
export async function expectCounted(
  s: BrowserSession,
  p: PlatformId,
  cls: ErrorClass,
  before = 0,
  timeoutMs = 20_000,
): Promise<StatusReport> {
  const r = await s.waitForReply<StatusReport>(GET_STATUS, (x) => failures(x, p, cls) > before, timeoutMs);
  expect(
    failures(r, p, cls),
    `${s.browser}: ${p} ${cls} failures in ${JSON.stringify(r?.platforms?.[p]?.evidence)}`,
  ).toBeGreaterThan(before);
  expect(failures(r, p)).toBeGreaterThanOrEqual(failures(r, p, cls));
  return r;
}

export async function status(s: BrowserSession): Promise<StatusReport> {
  return s.sendMessage<StatusReport>(GET_STATUS);
}
