/** Synthetic but realistic load for the bench: mostly successes, a few % failures, outages now and then. */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { TraceEvent } from '../src/core/api';
import { rng } from '../test/fixtures/traffic';

const HOSTS = [
  ['https://web.whatsapp.com/check-update?v=2', 'xmlhttprequest', 'https://web.whatsapp.com'],
  ['https://mmg.whatsapp.net/v/t62/1_n.enc', 'image', 'https://web.whatsapp.com'],
  ['https://www.facebook.com/api/graphql/', 'xmlhttprequest', 'https://www.facebook.com'],
  ['https://scontent.fdel1-1.fna.fbcdn.net/v/t39/300_n.jpg', 'image', 'https://www.facebook.com'],
  ['https://www.instagram.com/api/v1/feed/timeline/', 'xmlhttprequest', 'https://www.instagram.com'],
  ['https://scontent.cdninstagram.com/v/t51/1_n.jpg', 'image', 'https://www.instagram.com'],
  ['https://www.example.com/', 'main_frame', ''],
] as const;
const ERRORS = [
  'net::ERR_CONNECTION_RESET',
  'net::ERR_NAME_NOT_RESOLVED',
  'net::ERR_TIMED_OUT',
  'NS_ERROR_NET_RESET',
  'net::ERR_ABORTED',
];

/** One request event as a JSON-ready object; every 20 000 events an outage of 2 000 events. */
function eventAt(i: number, r: () => number, t: number): Record<string, unknown> {
  const [url, type, page] = HOSTS[Math.floor(r() * HOSTS.length)]!;
  const outage = i % 20_000 > 18_000;
  const details: Record<string, unknown> = {
    url,
    type,
    timeStamp: t,
    requestId: String(100000 + i),
    tabId: 3,
    frameId: 0,
  };
  if (page) details.initiator = page;
  if (outage || r() < 0.03) {
    details.error = outage ? 'net::ERR_NAME_NOT_RESOLVED' : ERRORS[Math.floor(r() * ERRORS.length)]!;
    return { event: 'onErrorOccurred', details };
  }
  details.statusCode = r() < 0.01 ? 503 : 200;
  return { event: 'onCompleted', details };
}

export function makeEvents(n: number, seed: number): TraceEvent[] {
  const r = rng(seed);
  const out: TraceEvent[] = [];
  let t = 1_700_000_000_000;
  for (let i = 0; i < n; i++) {
    t += Math.floor(r() * 40);
    out.push(eventAt(i, r, t) as unknown as TraceEvent);
  }
  return out;
}

/** Writes `lines` JSON lines (a DNS check now and then) in 4 MB chunks, never holding them all. */
export function writeBigTrace(file: string, lines: number, seed: number): void {
  const r = rng(seed);
  writeFileSync(file, '');
  let t = 1_700_000_000_000;
  let chunk = '';
  for (let i = 0; i < lines; i++) {
    t += Math.floor(r() * 40);
    const line =
      i % 5000 === 4999
        ? { event: 'dns', timeStamp: t, name: 'www.facebook.com', status: 0, answers: 1, addresses: ['157.240.16.35'] }
        : eventAt(i, r, t);
    chunk += `${JSON.stringify(line)}\n`;
    if (chunk.length > 1 << 22) {
      appendFileSync(file, chunk);
      chunk = '';
    }
  }
  appendFileSync(file, chunk);
}
