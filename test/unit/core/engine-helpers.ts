/** Small event builders for engine tests. */
import type { TraceEvent } from '../../../src/core/api';

let id = 1;
export const T0 = 1_700_000_000_000;

export function ok(url: string, t: number, type = 'xmlhttprequest', extra: Record<string, unknown> = {}): TraceEvent {
  return {
    event: 'onCompleted',
    details: { url, type, statusCode: 200, timeStamp: t, requestId: String(id++), ...extra },
  };
}
export function status(
  url: string,
  t: number,
  statusCode: number,
  type = 'xmlhttprequest',
  extra: Record<string, unknown> = {},
): TraceEvent {
  return { event: 'onCompleted', details: { url, type, statusCode, timeStamp: t, requestId: String(id++), ...extra } };
}
export function err(
  url: string,
  t: number,
  error: string,
  type = 'xmlhttprequest',
  extra: Record<string, unknown> = {},
): TraceEvent {
  return { event: 'onErrorOccurred', details: { url, type, error, timeStamp: t, requestId: String(id++), ...extra } };
}
/** `n` events spaced `gap` ms apart from `from`, built by `make(t)`. */
export function series(from: number, n: number, gap: number, make: (t: number, i: number) => TraceEvent): TraceEvent[] {
  return Array.from({ length: n }, (_, i) => make(from + i * gap, i));
}
