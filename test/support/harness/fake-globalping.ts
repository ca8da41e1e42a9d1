/**
 * A fake of the Globalping API (https://api.globalping.io/v1), as the real one answers, for the
 * routes Nazar uses: POST /v1/measurements, GET /v1/measurements/{id}, and their CORS preflights.
 * Shapes and headers follow the API's own source (jsdelivr/globalping: src/lib/http/server.ts and
 * its middleware cors.ts, default-headers.ts, validate.ts, error-handler.ts; src/measurement/route/
 * create-measurement.ts and get-measurement.ts; src/lib/rate-limiter/rate-limiter-post.ts) and its
 * OpenAPI spec (public/v1/spec.yaml); test/unit/vantage/fake-globalping.test.ts pins the bodies to
 * the official client's published types. Not kinder than the real API:
 * - every route gets `access-control-allow-origin: *` with `…-allow-headers: *` and
 *   `…-expose-headers: *` (corsHandler); POST and its preflight narrow them to
 *   `Authorization, Content-Type` and an explicit expose list (corsAuthHandler);
 * - bodies of POST and errors are pretty-printed JSON (koa-json, 2 spaces), `application/json;
 *   charset=utf-8`; a GET body is the stored measurement as compact JSON;
 * - a preflight is a 200 with an empty `text/plain` body and an `Allow` header (koa-router's
 *   allowedMethods); no `access-control-allow-methods` is ever sent;
 * - 429 on POST carries X-RateLimit-Limit/-Consumed/-Remaining/-Reset and X-Request-Cost, no
 *   Retry-After; 429 on GET (more than 5 reads of one measurement in 2 s) carries Retry-After.
 * Not modelled: compression (transparent to fetch), ETag/304 (Nazar never sends If-None-Match).
 */
import { randomBytes } from 'node:crypto';
import type { CreateMeasurementResponse, MeasurementResponse, ProbeLocation, TestResult } from 'globalping';

export const GLOBALPING_HOST = 'api.globalping.io';
const DOCS = 'https://globalping.io/docs/api.globalping.io';

/** The client's published `ProbeLocation`: the fake's probes are typed by it. */
export type FakeProbeLocation = ProbeLocation;

/** How one probe answers, and when (ms after the measurement was created). */
export type FakeOutcome =
  | { kind: 'ok'; status?: number }
  | { kind: 'http-error'; status: number }
  | { kind: 'failed'; rawOutput: string }
  | { kind: 'dns'; rcode: number; addresses?: string[] }
  /** Never finishes within the measurement's life (stays in-progress). */
  | { kind: 'silent' };

export interface FakeProbe {
  location: FakeProbeLocation;
  tags?: string[];
  outcome: FakeOutcome;
  afterMs: number;
}

export type FakeApiMode =
  | { mode: 'normal' }
  /** POST answers 429 as the real API does for an anonymous IP over its hourly limit. */
  | { mode: 'rate-limited'; resetSeconds: number }
  /** 422: no probe matches. */
  | { mode: 'no-probes' };

export interface FakeApiRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
export interface FakeApiReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FakeGlobalping {
  respond(req: FakeApiRequest): FakeApiReply;
  setProbes(probes: FakeProbe[]): void;
  setMode(mode: FakeApiMode): void;
  /** Every request as received (method, path, headers, body), oldest first. */
  readonly requests: FakeApiRequest[];
  reset(): void;
}

/** Locations as the real API reports them for Indian end-user networks and two probes abroad. */
export const LOCATIONS = {
  jio: loc('IN', 'Mumbai', 55836, 'Reliance Jio Infocomm Limited', 19.07, 72.88),
  airtel: loc('IN', 'New Delhi', 24560, 'Bharti Airtel Ltd., Telemedia Services', 28.61, 77.21),
  vi: loc('IN', 'Pune', 55410, 'Vodafone Idea Ltd', 18.52, 73.86),
  bsnl: loc('IN', 'Lucknow', 9829, 'National Internet Backbone', 26.85, 80.95),
  act: loc('IN', 'Bengaluru', 24309, 'Atria Convergence Technologies Ltd.', 12.97, 77.59),
  singapore: {
    ...loc('SG', 'Singapore', 16509, 'Amazon.com, Inc.', 1.29, 103.85),
    continent: 'AS' as const,
    region: 'South-eastern Asia' as const,
  },
  frankfurt: {
    ...loc('DE', 'Frankfurt', 3320, 'Deutsche Telekom AG', 50.11, 8.68),
    continent: 'EU' as const,
    region: 'Western Europe' as const,
  },
} satisfies Record<string, FakeProbeLocation>;

