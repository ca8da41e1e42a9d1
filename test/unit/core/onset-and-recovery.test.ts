/**
 * Issue 15 on the engine's own clock (every event carries its time; tick(t) lets time pass):
 * damping belongs to recovery, never to onset; partial, sparse and TLS-everywhere outages are
 * found in seconds; blame moves between the user's side and the platform's only on new evidence.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/core/api';
import { Engine } from '../../../src/core/engine';
import { RULES } from '../../../src/core/rules';
import type { PlatformId, VerdictChange } from '../../../src/core/types';
import { err, ok, series, status, T0 } from './engine-helpers';

const WA = 'https://web.whatsapp.com/check-update';
const FB = 'https://www.facebook.com/api/graphql/';
const IG = 'https://www.instagram.com/api/v1/feed/';
const URL_OF: Record<PlatformId, string> = { whatsapp: WA, facebook: FB, instagram: IG };
const TIMEOUT = 'net::ERR_CONNECTION_TIMED_OUT';

/** Feeds events in time order, ticking the engine whenever its deadline falls before the next one. */
function play(engine: Engine, events: TraceEvent[], until?: number): VerdictChange[] {
  const out: VerdictChange[] = [];
  const at = (e: TraceEvent) => ('details' in e ? e.details.timeStamp : e.timeStamp);
  const tickUntil = (t: number) => {
    for (let d = engine.nextDeadline(); d !== null && d <= t; d = engine.nextDeadline()) {
      const before = d;
      out.push(...engine.tick(d));
      if (engine.nextDeadline() === before) break;
    }
  };
  for (const e of [...events].sort((a, b) => at(a) - at(b))) {
    tickUntil(at(e));
    out.push(...engine.ingest(e));
  }
  if (until !== undefined) tickUntil(until);
  return out;
}

const first = (changes: VerdictChange[], p: PlatformId, s: string, from: number) =>
  changes.find((c) => c.platform === p && c.status === s && c.timeStamp >= from) ?? null;

/** WhatsApp's API every 500 ms from `from` for `ms`, each answered by `how(t)`. */
const wa = (from: number, ms: number, how: (t: number) => TraceEvent) => series(from, ms / 500, 500, how);

describe('onset is never damped', () => {
  it('a total failure right after a recovery (a relapse) is down within 8 s', () => {
    const e = new Engine();
    const relapse = T0 + 150_000;
    const changes = play(e, [
      ...wa(T0, 30_000, (t) => ok(WA, t)),
      ...wa(T0 + 30_000, 60_000, (t) => err(WA, t, TIMEOUT)),
      ...wa(T0 + 90_000, 60_000, (t) => ok(WA, t)),
      ...wa(relapse, 60_000, (t) => err(WA, t, TIMEOUT)),
    ]);
    expect(changes.map((c) => c.status)).toEqual(['up', 'down', 'up', 'down']);
    const hit = first(changes, 'whatsapp', 'down', relapse)!;
    expect(hit.timeStamp - relapse).toBeLessThanOrEqual(8000);
    expect(hit).toMatchObject({ cause: 'unreachable', scope: 'platform' });
  });

  it('after a short relapse `up` waits for a clean spell of flapUpSpanMs; after a long one it does not', () => {
    const short = new Engine();
    const back = T0 + 120_000;
    const changes = play(
      short,
      [
        ...wa(T0, 20_000, (t) => ok(WA, t)),
        ...wa(T0 + 20_000, 20_000, (t) => err(WA, t, TIMEOUT)),
        ...wa(T0 + 40_000, 20_000, (t) => ok(WA, t)),
        ...wa(T0 + 60_000, 20_000, (t) => err(WA, t, TIMEOUT)), // relapse, 20 s: flapping
        ...wa(T0 + 80_000, 20_000, (t) => ok(WA, t)), // 20 s clean: not enough
        ...wa(T0 + 100_000, 20_000, (t) => err(WA, t, TIMEOUT)),
        ...wa(back, 60_000, (t) => ok(WA, t)),
      ],
      back + 60_000,
    );
    // Two outages shown as they began, then held through the 20 s of successes.
    expect(changes.map((c) => c.status)).toEqual(['up', 'down', 'up', 'down', 'up']);
    const up = first(changes, 'whatsapp', 'up', back)!;
    expect(up.timeStamp - back).toBeGreaterThanOrEqual(RULES.flapUpSpanMs);
    expect(up.timeStamp - back).toBeLessThanOrEqual(RULES.flapUpSpanMs + 1000);

    const long = new Engine();
    const end = T0 + 140_000;
    const changes2 = play(long, [
      ...wa(T0, 20_000, (t) => ok(WA, t)),
      ...wa(T0 + 20_000, 20_000, (t) => err(WA, t, TIMEOUT)),
      ...wa(T0 + 40_000, 20_000, (t) => ok(WA, t)),
      ...wa(T0 + 60_000, 80_000, (t) => err(WA, t, TIMEOUT)), // a relapse that lasts: an outage of its own
      ...wa(end, 20_000, (t) => ok(WA, t)),
    ]);
    expect(first(changes2, 'whatsapp', 'up', end)!.timeStamp - end).toBeLessThanOrEqual(10_000);
  });

  it('half of the requests failing (never four in a row) is degraded within 10 s, never down', () => {
    const e = new Engine();
    const from = T0 + 30_000;
    const changes = play(e, [
      ...wa(T0, 30_000, (t) => ok(WA, t)),
      ...wa(from, 60_000, (t) => ((t - from) % 1000 === 0 ? status(WA, t, 500) : ok(WA, t))),
    ]);
    const hit = first(changes, 'whatsapp', 'degraded', from)!;
    expect(hit.timeStamp - from).toBeLessThanOrEqual(10_000);
    expect(hit).toMatchObject({ cause: 'server', scope: 'platform' });
    expect(changes.filter((c) => c.status === 'down')).toEqual([]);
  });
});

