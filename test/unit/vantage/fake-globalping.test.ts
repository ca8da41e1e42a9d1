/**
 * The fake Globalping API answers as the real one does, read through the official client
 * (`globalping` 0.2.0) exactly as the extension reads it. Its bodies are typed by the client's
 * published types (fake-globalping.ts: `MeasurementResponse`, `TestResult`, `ProbeLocation`,
 * `CreateMeasurementResponse`), so `npm run typecheck` pins the shapes; these tests pin the rest:
 * statuses, headers, the in-progress → finished sequence, failed tests, 429 and 400.
 */
import { Globalping, type TypedMeasurementResponse } from 'globalping';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { measurementRequest } from '../../../src/vantage/request';
import {
  createFakeGlobalping,
  type FakeGlobalping,
  fakeFetch,
  LOCATIONS,
  sevenProbes,
} from '../../support/harness/fake-globalping';

let fake: FakeGlobalping;
const client = () => new Globalping({ timeout: 2000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  fake = createFakeGlobalping();
  vi.stubGlobal('fetch', fakeFetch(fake));
});
afterEach(() => vi.unstubAllGlobals());

describe('the fake Globalping API, read by the official client', () => {
  it('answers a create with 202, an id, probesCount and a Location header, and the rate-limit headers', async () => {
    const r = await client().createMeasurement(measurementRequest('whatsapp', 'http'));
    expect(r.ok).toBe(true);
    expect(r.response.status).toBe(202);
    if (!Globalping.isHttpStatus(202, r)) throw new Error('not 202');
    expect(r.data.id).toMatch(/^[A-Za-z0-9]+$/);
    expect(r.data.probesCount).toBe(7);
    expect(r.response.headers.get('location')).toBe(`https://api.globalping.io/v1/measurements/${r.data.id}`);
    expect(r.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-consumed', 'x-ratelimit-remaining', 'x-ratelimit-reset'])
      expect(r.response.headers.get(h), h).toMatch(/^\d+$/);
  });

  it('sends the real CORS headers: * everywhere, narrowed on POST, never allow-methods', async () => {
    const post = fake.respond({
      method: 'OPTIONS',
      path: '/v1/measurements',
      headers: { origin: 'chrome-extension://abc' },
      body: '',
    });
    expect(post.status).toBe(200);
    expect(post.body).toBe('');
    expect(post.headers['access-control-allow-origin']).toBe('*');
    expect(post.headers['access-control-allow-headers']).toBe('Authorization, Content-Type');
    expect(post.headers['access-control-expose-headers']).toContain('X-RateLimit-Reset');
    expect(post.headers['access-control-allow-methods']).toBeUndefined();
    expect(post.headers['access-control-allow-credentials']).toBeUndefined();
    const created = await client().createMeasurement(measurementRequest('whatsapp', 'http'));
    const id = (created.data as { id: string }).id;
    const get = fake.respond({ method: 'OPTIONS', path: `/v1/measurements/${id}`, headers: {}, body: '' });
    expect(get.headers['access-control-allow-headers']).toBe('*');
    expect(get.headers['access-control-expose-headers']).toBe('*');
  });

  it('reports a measurement in-progress, then finished, with each probe’s location and result', async () => {
    fake.setProbes(
      sevenProbes((l) =>
        l.asn === LOCATIONS.vi.asn
          ? { kind: 'failed', rawOutput: 'connect ECONNRESET 157.240.16.53:443' }
          : { kind: 'ok' },
      ).map((p, i) => ({ ...p, afterMs: 1000 + i * 20 })),
    );
    const gp = client();
    const c = await gp.createMeasurement(measurementRequest('whatsapp', 'http'));
    const id = (c.data as { id: string }).id;
    const first = await gp.getMeasurement(id);
    expect(first.ok).toBe(true);
    const m1 = first.data as TypedMeasurementResponse<'http'>;
    expect(m1.status).toBe('in-progress');
    expect(m1.results).toHaveLength(7);
    expect(m1.results[0]?.result).toEqual({ status: 'in-progress', rawOutput: '' });
    expect(first.response.headers.get('access-control-allow-origin')).toBe('*');
    await sleep(1300);
    const done = await gp.getMeasurement(id);
    const m2 = done.data as TypedMeasurementResponse<'http'>;
    expect(m2.status).toBe('finished');
    expect(m2.results[0]?.probe).toMatchObject({
      country: 'IN',
      asn: 55836,
      city: 'Mumbai',
      tags: ['eyeball-network'],
    });
    const vi = m2.results.find((x) => x.probe.asn === LOCATIONS.vi.asn);
    expect(vi?.result).toEqual({ status: 'failed', rawOutput: 'connect ECONNRESET 157.240.16.53:443' });
    const ok = m2.results[0]?.result as { status: string; statusCode: number };
    expect(ok.status).toBe('finished');
    expect(ok.statusCode).toBe(200);
  });

  it('answers DNS measurements with the RCODE and A records', async () => {
    fake.setProbes(sevenProbes(() => ({ kind: 'dns', rcode: 2 })).map((p) => ({ ...p, afterMs: 0 })));
    const gp = client();
    const c = await gp.createMeasurement(measurementRequest('facebook', 'dns'));
    const m = (await gp.getMeasurement((c.data as { id: string }).id)).data as TypedMeasurementResponse<'dns'>;
    expect(m.status).toBe('finished');
    expect(m.results[0]?.result).toMatchObject({
      status: 'finished',
      statusCode: 2,
      statusCodeName: 'SERVFAIL',
      answers: [],
    });
  });

  it('answers 429 with the rate-limit headers when the hourly limit is used up', async () => {
    fake.setMode({ mode: 'rate-limited', resetSeconds: 1800 });
    const r = await client().createMeasurement(measurementRequest('whatsapp', 'http'));
    expect(r.ok).toBe(false);
    expect(r.response.status).toBe(429);
    expect(r.data).toMatchObject({ error: { type: 'rate_limit_exceeded' } });
    expect(r.response.headers.get('x-ratelimit-reset')).toBe('1800');
    expect(r.response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(r.response.headers.get('retry-after')).toBeNull();
  });

  it('answers 400 with the validation errors per field', async () => {
    const r = await client().createMeasurement({ type: 'http', target: 'not a host' } as never);
    expect(r.response.status).toBe(400);
    if (!Globalping.isHttpStatus(400, r)) throw new Error('not 400');
    expect(r.data.error.type).toBe('validation_error');
    expect(r.data.error.params?.target).toContain('fails to match');
  });

  it('limits reads of one measurement to 5 in 2 s, with Retry-After', async () => {
    const gp = client();
    const c = await gp.createMeasurement(measurementRequest('whatsapp', 'http'));
    const id = (c.data as { id: string }).id;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await gp.getMeasurement(id)).response.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
