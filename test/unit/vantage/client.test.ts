/**
 * The two calls to the Globalping API (src/vantage/client.ts): what each request carries, and how
 * answers come back. In Firefox, with the API granted, the requests are `same-origin` with no
 * referrer, so the browser's `POST` says `Origin: null` instead of the per-install
 * `moz-extension://` origin (the browser test checks the headers Firefox really sends).
 */
import { type CreateMeasurementResponse, Globalping } from 'globalping';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/vantage/client';
import { measurementRequest } from '../../../src/vantage/request';
import { createFakeGlobalping, fakeFetch, sevenProbes } from '../../support/harness/fake-globalping';

/** The fake's fetch, keeping each request as the browser would get it. */
function recording(reply?: (r: Request) => Response | undefined) {
  const fake = createFakeGlobalping();
  const sent: Request[] = [];
  const inner = fakeFetch(fake);
  const f: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    sent.push(req.clone());
    return reply?.(req) ?? inner(req);
  };
  return { fake, sent, f };
}

describe("Nazar's Globalping client", () => {
  it('with the API granted (Firefox): same-origin, no cookie, no referrer, so no per-install Origin', async () => {
    const { sent, f } = recording();
    const c = createClient({ granted: true, fetch: f });
    const created = await c.createMeasurement(measurementRequest('whatsapp', 'http'));
    await c.getMeasurement((created.data as CreateMeasurementResponse).id);
    expect(sent.map((r) => [r.method, r.mode, r.credentials, r.referrerPolicy])).toEqual([
      ['POST', 'same-origin', 'omit', 'no-referrer'],
      ['GET', 'same-origin', 'omit', 'no-referrer'],
    ]);
  });

  it('without it (Chromium): a CORS request, still with no cookie and no referrer', async () => {
    const { sent, f } = recording();
    await createClient({ granted: false, fetch: f }).createMeasurement(measurementRequest('facebook', 'dns'));
    expect(sent.map((r) => [r.mode, r.credentials, r.referrerPolicy])).toEqual([['cors', 'omit', 'no-referrer']]);
  });

  it('sends the measurement as JSON and nothing else: no token, no cookie, no User-Agent of its own', async () => {
    const { sent, f } = recording();
    const req = measurementRequest('instagram', 'http');
    await createClient({ granted: true, fetch: f }).createMeasurement(req);
    const [post] = sent as [Request];
    expect(post.url).toBe('https://api.globalping.io/v1/measurements');
    expect(JSON.parse(await post.text())).toEqual(JSON.parse(JSON.stringify(req)));
    expect([...post.headers.keys()]).toEqual(['content-type']);
    expect(post.headers.get('content-type')).toBe('application/json');
  });

  it('answers as the official client does: 202 with the id, the API’s errors as not ok, reads of the measurement', async () => {
    const fake = createFakeGlobalping();
    fake.setProbes(sevenProbes(() => ({ kind: 'ok', status: 200 })));
    const ours = createClient({ granted: false, fetch: fakeFetch(fake) });
    const req = measurementRequest('whatsapp', 'http');
    const a = await ours.createMeasurement(req);
    expect(a.ok).toBe(true);
    expect(a.response.status).toBe(202);
    const id = (a.data as CreateMeasurementResponse).id;
    const got = await ours.getMeasurement(id);
    expect(got.ok).toBe(true);
    expect(got.data).toMatchObject({ id, type: 'http' });
    // An API error (a 400 of its validation) is JSON: not ok, with its body, as the official client gives it.
    const bad = await ours.createMeasurement({ ...req, type: 'nonsense' } as never);
    const official = await withFetch(fakeFetch(fake), () =>
      new Globalping({ timeout: 1000 }).createMeasurement({ ...req, type: 'nonsense' } as never),
    );
    expect([bad.ok, bad.response.status, bad.data]).toEqual([false, official.response.status, official.data]);
  });

  it('throws on an answer that is not the API’s (a proxy’s HTML 502), so the run says "unreachable"', async () => {
    const { f } = recording(
      () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    await expect(createClient({ granted: true, fetch: f }).getMeasurement('x')).rejects.toThrow(/502/);
  });
});

async function withFetch<T>(f: typeof fetch, fn: () => Promise<T>): Promise<T> {
  const before = globalThis.fetch;
  globalThis.fetch = f;
  try {
    return await fn();
  } finally {
    globalThis.fetch = before;
  }
}