describe('sparse traffic', () => {
  it('three failures of one kind (an image, an API call, an image), 4 s apart, nothing succeeding: down at the third', () => {
    const e = new Engine();
    const from = T0 + 60_000;
    const img = 'https://scontent.cdninstagram.com/v/t51/1_n.jpg';
    const page = { initiator: 'https://www.instagram.com' };
    const changes = play(e, [
      ...series(T0, 10, 5_000, (t) => ok(IG, t)),
      ...series(from, 5, 4_000, (t, i) =>
        i % 2 === 0 ? err(img, t, 'NS_ERROR_NET_TIMEOUT', 'image', page) : err(IG, t, 'NS_ERROR_NET_TIMEOUT'),
      ),
    ]);
    const hit = first(changes, 'instagram', 'down', from)!;
    expect(hit.timeStamp).toBe(from + 8_000);
    expect(hit).toMatchObject({ cause: 'unreachable', scope: 'platform' });
  });

  it('one failed load (three failures at once, then nothing) stays quiet', () => {
    const e = new Engine();
    const at = T0 + 60_000;
    const changes = play(
      e,
      [
        ...series(T0, 10, 5_000, (t) => ok(IG, t)),
        err('https://www.instagram.com/', at, 'NS_ERROR_NET_TIMEOUT', 'main_frame'),
        err(IG, at + 80, 'NS_ERROR_NET_TIMEOUT'),
        err('https://i.instagram.com/api/v1/direct_v2/inbox/', at + 150, 'NS_ERROR_NET_TIMEOUT'),
        ...series(at + 30_000, 5, 5_000, (t) => ok(IG, t)),
      ],
      at + 60_000,
    );
    expect(changes.map((c) => c.status)).toEqual(['up']);
  });

  it('the 2021 pattern with a request every 5 s per platform: all three down/dns/meta within 8 s', () => {
    const e = new Engine();
    const from = T0 + 60_000;
    const events: TraceEvent[] = [];
    (['whatsapp', 'facebook', 'instagram'] as const).forEach((p, i) => {
      events.push(...series(T0 + i * 1000, 12, 5_000, (t) => ok(URL_OF[p], t)));
      events.push(...series(from + i * 1500, 6, 5_000, (t) => err(URL_OF[p], t, 'NS_ERROR_UNKNOWN_HOST')));
    });
    const changes = play(e, events);
    for (const p of ['whatsapp', 'facebook', 'instagram'] as const) {
      const hit = first(changes, p, 'down', from)!;
      expect(hit.timeStamp - from, p).toBeLessThanOrEqual(8000);
      expect(hit, p).toMatchObject({ cause: 'dns', scope: 'meta' });
    }
  });
});

