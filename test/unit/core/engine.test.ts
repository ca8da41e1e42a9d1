import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/core/api';
import { Engine, STATE_VERSION } from '../../../src/core/engine';
import type { VerdictChange } from '../../../src/core/types';
import { err, ok, series, status, T0 } from './engine-helpers';

const WA = 'https://web.whatsapp.com/check-update';
const FB = 'https://www.facebook.com/api/graphql/';
const IG = 'https://www.instagram.com/api/v1/feed/';

function run(events: TraceEvent[], engine = new Engine()): { engine: Engine; changes: VerdictChange[] } {
  const changes: VerdictChange[] = [];
  for (const e of events) changes.push(...engine.ingest(e));
  return { engine, changes };
}

describe('Engine verdicts', () => {
  it('starts unknown, turns up on successes, down on a run of failures, up again on recovery', () => {
    const e = new Engine();
    expect(e.verdict('whatsapp')).toMatchObject({ status: 'unknown', cause: 'none', scope: 'none' });
    const { changes } = run(
      [
        ...series(T0, 10, 500, (t) => ok(WA, t)),
        ...series(T0 + 10_000, 10, 500, (t) => err(WA, t, 'net::ERR_CONNECTION_TIMED_OUT')),
        ...series(T0 + 20_000, 5, 500, (t) => ok(WA, t)),
      ],
      e,
    );
    expect(changes.map((c) => `${c.status}/${c.cause}/${c.scope}`)).toEqual([
      'up/none/none',
      'down/unreachable/platform',
      'up/none/none',
    ]);
    expect(changes[1]!.timeStamp - (T0 + 10_000)).toBeLessThanOrEqual(3000);
    expect(changes[2]!.timeStamp - (T0 + 20_000)).toBeLessThanOrEqual(10_000);
  });

  it('counts one request once: Firefox 503 headers then NS_BINDING_ABORTED; Chrome repeats', () => {
    const e = new Engine();
    const base = { url: 'https://mmg.whatsapp.net/x.enc', type: 'image', originUrl: 'https://web.whatsapp.com/' };
    for (let i = 0; i < 3; i++) {
      const requestId = `${500 + i}`;
      e.ingest({ event: 'onHeadersReceived', details: { ...base, statusCode: 503, timeStamp: T0 + i, requestId } });
      e.ingest({
        event: 'onErrorOccurred',
        details: { ...base, error: 'NS_BINDING_ABORTED', timeStamp: T0 + i + 1, requestId },
      });
      e.ingest({
        event: 'onErrorOccurred',
        details: { ...base, error: 'NS_BINDING_ABORTED', timeStamp: T0 + i + 2, requestId },
      });
    }
    // Chrome: headers then completed for one request; an error reported twice.
    e.ingest({
      event: 'onHeadersReceived',
      details: { url: WA, type: 'xmlhttprequest', statusCode: 200, timeStamp: T0 + 10, requestId: '9' },
    });
    e.ingest({
      event: 'onCompleted',
      details: { url: WA, type: 'xmlhttprequest', statusCode: 200, timeStamp: T0 + 11, requestId: '9' },
    });
    e.ingest({
      event: 'onErrorOccurred',
      details: { url: WA, type: 'xmlhttprequest', error: 'net::ERR_TIMED_OUT', timeStamp: T0 + 12, requestId: '10' },
    });
    e.ingest({
      event: 'onErrorOccurred',
      details: { url: WA, type: 'xmlhttprequest', error: 'net::ERR_TIMED_OUT', timeStamp: T0 + 13, requestId: '10' },
    });
    expect(e.report('whatsapp').evidence.byClass).toEqual({ server: 3, ok: 1, unreachable: 1 });
  });

  it('unknown error strings alone never make a platform down', () => {
    const { changes, engine } = run([
      ...series(T0, 5, 500, (t) => ok(FB, t)),
      ...series(T0 + 5000, 60, 500, (t) => err(FB, t, 'net::ERR_BRAND_NEW_THING')),
    ]);
    expect(changes.some((c) => c.status === 'down')).toBe(false);
    expect(engine.verdict('facebook')).toMatchObject({ status: 'degraded', cause: 'unknown' });
  });

  it('one failing CDN host while the page and API work is at most degraded', () => {
    const img = 'https://scontent.xx.fbcdn.net/v/1.jpg';
    const events = series(T0, 120, 250, (t, i) =>
      i % 3 === 0
        ? ok(FB, t)
        : err(img, t, 'net::ERR_CONNECTION_RESET', 'image', { initiator: 'https://www.facebook.com' }),
    );
    const { changes } = run(events);
    expect(changes.some((c) => c.status === 'down')).toBe(false);
  });

  it('Meta hosts loaded by other sites are no evidence; ad-blocked requests are ignored', () => {
    const { changes, engine } = run(
      series(T0, 50, 200, (t, i) =>
        i % 2
          ? err('https://connect.facebook.net/en_US/fbevents.js', t, 'net::ERR_BLOCKED_BY_CLIENT', 'script', {
              initiator: 'https://www.ndtv.com',
            })
          : err('https://www.facebook.com/tr/', t, 'net::ERR_CONNECTION_RESET', 'ping', {
              initiator: 'https://www.ndtv.com',
            }),
      ),
    );
    expect(changes).toEqual([]);
    expect(engine.verdict('facebook').status).toBe('unknown');
  });

  it('offline: the browser’s signal blames the user at once, for the platforms in use only', () => {
    const { changes } = run([
      ...series(T0, 5, 300, (t) => ok(WA, t)),
      { event: 'connectivity', timeStamp: T0 + 5000, online: false },
    ]);
    expect(changes.at(-1)).toEqual({
      timeStamp: T0 + 5000,
      platform: 'whatsapp',
      status: 'down',
      cause: 'offline',
      scope: 'you',
    });
    expect(changes.some((c) => c.platform !== 'whatsapp')).toBe(false);
  });

  it('offline: a failing neutral check and failing non-Meta sites blame the connection, not the platform', () => {
    const byControl = run([
      ...series(T0, 5, 300, (t) => ok(IG, t)),
      ...series(T0 + 3000, 5, 400, (t) => err(IG, t, 'net::ERR_NAME_NOT_RESOLVED')),
      {
        event: 'probe',
        timeStamp: T0 + 3100,
        target: 'control',
        url: 'http://connectivitycheck.gstatic.com/generate_204',
        ok: false,
        error: 'net::ERR_NAME_NOT_RESOLVED',
      },
    ]);
    expect(byControl.engine.verdict('instagram')).toMatchObject({ status: 'down', cause: 'offline', scope: 'you' });
    const byOthers = run([
      ...series(T0, 5, 300, (t) => ok(IG, t)),
      ...series(T0 + 3000, 6, 300, (t) =>
        err('https://www.google.com/', t, 'net::ERR_NAME_NOT_RESOLVED', 'main_frame'),
      ),
      ...series(T0 + 3100, 6, 400, (t) => err(IG, t, 'net::ERR_NAME_NOT_RESOLVED')),
    ]);
    expect(byOthers.engine.verdict('instagram')).toMatchObject({ status: 'down', cause: 'offline', scope: 'you' });
  });

  it('DoH failing for another platform’s name makes it Meta-wide; DoH resolving means the local resolver', () => {
    const meta = run([
      ...series(T0, 3, 300, (t) => ok(WA, t)),
      ...series(T0 + 2000, 6, 400, (t) => err(WA, t, 'net::ERR_NAME_NOT_RESOLVED')),
      { event: 'dns', timeStamp: T0 + 3000, name: 'www.instagram.com', status: 2, answers: 0 },
    ]);
    expect(meta.engine.verdict('whatsapp')).toMatchObject({ status: 'down', cause: 'dns', scope: 'meta' });
    expect(meta.engine.verdict('instagram')).toMatchObject({ status: 'down', cause: 'dns', scope: 'meta' });
    const local = run([
      ...series(T0, 3, 300, (t) => ok(WA, t)),
      {
        event: 'dns',
        timeStamp: T0 + 1900,
        name: 'web.whatsapp.com',
        status: 0,
        answers: 1,
        addresses: ['157.240.16.53'],
      },
      ...series(T0 + 2000, 6, 400, (t) => err(WA, t, 'net::ERR_NAME_NOT_RESOLVED')),
    ]);
    expect(local.engine.verdict('whatsapp')).toMatchObject({ status: 'down', cause: 'local-dns', scope: 'network' });
    const poisoned = run([
      ...series(T0, 3, 300, (t) => ok(WA, t)),
      {
        event: 'dns',
        timeStamp: T0 + 1900,
        name: 'web.whatsapp.com',
        status: 0,
        answers: 1,
        addresses: ['10.10.34.36'],
      },
      ...series(T0 + 2000, 6, 400, (t) => err(WA, t, 'net::ERR_CONNECTION_RESET')),
    ]);
    expect(poisoned.engine.verdict('whatsapp')).toMatchObject({ status: 'down', cause: 'local-dns', scope: 'network' });
  });

  it('a failed probe of the platform confirms at once', () => {
    const { changes } = run([
      ...series(T0, 3, 300, (t) => ok(FB, t)),
      err(FB, T0 + 2000, 'net::ERR_CONNECTION_REFUSED'),
      {
        event: 'probe',
        timeStamp: T0 + 2100,
        target: 'facebook',
        url: 'https://www.facebook.com/favicon.ico',
        ok: false,
        error: 'net::ERR_CONNECTION_REFUSED',
      },
    ]);
    expect(changes.at(-1)).toMatchObject({ timeStamp: T0 + 2100, status: 'down', cause: 'unreachable' });
  });

  it('5xx is the server’s fault; TLS failures the network’s', () => {
    const server = run([
      ...series(T0, 3, 300, (t) => ok(FB, t)),
      ...series(T0 + 2000, 6, 400, (t) => status(FB, t, 503)),
    ]);
    expect(server.engine.verdict('facebook')).toMatchObject({ status: 'down', cause: 'server', scope: 'platform' });
    const tls = run([
      ...series(T0, 3, 300, (t) => ok(FB, t)),
      ...series(T0 + 2000, 6, 400, (t) => err(FB, t, 'net::ERR_CERT_AUTHORITY_INVALID')),
    ]);
    expect(tls.engine.verdict('facebook')).toMatchObject({ status: 'down', cause: 'tls', scope: 'network' });
  });

  it('is deterministic', () => {
    const events = [...series(T0, 50, 300, (t, i) => (i % 7 === 0 ? err(IG, t, 'net::ERR_TIMED_OUT') : ok(IG, t)))];
    expect(run(events).changes).toEqual(run(events).changes);
  });
});