function loc(country: string, city: string, asn: number, network: string, lat: number, lon: number): ProbeLocation {
  return {
    continent: 'AS',
    region: 'Southern Asia',
    country,
    state: null,
    city,
    asn,
    network,
    latitude: lat,
    longitude: lon,
  } as ProbeLocation;
}

/** Seven probes: five Indian ISPs and two abroad, all answering `outcome`, 150–900 ms apart. */
export function sevenProbes(outcome: (l: FakeProbeLocation) => FakeOutcome): FakeProbe[] {
  return Object.values(LOCATIONS).map((location, i) => ({
    location,
    tags: location.country === 'IN' ? ['eyeball-network'] : ['datacenter-network'],
    outcome: outcome(location),
    afterMs: 300 + i * 150,
  }));
}

interface Stored {
  id: string;
  createdAt: number;
  type: string;
  target: string;
  locations: unknown;
  measurementOptions: unknown;
  probes: FakeProbe[];
  reads: number[];
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** corsHandler + defaultHeaders: on every answer. */
function baseHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-expose-headers': '*',
    'access-control-max-age': '600',
    'cross-origin-resource-policy': 'cross-origin',
    'timing-allow-origin': '*',
    vary: 'Accept-Encoding',
    'cache-control': 'private, no-store, no-cache, must-revalidate',
    'strict-transport-security': 'max-age=31536000; includeSubDomains; preload',
    'x-robots-tag': 'noindex',
    'x-response-time': '3ms',
  };
}

