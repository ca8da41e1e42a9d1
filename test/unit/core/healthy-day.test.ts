/**
 * No new false alarms from the faster rules: a day of a million healthy events (busy hours and
 * idle ones, a flaky link failing 3 % of requests, mostly one way, ad blockers and aborted loads)
 * never puts a platform `down`.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/core/api';
import { Engine } from '../../../src/core/engine';
import type { VerdictChange } from '../../../src/core/types';
import { rng } from '../../fixtures/traffic';
import { T0 } from './engine-helpers';

const REQUESTS: [string, string, string][] = [
  ['https://web.whatsapp.com/check-update?v=2', 'xmlhttprequest', 'https://web.whatsapp.com'],
  ['wss://web.whatsapp.com/ws/chat', 'websocket', 'https://web.whatsapp.com'],
  ['https://mmg.whatsapp.net/v/t62/1_n.enc', 'image', 'https://web.whatsapp.com'],
  ['https://www.facebook.com/api/graphql/', 'xmlhttprequest', 'https://www.facebook.com'],
  ['https://scontent.fdel1-1.fna.fbcdn.net/v/t39/300_n.jpg', 'image', 'https://www.facebook.com'],
  ['https://static.xx.fbcdn.net/rsrc.php/v3/a.js', 'script', 'https://www.facebook.com'],
  ['https://www.instagram.com/api/v1/feed/timeline/', 'xmlhttprequest', 'https://www.instagram.com'],
  ['https://scontent.cdninstagram.com/v/t51/1_n.jpg', 'image', 'https://www.instagram.com'],
  ['https://www.example.com/', 'main_frame', ''],
];
/** The flaky link fails mostly one way in any hour (resets one hour, timeouts the next …). */
const FLAKY = [
  'net::ERR_CONNECTION_RESET',
  'net::ERR_TIMED_OUT',
  'net::ERR_NAME_NOT_RESOLVED',
  'net::ERR_NETWORK_CHANGED',
];
const NOISE = ['net::ERR_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT'];

function* healthyDay(n: number, seed: number): Generator<TraceEvent> {
  const r = rng(seed);
  let t = T0;
  for (let i = 0; i < n; i++) {
    // Busy stretches (a request every few tens of ms) and idle ones (tabs polling every few seconds).
    const idle = Math.floor(t / 1_800_000) % 3 === 2;
    t += idle ? 500 + Math.floor(r() * 2_500) : Math.floor(r() * 120);
    const [url, type, page] = REQUESTS[Math.floor(r() * REQUESTS.length)]!;
    const details = { url, type, timeStamp: t, requestId: `d${i}`, tabId: 3, ...(page ? { initiator: page } : {}) };
    const x = r();
    if (x < 0.03) {
      const hourly = FLAKY[Math.floor(t / 3_600_000) % FLAKY.length]!;
      const error = r() < 0.8 ? hourly : FLAKY[Math.floor(r() * FLAKY.length)]!;
      yield { event: 'onErrorOccurred', details: { ...details, error } };
    } else if (x < 0.06) {
      yield { event: 'onErrorOccurred', details: { ...details, error: NOISE[Math.floor(r() * NOISE.length)]! } };
    } else yield { event: 'onCompleted', details: { ...details, statusCode: 200 } };
  }
}

describe('a healthy day', () => {
  it('a million events with a 3 % flaky link, ad blockers and aborted loads: never down', { timeout: 60_000 }, () => {
    const e = new Engine();
    const downs: VerdictChange[] = [];
    let last = T0;
    for (const ev of healthyDay(1_000_000, 15)) {
      for (const c of e.ingest(ev)) if (c.status === 'down') downs.push(c);
      last = 'details' in ev ? ev.details.timeStamp : last;
    }
    expect(last - T0).toBeGreaterThan(20 * 3_600_000);
    expect(downs).toEqual([]);
  });
});
