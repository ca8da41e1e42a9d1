/**
 * Other networks' answer (`vantage`) moves blame between the platform and the user's network only
 * when the answers agree, and never touches the user's own side.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent, VantageProbe } from '../../../src/core/api';
import { Engine } from '../../../src/core/engine';
import { parseTraceLine } from '../../../src/core/trace';
import { vantageAnswer } from '../../../src/core/vantage';
import { err, ok, series, T0 } from './engine-helpers';

const WA = 'https://web.whatsapp.com/check-update';
const FB = 'https://www.facebook.com/api/graphql/';

const probes = (okN: number, failN: number, extra: Partial<VantageProbe> = {}): VantageProbe[] => [
  ...Array.from({ length: okN }, (_, i) => ({
    country: 'IN',
    asn: 55836 + i,
    network: `Net ${i}`,
    ok: true,
    statusCode: 200,
  })),
  ...Array.from({ length: failN }, (_, i) => ({
    country: 'IN',
    asn: 24560 + i,
    network: `Net ${i}`,
    ok: false,
    ...extra,
  })),
];
const vantage = (t: number, target: 'whatsapp' | 'facebook', kind: 'http' | 'dns', ps: VantageProbe[]): TraceEvent => ({
  event: 'vantage',
  timeStamp: t,
  target,
  kind,
  probes: ps,
});

function feed(e: Engine, events: TraceEvent[]) {
  for (const ev of events) e.ingest(ev);
  return e;
}
/** WhatsApp resets from here; control works, DoH resolves into Meta: unreachable/platform. */
function resets(e = new Engine()) {
  feed(
    e,
    series(T0, 6, 500, (t) => ok(WA, t)),
  );
  feed(
    e,
    series(T0 + 5_000, 8, 500, (t) => err(WA, t, 'net::ERR_CONNECTION_RESET')),
  );
  expect(e.verdict('whatsapp')).toMatchObject({ status: 'down', cause: 'unreachable', scope: 'platform' });
  return e;
}