/** corsAuthHandler (POST /v1/measurements and its preflight). Origin is trusted only for globalping.io. */
function authCors(h: Record<string, string>, origin: string): Record<string, string> {
  const out = {
    ...h,
    'access-control-allow-headers': 'Authorization, Content-Type',
    'access-control-expose-headers':
      'ETag, Link, Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Consumed, X-RateLimit-Remaining, X-RateLimit-Reset, X-Credits-Consumed, X-Credits-Remaining, X-Request-Cost, X-Response-Time, Deprecation, Sunset',
    vary: 'Accept-Encoding, Origin',
  };
  if (/^https:\/\/(?:[\w-]+\.)*globalping\.io$/.test(origin))
    Object.assign(out, { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' });
  return out;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const ANON_LIMIT = 250;

function error(_status: number, type: string, message: string, docs: string, extra: object = {}) {
  return pretty({ error: { type, message, ...extra }, links: { documentation: docs } });
}

/** A few of the API's Joi rules, with its messages, for the fields Nazar sends. */
function validate(body: unknown): Record<string, string> | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { body: '"value" must be of type object' };
  const b = body as Record<string, unknown>;
  const problems: Record<string, string> = {};
  const types = ['ping', 'traceroute', 'dns', 'mtr', 'http'];
  if (!types.includes(b.type as string)) problems.type = `"type" must be one of [${types.join(', ')}]`;
  if (typeof b.target !== 'string' || !/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i.test(b.target))
    problems.target = `"target" with value "${String(b.target)}" fails to match the required pattern`;
  if (b.locations !== undefined) {
    if (!Array.isArray(b.locations)) problems.locations = '"locations" must be an array';
    else
      b.locations.forEach((l, i) => {
        const lim = (l as { limit?: unknown })?.limit;
        if (lim !== undefined && !(Number.isInteger(lim) && (lim as number) >= 1 && (lim as number) <= 200))
          problems[`locations[${i}].limit`] = `"locations[${i}].limit" must be less than or equal to 200`;
      });
  }
  for (const k of Object.keys(b))
    if (!['type', 'target', 'inProgressUpdates', 'locations', 'limit', 'measurementOptions'].includes(k))
      problems[k] = `"${k}" is not allowed`;
  return Object.keys(problems).length ? problems : null;
}

function resultOf(p: FakeProbe, type: string, target: string, done: boolean): TestResult {
  if (!done || p.outcome.kind === 'silent') return { status: 'in-progress', rawOutput: '' };
  const o = p.outcome;
  if (o.kind === 'failed') return { status: 'failed', rawOutput: o.rawOutput };
  if (type === 'dns') {
    const rcode = o.kind === 'dns' ? o.rcode : 0;
    const addresses = o.kind === 'dns' ? (o.addresses ?? (rcode === 0 ? ['157.240.16.53'] : [])) : ['157.240.16.53'];
    const names: Record<number, string> = { 0: 'NOERROR', 2: 'SERVFAIL', 3: 'NXDOMAIN' };
    return {
      status: 'finished',
      rawOutput: `;; ->>HEADER<<- opcode: QUERY, status: ${names[rcode] ?? 'SERVFAIL'}`,
      statusCode: rcode,
      statusCodeName: names[rcode] ?? 'SERVFAIL',
      resolver: 'private',
      answers: addresses.map((value) => ({ name: `${target}.`, type: 'A', ttl: 60, class: 'IN', value })),
      timings: { total: 24 },
    };
  }
  const status = o.kind === 'http-error' ? o.status : o.kind === 'ok' ? (o.status ?? 200) : 200;
  const names: Record<number, string> = {
    200: 'OK',
    302: 'Found',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return {
    status: 'finished',
    rawOutput: `HTTP/1.1 ${status}\nContent-Type: text/html; charset="utf-8"`,
    rawHeaders: 'Content-Type: text/html; charset="utf-8"',
    rawBody: null,
    truncated: false,
    headers: { 'content-type': 'text/html; charset="utf-8"' },
    statusCode: status,
    statusCodeName: names[status] ?? 'OK',
    resolvedAddress: '157.240.16.53',
    timings: { total: 212, dns: 12, tcp: 40, tls: 60, firstByte: 90, download: 10 },
    tls: {
      protocol: 'TLSv1.3',
      cipherName: 'TLS_AES_128_GCM_SHA256',
      authorized: true,
      createdAt: '2026-10-01T00:00:00.000Z',
      expiresAt: '2026-12-30T23:59:59.000Z',
      subject: { CN: '*.whatsapp.net', alt: `DNS:${target}` },
      issuer: { C: 'US', O: 'DigiCert Inc', CN: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1' },
      keyType: 'EC',
      keyBits: 256,
      serialNumber: '0A:0B:0C',
      fingerprint256: 'AA:BB:CC',
      publicKey: '04:AA',
    },
  };
}

export function createFakeGlobalping(now: () => number = Date.now): FakeGlobalping {
  let probes: FakeProbe[] = sevenProbes(() => ({ kind: 'ok' }));
  let mode: FakeApiMode = { mode: 'normal' };
  const store = new Map<string, Stored>();
  const requests: FakeApiRequest[] = [];
  let consumed = 0;

  const measurement = (m: Stored): MeasurementResponse => {
    const t = now() - m.createdAt;
    const results = m.probes.map((p) => ({
      probe: { ...p.location, tags: p.tags ?? [], resolvers: ['private'] },
      result: resultOf(p, m.type, m.target, t >= p.afterMs),
    }));
    const finished = results.every((r) => r.result.status !== 'in-progress');
    return {
      id: m.id,
      type: m.type as MeasurementResponse['type'],
      status: finished ? 'finished' : 'in-progress',
      createdAt: new Date(m.createdAt).toISOString(),
      updatedAt: new Date(now()).toISOString(),
      target: m.target,
      probesCount: m.probes.length,
      locations: m.locations as MeasurementResponse['locations'],
      measurementOptions: m.measurementOptions as MeasurementResponse['measurementOptions'],
      results,
    };
  };

  return {
    requests,
    setProbes(p) {
      probes = p;
    },
    setMode(m) {
      mode = m;
    },
    reset() {
      probes = sevenProbes(() => ({ kind: 'ok' }));
      mode = { mode: 'normal' };
      store.clear();
      requests.length = 0;
      consumed = 0;
    },
    respond(req) {
      requests.push(req);
      const origin = String(req.headers.origin ?? '');
      const path = req.path.split('?')[0] ?? '';
      const postDocs = `${DOCS}#post-/v1/measurements`;
      const getDocs = `${DOCS}#get-/v1/measurements/-id-`;
      if (path === '/v1/measurements') {
        if (req.method === 'OPTIONS')
          return {
            status: 200,
            headers: {
              ...authCors(baseHeaders(), origin),
              allow: 'POST, OPTIONS',
              'content-type': 'text/plain; charset=utf-8',
            },
            body: '',
          };
        if (req.method !== 'POST')
          return {
            status: 405,
            headers: { ...baseHeaders(), allow: 'POST, OPTIONS', 'content-type': JSON_TYPE },
            body: error(405, 'method_not_allowed', 'Method Not Allowed.', postDocs),
          };
        const h = authCors(baseHeaders(), origin);
        let body: unknown;
        try {
          body = JSON.parse(req.body);
        } catch {
          return {
            status: 400,
            headers: { ...h, 'content-type': JSON_TYPE },
            body: error(400, 'invalid_json', 'Invalid JSON.', postDocs),
          };
        }
        const problems = validate(body);
        if (problems)
          return {
            status: 400,
            headers: { ...h, 'content-type': JSON_TYPE },
            body: error(400, 'validation_error', 'Parameter validation failed.', postDocs, { params: problems }),
          };
        const b = body as Record<string, unknown>;
        const cost = Array.isArray(b.locations)
          ? (b.locations as { limit?: number }[]).reduce((a, l) => a + (l.limit ?? 1), 0)
          : ((b.limit as number | undefined) ?? 1);
        if (mode.mode === 'rate-limited')
          return {
            status: 429,
            headers: {
              ...h,
              'content-type': JSON_TYPE,
              'x-request-cost': String(cost),
              'x-ratelimit-reset': String(mode.resetSeconds),
              'x-ratelimit-limit': String(ANON_LIMIT),
              'x-ratelimit-consumed': '0',
              'x-ratelimit-remaining': '0',
            },
            body: error(
              429,
              'rate_limit_exceeded',
              'This measurement exceeds the remaining hourly rate limit for your IP address.',
              postDocs,
            ),
          };
        if (mode.mode === 'no-probes' || probes.length === 0)
          return {
            status: 422,
            headers: { ...h, 'content-type': JSON_TYPE },
            body: error(422, 'no_probes_found', 'No matching IPv4 probes available.', postDocs),
          };
        const id = randomBytes(12)
          .toString('base64')
          .replace(/[^A-Za-z0-9]/g, 'x')
          .slice(0, 16);
        const chosen = probes.slice(0, cost);
        store.set(id, {
          id,
          createdAt: now(),
          type: b.type as string,
          target: b.target as string,
          locations: b.locations,
          measurementOptions: b.measurementOptions,
          probes: chosen,
          reads: [],
        });
        consumed += chosen.length;
        const payload = pretty({ id, probesCount: chosen.length } satisfies CreateMeasurementResponse);
        return {
          status: 202,
          headers: {
            ...h,
            'content-type': JSON_TYPE,
            location: `https://${GLOBALPING_HOST}/v1/measurements/${id}`,
            'x-request-cost': String(cost),
            'x-ratelimit-reset': '3600',
            'x-ratelimit-limit': String(ANON_LIMIT),
            'x-ratelimit-consumed': String(chosen.length),
            'x-ratelimit-remaining': String(Math.max(0, ANON_LIMIT - consumed)),
            etag: `W/"${payload.length.toString(16)}-fake"`,
          },
          body: payload,
        };
      }
      const m = /^\/v1\/measurements\/([a-zA-Z0-9]+)$/.exec(path);
      if (m) {
        if (req.method === 'OPTIONS')
          return {
            status: 200,
            headers: { ...baseHeaders(), allow: 'HEAD, GET', 'content-type': 'text/plain; charset=utf-8' },
            body: '',
          };
        const stored = store.get(m[1] as string);
        if (!stored || (req.method !== 'GET' && req.method !== 'HEAD'))
          return {
            status: 404,
            headers: { ...baseHeaders(), 'content-type': JSON_TYPE },
            body: error(404, 'not_found', "Couldn't find the requested measurement.", getDocs),
          };
        // The real limit: 5 reads of one measurement per 2 s per client.
        const t = now();
        stored.reads = stored.reads.filter((r) => t - r < 2000);
        if (stored.reads.length >= 5) {
          const retry = Math.max(1, Math.ceil((2000 - (t - (stored.reads[0] as number))) / 1000));
          return {
            status: 429,
            headers: { ...baseHeaders(), 'content-type': JSON_TYPE, 'retry-after': String(retry) },
            body: error(
              429,
              'too_many_requests',
              `Too many requests. Please retry in ${retry} ${retry === 1 ? 'second' : 'seconds'}.`,
              getDocs,
            ),
          };
        }
        stored.reads.push(t);
        const payload = JSON.stringify(measurement(stored));
        return {
          status: 200,
          headers: {
            ...baseHeaders(),
            'cache-control': 'public, max-age=0',
            'content-type': 'application/json',
            etag: `W/"${payload.length.toString(16)}-fake"`,
          },
          body: req.method === 'HEAD' ? '' : payload,
        };
      }
      return {
        status: 404,
        headers: { ...baseHeaders(), 'content-type': JSON_TYPE },
        body: error(404, 'not_found', 'Not Found.', DOCS),
      };
    },
  };
}

/** A `fetch` that answers requests to api.globalping.io from the fake (unit tests; CORS not applied). */
export function fakeFetch(fake: FakeGlobalping, opts: { unreachable?: boolean } = {}): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    if (opts.unreachable || url.hostname !== GLOBALPING_HOST) throw new TypeError('Failed to fetch');
    const headers: Record<string, string> = {};
    req.headers.forEach((v, k) => {
      headers[k] = v;
    });
    const reply = fake.respond({
      method: req.method,
      path: url.pathname + url.search,
      headers,
      body: await req.text(),
    });
    return new Response(reply.status === 204 || req.method === 'HEAD' ? null : reply.body, {
      status: reply.status,
      headers: reply.headers,
    });
  };
}