describe('Engine checks and deadlines', () => {
  it('asks for nothing while all is well, for three checks on first failures, rate-limited', () => {
    const { engine } = run(series(T0, 5, 300, (t) => ok(WA, t)));
    expect(engine.checksDue(T0 + 2000)).toEqual([]);
    expect(engine.nextDeadline()).toBeNull();
    engine.ingest(err(WA, T0 + 3000, 'net::ERR_TIMED_OUT'));
    expect(engine.checksDue(T0 + 3000)).toEqual([
      { kind: 'probe', target: 'whatsapp', reason: 'first-failures' },
      { kind: 'probe', target: 'control', reason: 'first-failures' },
      { kind: 'dns', target: 'whatsapp', reason: 'first-failures' },
    ]);
    expect(engine.checksDue(T0 + 4000)).toEqual([]);
  });

  it('during an outage re-checks for recovery every 30 s, and says when', () => {
    const { engine } = run([
      ...series(T0, 3, 300, (t) => ok(WA, t)),
      ...series(T0 + 2000, 8, 400, (t) => err(WA, t, 'net::ERR_TIMED_OUT')),
    ]);
    expect(engine.verdict('whatsapp').status).toBe('down');
    const first = engine.checksDue(T0 + 6000);
    expect(first).toContainEqual({ kind: 'probe', target: 'whatsapp', reason: 'recovery' });
    expect(engine.checksDue(T0 + 20_000)).toEqual([]);
    expect(engine.nextDeadline()).toBe(T0 + 36_000);
    expect(engine.checksDue(T0 + 36_000)).toContainEqual({ kind: 'probe', target: 'whatsapp', reason: 'recovery' });
  });

  it('tick lets time pass without inventing changes; it never runs backwards', () => {
    const { engine } = run(series(T0, 5, 300, (t) => ok(WA, t)));
    expect(engine.tick(T0 + 600_000)).toEqual([]);
    expect(engine.tick(T0)).toEqual([]);
    expect(engine.tick(Number.NaN)).toEqual([]);
  });
});

