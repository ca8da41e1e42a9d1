/**
 * Seeded generators of hostile trace input: random lines, mutations of valid lines, odd error
 * strings, huge fields. Deterministic for a seed, so a failure can be replayed exactly.
 */

export type Rand = () => number;

/** mulberry32: small, fast, good enough to explore input space. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, n: number) => Math.floor(r() * n);

const HOSTS = [
  'web.whatsapp.com',
  'www.facebook.com',
  'static.xx.fbcdn.net',
  'www.instagram.com',
  'scontent.cdninstagram.com',
  'connect.facebook.net',
  'example.com',
  'evilwhatsapp.net',
  'WWW.FACEBOOK.COM.',
  'xn--80ak6aa92e.com',
  '[::1]',
  '127.0.0.1',
  '',
];
const ERRORS = [
  'net::ERR_NAME_NOT_RESOLVED',
  'net::ERR_CONNECTION_RESET',
  'net::ERR_BLOCKED_BY_CLIENT',
  'net::ERR_ABORTED',
  'net::ERR_INTERNET_DISCONNECTED',
  'net::ERR_CERT_DATE_INVALID',
  'NS_ERROR_UNKNOWN_HOST',
  'NS_BINDING_ABORTED',
  'NS_ERROR_NET_ON_CONNECTING_TO',
  'Error code 2152398878',
  '0x805a1ff3',
];
const TYPES = ['main_frame', 'xmlhttprequest', 'image', 'websocket', 'ping', 'weird', '', '__proto__', 'constructor'];
const EVENTS = ['onCompleted', 'onHeadersReceived', 'onErrorOccurred', 'connectivity', 'probe', 'dns'];

/** Random junk text: control characters, surrogates, RTL overrides, markup, quotes. */
export function randomString(r: Rand, max = 40): string {
  const alphabet = [
    'a',
    'Z',
    '0',
    ':',
    '/',
    '"',
    '\\',
    '\u0000',
    '\u202e',
    '\ud800',
    '😀',
    'ज़',
    '<img src=x onerror=alert(1)>',
    ' ',
    '\t',
    '{',
    '}',
    'net::ERR_',
    'NS_ERROR_',
  ];
  let s = '';
  const n = int(r, max);
  for (let i = 0; i < n; i++) s += pick(r, alphabet);
  return s;
}

/** A random error string: catalogued, almost catalogued, or junk. */
export function randomError(r: Rand): string {
  const x = r();
  if (x < 0.4) return pick(r, ERRORS);
  if (x < 0.42) return pick(r, ['__proto__', 'constructor', 'toString', 'NS_ERROR___PROTO__']);
  if (x < 0.6)
    return `net::ERR_${randomString(r, 12)
      .toUpperCase()
      .replace(/[^A-Z_]/g, '_')}`;
  if (x < 0.7) return `Error code ${int(r, 2 ** 32)}`;
  if (x < 0.8) return `0x${int(r, 2 ** 32).toString(16)}`;
  return randomString(r);
}

/** A plausible event (valid or nearly), at trace time `t`. */
export function validEvent(r: Rand, t: number): Record<string, unknown> {
  const ev = pick(r, EVENTS);
  const url = `${pick(r, ['https', 'http', 'wss', 'chrome-extension', 'moz-extension'])}://${pick(r, HOSTS)}/${randomString(r, 8)}`;
  const details: Record<string, unknown> = { url, type: pick(r, TYPES), timeStamp: t, requestId: String(int(r, 500)) };
  if (r() < 0.3) details.initiator = `https://${pick(r, HOSTS)}`;
  if (r() < 0.2) details.originUrl = `https://${pick(r, HOSTS)}/x`;
  switch (ev) {
    case 'onCompleted':
    case 'onHeadersReceived':
      return { event: ev, details: { ...details, statusCode: pick(r, [200, 204, 301, 404, 500, 503, 0, 999]) } };
    case 'onErrorOccurred':
      return { event: ev, details: { ...details, error: randomError(r) } };
    case 'connectivity':
      return { event: ev, timeStamp: t, online: r() < 0.5 };
    case 'probe':
      return {
        event: ev,
        timeStamp: t,
        target: pick(r, ['control', 'whatsapp', 'facebook', 'instagram']),
        url,
        ok: r() < 0.5,
        ...(r() < 0.5 ? { statusCode: pick(r, [204, 200, 503]) } : {}),
        ...(r() < 0.5 ? { error: randomError(r) } : {}),
      };
    default:
      return {
        event: ev,
        timeStamp: t,
        name: pick(r, HOSTS),
        status: pick(r, [0, 2, 3, 5]),
        answers: int(r, 4),
        ...(r() < 0.5 ? { addresses: ['157.240.1.35', '10.0.0.1', randomString(r, 10)] } : {}),
      };
  }
}

const ODD_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  '',
  'x',
  [],
  {},
  [1, 2],
  { toString: 1 },
  '__proto__',
];

/** Mutates a valid event: drops, retypes or bloats a field, or nests something odd. */
export function mutate(r: Rand, obj: Record<string, unknown>): Record<string, unknown> {
  const o = structuredClone(obj) as Record<string, unknown>;
  const target = o.details && r() < 0.7 ? (o.details as Record<string, unknown>) : o;
  const keys = Object.keys(target);
  const key = keys.length && r() < 0.8 ? pick(r, keys) : randomString(r, 6);
  const x = r();
  if (x < 0.25) delete target[key];
  else if (x < 0.6) target[key] = pick(r, ODD_VALUES);
  else if (x < 0.75) target[key] = randomString(r, 200);
  else if (x < 0.77)
    target[key] = 'A'.repeat(100_000 + int(r, 200_000)); // a huge field
  else if (x < 0.95) target[key] = { nested: { deeper: [randomString(r)] } };
  else o.event = pick(r, ['', 'onerror', 'ONCOMPLETED', 42, null]);
  return o;
}

/** One trace line: valid, mutated, or not JSON at all. */
export function randomLine(r: Rand, t: number): string {
  const x = r();
  if (x < 0.45) return JSON.stringify(validEvent(r, t));
  if (x < 0.85) return JSON.stringify(mutate(r, validEvent(r, t)));
  if (x < 0.9) {
    const s = JSON.stringify(validEvent(r, t));
    return s.slice(0, int(r, s.length)); // truncated
  }
  if (x < 0.95) return JSON.stringify(pick(r, ODD_VALUES));
  return randomString(r, 80);
}