describe('a second opinion from other networks', () => {
  it('other networks open the platform: resets here are the network’s doing', () => {
    const e = resets();
    const changes = e.ingest(vantage(T0 + 10_000, 'whatsapp', 'http', probes(5, 0)));
    expect(changes).toEqual([
      { timeStamp: T0 + 10_000, platform: 'whatsapp', status: 'down', cause: 'unreachable', scope: 'network' },
    ]);
    // Further failures keep it there: the evidence holds for the episode.
    feed(
      e,
      series(T0 + 11_000, 6, 1000, (t) => err(WA, t, 'net::ERR_CONNECTION_RESET')),
    );
    expect(e.verdict('whatsapp')).toMatchObject({ status: 'down', scope: 'network' });
  });

  it('other networks fail too: the platform verdict stands (confirmed), nothing changes', () => {
    const e = resets();
    expect(e.ingest(vantage(T0 + 10_000, 'whatsapp', 'http', probes(0, 5, { error: 'timeout' })))).toEqual([]);
    expect(e.verdict('whatsapp')).toMatchObject({ status: 'down', cause: 'unreachable', scope: 'platform' });
  });

  it('a mixed answer or too few answers moves nothing', () => {
    const e = resets();
    expect(e.ingest(vantage(T0 + 10_000, 'whatsapp', 'http', probes(3, 2)))).toEqual([]);
    expect(e.ingest(vantage(T0 + 10_100, 'whatsapp', 'http', probes(2, 0)))).toEqual([]);
    expect(e.verdict('whatsapp').scope).toBe('platform');
    expect(vantageAnswer({ answered: 5, ok: 3, failed: 2 })).toBe('mixed');
    expect(vantageAnswer({ answered: 2, ok: 2, failed: 0 })).toBe('too-few');
  });

  it('a resolver that seemed the user’s (local-dns) moves to the platform when other networks cannot resolve it either', () => {
    const e = new Engine();
    feed(
      e,
      series(T0, 6, 500, (t) => ok(WA, t)),
    );
    e.ingest({
      event: 'dns',
      timeStamp: T0 + 4_000,
      name: 'web.whatsapp.com',
      status: 0,
      answers: 1,
      addresses: ['157.240.16.53'],
    });
    feed(
      e,
      series(T0 + 5_000, 8, 500, (t) => err(WA, t, 'net::ERR_NAME_NOT_RESOLVED')),
    );
    expect(e.verdict('whatsapp')).toMatchObject({ status: 'down', cause: 'local-dns', scope: 'network' });
    e.ingest(vantage(T0 + 10_000, 'whatsapp', 'dns', probes(0, 5, { statusCode: 2 })));
    expect(e.verdict('whatsapp')).toMatchObject({ status: 'down', cause: 'dns', scope: 'platform' });
  });

  it('a DNS answer from other networks does not move a connection failure', () => {
    const e = resets();
    expect(e.ingest(vantage(T0 + 10_000, 'whatsapp', 'dns', probes(5, 0, {})))).toEqual([]);
  });

  it('never moves the user’s own side: offline stays offline', () => {
    const e = new Engine();
    feed(
      e,
      series(T0, 6, 500, (t) => ok(WA, t)),
    );
    e.ingest({ event: 'connectivity', timeStamp: T0 + 4_000, online: false });
    feed(
      e,
      series(T0 + 5_000, 6, 500, (t) => err(WA, t, 'net::ERR_INTERNET_DISCONNECTED')),
    );
    e.ingest(vantage(T0 + 9_000, 'whatsapp', 'http', probes(5, 0)));
    expect(e.verdict('whatsapp')).toMatchObject({ cause: 'offline', scope: 'you' });
  });

  it('is forgotten when the platform recovers: the next outage starts from the platform again', () => {
    const e = resets();
    e.ingest(vantage(T0 + 10_000, 'whatsapp', 'http', probes(5, 0)));
    feed(
      e,
      series(T0 + 12_000, 6, 500, (t) => ok(WA, t)),
    );
    expect(e.verdict('whatsapp').status).toBe('up');
    feed(
      e,
      series(T0 + 20_000, 8, 500, (t) => err(WA, t, 'net::ERR_CONNECTION_RESET')),
    );
    expect(e.verdict('whatsapp')).toMatchObject({ status: 'down', scope: 'platform' });
  });

  it('survives a save and restore of the engine state', () => {
    const e = resets();
    e.ingest(vantage(T0 + 10_000, 'whatsapp', 'http', probes(5, 0)));
    const { engine, warning } = Engine.restore(JSON.parse(JSON.stringify(e.toJSON())));
    expect(warning).toBeNull();
    feed(
      engine,
      series(T0 + 11_000, 3, 500, (t) => err(WA, t, 'net::ERR_CONNECTION_RESET')),
    );
    expect(engine.verdict('whatsapp').scope).toBe('network');
  });

  it('a Meta-wide outage is moved per platform: the one other networks open goes to the network', () => {
    const e = new Engine();
    feed(
      e,
      series(T0, 6, 500, (t) => ok(WA, t)),
    );
    feed(
      e,
      series(T0 + 100, 6, 500, (t) => ok(FB, t)),
    );
    for (let i = 0; i < 8; i++) {
      e.ingest(err(WA, T0 + 5_000 + i * 600, 'net::ERR_CONNECTION_TIMED_OUT'));
      e.ingest(err(FB, T0 + 5_100 + i * 600, 'net::ERR_CONNECTION_TIMED_OUT'));
    }
    expect(e.verdict('whatsapp').scope).toBe('meta');
    e.ingest(vantage(T0 + 10_000, 'whatsapp', 'http', probes(6, 1)));
    expect(e.verdict('whatsapp')).toMatchObject({ status: 'down', scope: 'network' });
    expect(e.verdict('facebook').scope).toBe('meta');
  });
});

describe('vantage lines in a trace', () => {
  it('accepts the contract’s shape and rejects what lacks a required field', () => {
    const good =
      '{"event":"vantage","timeStamp":5,"target":"whatsapp","kind":"http","probes":[{"country":"IN","asn":55836,"network":"Jio","ok":true,"statusCode":200}]}';
    expect(parseTraceLine(good)).toMatchObject({ ok: true, event: { event: 'vantage', kind: 'http' } });
    const bad = (s: string) => (parseTraceLine(s) as { reason?: string }).reason;
    expect(bad('{"event":"vantage","timeStamp":5,"target":"whatsapp","kind":"ping","probes":[]}')).toMatch(/kind/);
    expect(bad('{"event":"vantage","timeStamp":5,"target":"myspace","kind":"http","probes":[]}')).toMatch(/target/);
    expect(bad('{"event":"vantage","timeStamp":5,"target":"whatsapp","kind":"http"}')).toBe('missing probes');
    expect(
      bad(
        '{"event":"vantage","timeStamp":5,"target":"whatsapp","kind":"http","probes":[{"country":"IN","asn":"x","network":"n","ok":true}]}',
      ),
    ).toMatch(/asn/);
    expect(bad('{"event":"vantage","target":"whatsapp","kind":"http","probes":[]}')).toBe('missing timeStamp');
  });
});