describe('Engine evidence', () => {
  it('reports counts, hosts and times, never URLs', () => {
    const { engine } = run([
      ...series(T0, 4, 300, (t) => ok(WA, t)),
      ...series(T0 + 2000, 6, 400, (t, i) =>
        err(
          i % 2 ? WA : 'https://mmg.whatsapp.net/secret-path.enc',
          t,
          'net::ERR_NAME_NOT_RESOLVED',
          i % 2 ? 'xmlhttprequest' : 'image',
        ),
      ),
    ]);
    const r = engine.report('whatsapp');
    expect(r.evidence).toMatchObject({
      total: 10,
      failed: 6,
      byClass: { ok: 4, dns: 6 },
      lastSuccessAt: T0 + 900,
      firstFailureAt: T0 + 2000,
    });
    expect(r.evidence.hosts.sort()).toEqual(['mmg.whatsapp.net', 'web.whatsapp.com']);
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(JSON.stringify(engine.toJSON())).not.toContain('secret');
  });
});

describe('Engine state', () => {
  it('round-trips through JSON and carries on the same', () => {
    const head = [
      ...series(T0, 5, 300, (t) => ok(FB, t)),
      ...series(T0 + 2000, 3, 400, (t) => err(FB, t, 'net::ERR_TIMED_OUT')),
    ];
    const tail = series(T0 + 3200, 6, 400, (t) => err(FB, t, 'net::ERR_TIMED_OUT'));
    const straight = run([...head, ...tail]);
    const a = run(head);
    const saved = JSON.parse(JSON.stringify(a.engine.toJSON()));
    expect(saved.version).toBe(STATE_VERSION);
    const { engine, warning } = Engine.restore(saved);
    expect(warning).toBeNull();
    const b = run(tail, engine);
    expect([...a.changes, ...b.changes]).toEqual(straight.changes);
  });

  it('restoring garbage or another version gives a fresh engine and a warning', () => {
    const good = run(series(T0, 5, 300, (t) => ok(FB, t))).engine.toJSON() as Record<string, unknown>;
    const cases: unknown[] = [
      undefined,
      null,
      'x',
      42,
      [],
      {},
      { ...good, version: STATE_VERSION - 1 },
      { ...good, version: STATE_VERSION + 1 },
      { ...good, platforms: { ...(good.platforms as object), facebook: { status: 'up' } } },
      { ...good, global: { now: 'soon' } },
      { ...good, dedup: { ring: [1, 2], next: 0 } },
    ];
    for (const raw of cases) {
      const { engine, warning } = Engine.restore(raw);
      expect(warning, JSON.stringify(raw)?.slice(0, 60)).toEqual(expect.any(String));
      expect(engine.verdict('facebook').status).toBe('unknown');
    }
  });

  it('memory stays bounded whatever the number of requests, hosts and ids', () => {
    const e = new Engine();
    for (let i = 0; i < 50_000; i++) {
      const host = `h${i}.fbcdn.net`;
      e.ingest(err(`https://${host}/x`, T0 + i * 10, i % 2 ? 'net::ERR_TIMED_OUT' : 'net::ERR_NEW', 'image'));
    }
    expect(JSON.stringify(e.toJSON()).length).toBeLessThan(120_000);
  });
});
