/**
 * One check from other networks, through Nazar's client (src/vantage/client.ts) against the fake API: partial
 * results as they arrive, the answer in time or a partial one marked so, a 429 said once with its
 * retry time, and an unreachable API or silent probes as "unavailable" — never a guess.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateEvent } from '../../../src/core/trace';
import { createClient } from '../../../src/vantage/client';
import { type RunState, runOtherNetworks, vantageEvents } from '../../../src/vantage/run';
import {
  createFakeGlobalping,
  type FakeGlobalping,
  fakeFetch,
  LOCATIONS,
  sevenProbes,
} from '../../support/harness/fake-globalping';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function setup(opts: { unreachable?: boolean } = {}) {
  const fake = createFakeGlobalping();
  vi.stubGlobal('fetch', fakeFetch(fake, opts));
  return fake;
}
afterEach(() => vi.unstubAllGlobals());

async function run(fake: FakeGlobalping, kinds: ('http' | 'dns')[] = ['http'], deadlineMs = 3000) {
  void fake;
  const updates: RunState[] = [];
  const end = await runOtherNetworks({
    client: createClient({ granted: false, timeoutMs: 1000 }),
    platform: 'whatsapp',
    kinds,
    now: Date.now,
    sleep,
    onUpdate: (s) => updates.push(s),
    deadlineMs,
  });
  return { end, updates };
}

describe('checking from other networks', () => {
  it('polls no faster than the API allows (5 reads of a measurement in 2 s): a faster poll gets 429 and stops', async () => {
    const fake = setup();
    fake.setProbes(sevenProbes(() => ({ kind: 'silent' })));
    const end = await runOtherNetworks({
      client: createClient({ granted: false, timeoutMs: 1000 }),
      platform: 'whatsapp',
      kinds: ['http'],
      now: Date.now,
      sleep,
      deadlineMs: 1500,
      pollMs: 100,
    });
    expect(end.phase).toBe('unavailable');
    // It stopped at the first 429: never a loop of retries.
    const gets = fake.requests.filter((r) => r.method === 'GET');
    expect(gets.length).toBe(6);
  });

  it('shows partial results as they arrive, then the finished answer', async () => {
    const fake = setup();
    fake.setProbes(sevenProbes(() => ({ kind: 'ok' })).map((p, i) => ({ ...p, afterMs: 150 + i * 120 })));
    const { end, updates } = await run(fake);
    expect(end.phase).toBe('done');
    expect(end.kinds.http?.probes).toHaveLength(7);
    const counts = updates.map((u) => u.kinds.http?.probes.length ?? 0);
    // At least one update with some but not all answers: partial results were shown.
    expect(counts.some((n) => n > 0 && n < 7)).toBe(true);
    expect(end.firstAt).toBeGreaterThanOrEqual(end.startedAt);
    expect(end.endedAt! - end.startedAt).toBeLessThan(3000);
  });

  it('stops at the deadline with what arrived, marked partial', async () => {
    const fake = setup();
    fake.setProbes(
      sevenProbes(() => ({ kind: 'ok' })).map((p, i) =>
        i < 3 ? { ...p, afterMs: 50 } : { ...p, outcome: { kind: 'silent' } },
      ),
    );
    const { end } = await run(fake, ['http'], 800);
    expect(end.phase).toBe('partial');
    expect(end.kinds.http?.probes).toHaveLength(3);
    expect(end.kinds.http?.expected).toBe(7);
    expect(end.endedAt! - end.startedAt).toBeLessThan(1500);
  });

  it('says rate-limited with the time a retry is possible, after one request and no retry', async () => {
    const fake = setup();
    fake.setMode({ mode: 'rate-limited', resetSeconds: 1200 });
    const t0 = Date.now();
    const { end } = await run(fake);
    expect(end.phase).toBe('rate-limited');
    expect(end.retryAt).toBeGreaterThanOrEqual(t0 + 1_200_000);
    expect(end.retryAt).toBeLessThan(Date.now() + 1_201_000);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(vantageEvents(end, Date.now())).toEqual([]);
  });

  it('says unavailable when the API cannot be reached, and gives the engine nothing', async () => {
    const fake = setup({ unreachable: true });
    const { end } = await run(fake);
    expect(end).toMatchObject({ phase: 'unavailable', why: 'unreachable' });
    expect(vantageEvents(end, Date.now())).toEqual([]);
  });

  it('says unavailable when no probe answers in time (offline or silent probes)', async () => {
    const fake = setup();
    fake.setProbes(sevenProbes(() => ({ kind: 'silent' })));
    const { end } = await run(fake, ['http'], 700);
    expect(end).toMatchObject({ phase: 'unavailable', why: 'timeout' });
  });

  it('says unavailable when no probe matches (422)', async () => {
    const fake = setup();
    fake.setMode({ mode: 'no-probes' });
    expect((await run(fake)).end).toMatchObject({ phase: 'unavailable', why: 'no-probes' });
  });

  it('sends the API the platform’s host name and nothing of the user’s', async () => {
    const fake = setup();
    fake.setProbes(sevenProbes(() => ({ kind: 'ok' })).map((p) => ({ ...p, afterMs: 0 })));
    await run(fake, ['http', 'dns']);
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    for (const p of posts) {
      const body = JSON.parse(p.body);
      expect(body.target).toBe('web.whatsapp.com');
      const strings = JSON.stringify(body).match(/"[^"]*"/g) ?? [];
      const hosts = strings.filter((s) => /\.(com|net|in|org)"/.test(s));
      expect(hosts).toEqual(['"web.whatsapp.com"']);
      expect(p.headers.authorization).toBeUndefined();
      expect(p.headers.cookie).toBeUndefined();
    }
  });

  it('turns the answers into vantage events the trace contract accepts, without cities', async () => {
    const fake = setup();
    fake.setProbes(
      sevenProbes((l) =>
        l.asn === LOCATIONS.jio.asn ? { kind: 'failed', rawOutput: 'connect ETIMEDOUT 1.2.3.4:443' } : { kind: 'ok' },
      ).map((p) => ({ ...p, afterMs: 0 })),
    );
    const { end } = await run(fake);
    const [ev] = vantageEvents(end, 1_000);
    expect(validateEvent(JSON.parse(JSON.stringify(ev)))).toEqual({ ok: true, event: ev });
    expect(ev?.probes.find((p) => p.asn === 55836)).toEqual({
      country: 'IN',
      asn: 55836,
      network: 'Reliance Jio Infocomm Limited',
      ok: false,
      error: 'timeout',
    });
    expect(JSON.stringify(ev)).not.toContain('Mumbai');
  });
});
