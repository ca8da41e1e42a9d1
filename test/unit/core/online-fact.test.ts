/**
 * The engine's one "online" fact (issue 13): a saved offline flag must not outlive the offline
 * spell, and a failed connectivity check means "offline" only when it failed the way a dead
 * connection fails and nothing else answered at the same moment.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/core/api';
import { Engine } from '../../../src/core/engine';
import { PLATFORMS } from '../../../src/core/types';
import { err, ok, series, T0 } from './engine-helpers';

const CONTROL = 'http://connectivitycheck.gstatic.com/generate_204';
const PAGE = {
  whatsapp: 'https://web.whatsapp.com/',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
} as const;

const feed = (e: Engine, events: TraceEvent[]) => {
  for (const ev of events) e.ingest(ev);
  return e;
};
const control = (t: number, extra: Partial<Extract<TraceEvent, { event: 'probe' }>>): TraceEvent => ({
  event: 'probe',
  timeStamp: t,
  target: 'control',
  url: CONTROL,
  ok: false,
  ...extra,
});
const verdicts = (e: Engine) => PLATFORMS.map((p) => `${p}:${e.verdict(p).status}/${e.verdict(p).cause}`);

describe('the saved offline flag', () => {
  it('a background that slept through the "online" event recovers from the first answers after it wakes', () => {
    // Offline while awake: every platform down/offline/you, and that state is saved.
    const before = feed(new Engine(), [
      ...PLATFORMS.flatMap((p) => series(T0, 5, 200, (t) => ok(PAGE[p], t, 'main_frame'))),
      { event: 'connectivity', timeStamp: T0 + 2_000, online: false },
    ]);
    expect(verdicts(before)).toEqual(PLATFORMS.map((p) => `${p}:down/offline`));
    expect(before.online()).toBe(false);
    const saved = before.toJSON();
    // Back online while the background slept: no "online" event reaches it. It wakes, restores the
    // flag, and sees the platforms answer again.
    const { engine: woken } = Engine.restore(saved);
    expect(woken.online()).toBe(false);
    const t1 = T0 + 60_000;
    feed(
      woken,
      PLATFORMS.flatMap((p) => series(t1, 50, 100, (t) => ok(`${PAGE[p]}api/x`, t, 'xmlhttprequest'))),
    );
    woken.tick(t1 + 10 * 60_000);
    expect(woken.online()).toBe(true);
    expect(verdicts(woken)).toEqual(PLATFORMS.map((p) => `${p}:up/none`));
  });

  it('an answer that happened before the browser said offline, reported after it, does not clear the flag', () => {
    const e = feed(new Engine(), [
      ...series(T0, 5, 200, (t) => ok(PAGE.instagram, t, 'main_frame')),
      { event: 'connectivity', timeStamp: T0 + 2_000, online: false },
      ok(`${PAGE.instagram}api/late`, T0 + 1_990),
    ]);
    expect(e.online()).toBe(false);
    e.ingest(ok(`${PAGE.instagram}api/after`, T0 + 2_010));
    expect(e.online()).toBe(true);
  });

  it('a cached copy is no answer from the network: the flag stays while the browser is offline', () => {
    const e = feed(new Engine(), [
      ...series(T0, 5, 200, (t) => ok(PAGE.instagram, t, 'main_frame')),
      { event: 'connectivity', timeStamp: T0 + 2_000, online: false },
      ...series(T0 + 3_000, 20, 100, (t) => ok(`${PAGE.instagram}static/a.png`, t, 'image', { fromCache: true })),
    ]);
    e.tick(T0 + 60_000);
    expect(e.online()).toBe(false);
    expect(e.verdict('instagram')).toMatchObject({ status: 'down', cause: 'offline', scope: 'you' });
  });
});

describe('a failed connectivity check', () => {
  // Meta's names fail to resolve (4 October 2021); then the neutral check fails in the given way.
  const outage = (check: TraceEvent[]) =>
    feed(new Engine(), [
      ...PLATFORMS.flatMap((p) => series(T0, 5, 200, (t) => ok(PAGE[p], t, 'main_frame'))),
      ...PLATFORMS.flatMap((p) =>
        series(T0 + 5_000, 6, 300, (t) => err(`${PAGE[p]}api/x`, t, 'NS_ERROR_UNKNOWN_HOST', 'xmlhttprequest')),
      ),
      ...check,
    ]);

  it('with an error the browser did not explain (CORS, a TypeError) is "unknown", never "offline"', () => {
    const e = outage([control(T0 + 6_000, { error: 'TypeError: NetworkError when attempting to fetch resource.' })]);
    e.tick(T0 + 12_000);
    for (const p of PLATFORMS) expect(e.verdict(p).cause, p).not.toBe('offline');
    expect(e.report('whatsapp').evidence.checks.control).toMatchObject({ ok: false, errorClass: 'unknown' });
  });

  it('with a DNS error is "offline", unless the independent resolver answered in the same round', () => {
    const dead = outage([control(T0 + 6_000, { error: 'NS_ERROR_UNKNOWN_HOST' })]);
    dead.tick(T0 + 12_000);
    for (const p of PLATFORMS) expect(dead.verdict(p), p).toMatchObject({ cause: 'offline', scope: 'you' });

    // One round of checks, as the worker feeds it: stamped with the round's time, the neutral
    // check last. The DoH lookup answered SERVFAIL: the connection works.
    const alive = outage([
      { event: 'dns', timeStamp: T0 + 6_000, name: 'www.facebook.com', status: 2, answers: 0 },
      control(T0 + 6_000, { error: 'NS_ERROR_UNKNOWN_HOST' }),
    ]);
    alive.tick(T0 + 12_000);
    for (const p of PLATFORMS) expect(alive.verdict(p).cause, p).not.toBe('offline');
    expect(alive.verdict('facebook')).toMatchObject({ status: 'down', cause: 'dns', scope: 'meta' });
  });
});