describe('TLS everywhere', () => {
  it('certificate failures on a platform and on another site, nothing succeeding: down/tls/network in seconds', () => {
    const e = new Engine();
    const from = T0 + 60_000;
    const cert = 'net::ERR_CERT_AUTHORITY_INVALID';
    const changes = play(e, [
      ...series(T0, 10, 5_000, (t) => ok(WA, t)),
      err(WA, from, cert, 'websocket'),
      err('https://www.google.com/', from + 1_500, cert, 'main_frame'),
      err(WA, from + 4_000, cert, 'websocket'),
    ]);
    const hit = first(changes, 'whatsapp', 'down', from)!;
    expect(hit).toMatchObject({ timeStamp: from + 4_000, cause: 'tls', scope: 'network' });
  });

  it('one certificate failure among sites that load is no outage', () => {
    const e = new Engine();
    const from = T0 + 60_000;
    const cert = 'net::ERR_CERT_AUTHORITY_INVALID';
    const changes = play(e, [
      ...series(T0, 10, 5_000, (t) => ok(WA, t)),
      err(WA, from, cert, 'websocket'),
      ok('https://www.google.com/', from + 1_500, 'main_frame'),
      err('https://www.ndtv.com/', from + 2_000, cert, 'main_frame'),
      err(WA, from + 4_000, cert, 'websocket'),
    ]);
    expect(changes.filter((c) => c.status === 'down')).toEqual([]);
  });
});

describe('blame moves only on new evidence', () => {
  const control = (t: number, okay: boolean): TraceEvent =>
    okay
      ? { event: 'probe', timeStamp: t, target: 'control', url: 'http://c/generate_204', ok: true, statusCode: 204 }
      : {
          event: 'probe',
          timeStamp: t,
          target: 'control',
          url: 'http://c/',
          ok: false,
          error: 'NS_ERROR_UNKNOWN_HOST',
        };
  const allFailing = (from: number, ms: number) =>
    (['whatsapp', 'facebook', 'instagram'] as const).flatMap((p, i) =>
      series(from + i * 150, ms / 700, 700, (t) => err(URL_OF[p], t, 'NS_ERROR_UNKNOWN_HOST')),
    );

  it('a failed connectivity check keeps the user blamed for ten minutes of failures, however old it gets', () => {
    const e = new Engine();
    const off = T0 + 30_000;
    const changes = play(
      e,
      [...wa(T0, 30_000, (t) => ok(WA, t)), control(off + 1_000, false), ...allFailing(off, 600_000)],
      off + 600_000,
    );
    const wa2 = changes.filter((c) => c.platform === 'whatsapp');
    expect(wa2.map((c) => `${c.status}/${c.cause}/${c.scope}`)).toEqual(['up/none/none', 'down/offline/you']);
    for (const p of ['facebook', 'instagram'] as const)
      expect(e.verdict(p)).toMatchObject({ status: 'down', cause: 'offline', scope: 'you' });
    // While it blames the user, the engine keeps asking for the check again (every 30 s).
    expect(e.checksDue(off + 600_000)).toContainEqual({ kind: 'probe', target: 'control', reason: 'recovery' });
  });

  it('other sites failing the same way keep the user blamed after they stop being visited', () => {
    const e = new Engine();
    const off = T0 + 30_000;
    play(e, [
      ...wa(T0, 30_000, (t) => ok(WA, t)),
      ...series(off, 3, 1_000, (t) => err('https://www.google.com/', t, 'NS_ERROR_UNKNOWN_HOST', 'main_frame')),
      ...allFailing(off, 300_000),
    ]);
    expect(e.verdict('whatsapp')).toMatchObject({ status: 'down', cause: 'offline', scope: 'you' });
  });

  it('a check that succeeds, or another site loading, moves it: then it is Meta’s names', () => {
    for (const news of [
      (t: number) => control(t, true),
      (t: number) => ok('https://www.google.com/', t, 'main_frame'),
    ]) {
      const e = new Engine();
      const off = T0 + 30_000;
      const before = play(e, [
        ...wa(T0, 30_000, (t) => ok(WA, t)),
        control(off + 1_000, false),
        ...allFailing(off, 200_000),
      ]);
      expect(before.filter((c) => c.timeStamp > off + 2_000)).toEqual([]);
      play(e, [news(off + 200_000), ...allFailing(off + 200_000, 5_000)]);
      for (const p of ['whatsapp', 'facebook', 'instagram'] as const)
        expect(e.verdict(p)).toMatchObject({ status: 'down', cause: 'dns', scope: 'meta' });
    }
  });
});
