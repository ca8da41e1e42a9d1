/**
 * Issue 12 at the engine level, from the trace fields alone (the same in the worker, the tests and
 * `npm run replay`): only the platforms' own pages and the user's own top-level loads are evidence;
 * Nazar's own probe has the last word over request failures; host names a page chose are never kept.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/core/api';
import { Engine, OK_CHECK_HOLDS_MS } from '../../../src/core/engine';
import { parseTraceLine } from '../../../src/core/trace';
import { PLATFORMS, type VerdictChange } from '../../../src/core/types';
import { err, ok, series, T0 } from './engine-helpers';

const DNS = 'net::ERR_NAME_NOT_RESOLVED';
const WA = 'https://web.whatsapp.com/';
const SCAM = 'https://call-1800-000-2-for-help.whatsapp.net/x';

/** The real WhatsApp page working: an API call a second from its own page. */
const healthy = (from: number, n: number) =>
  series(from, n, 1_000, (t) => ok(WA, t, 'xmlhttprequest', { initiator: 'https://web.whatsapp.com' }));

function run(events: TraceEvent[]): { engine: Engine; changes: VerdictChange[] } {
  const engine = new Engine();
  const changes: VerdictChange[] = [];
  for (const e of [...events].sort((a, b) => time(a) - time(b))) changes.push(...engine.ingest(e));
  return { engine, changes };
}
const time = (e: TraceEvent) => ('details' in e ? e.details.timeStamp : e.timeStamp);

/** 8 failing requests a second for `ms` to every platform's names, with the given provenance fields. */
function attack(from: number, ms: number, fields: Record<string, unknown>, type = 'xmlhttprequest'): TraceEvent[] {
  const urls = [SCAM, 'https://g.whatsapp.net/x', 'https://edge-mqtt.facebook.com/x', 'https://graph.instagram.com/x'];
  return series(from, (ms / 1_000) * 8, 125, (t, i) => err(urls[i % urls.length]!, t, DNS, type, fields));
}

/** Each attack route as each browser reports it (only the provenance fields differ). */
const ROUTES: [string, Record<string, unknown>, string?][] = [
  ['Chromium sandboxed srcdoc / data: frame (initiator "null")', { initiator: 'null' }],
  ['Firefox sandboxed srcdoc frame', { originUrl: 'about:srcdoc', documentUrl: 'about:srcdoc' }],
  ['Firefox data: frame', { originUrl: 'data:text/html,<script>', documentUrl: 'data:text/html,<script>' }],
  [
    'blob: worker of another site',
    { originUrl: 'blob:https://evil.example/5e1c', documentUrl: 'blob:https://evil.example/5e1c' },
  ],
  ['blob: that names a platform, on its own', { originUrl: 'blob:https://web.whatsapp.com/5e1c' }],
  ['plain fetch from another site (Chromium)', { initiator: 'https://free-recharge.example' }],
  [
    'plain fetch from another site (Firefox)',
    { originUrl: 'https://free-recharge.example/', documentUrl: 'https://free-recharge.example/' },
  ],
  ['another extension', { initiator: 'chrome-extension://abcdefghijklmnop' }],
  ['a page on a platform name but another port', { initiator: 'https://web.whatsapp.com:8443' }],
  ['popup opened by another site (Chromium)', { initiator: 'https://free-recharge.example' }, 'main_frame'],
  ['popup opened by another site (Firefox)', { originUrl: 'https://free-recharge.example/' }, 'main_frame'],
];

describe('forged traffic moves no verdict', () => {
  for (const [route, fields, type] of ROUTES) {
    it(`${route}: no verdict change, nothing counted, no host kept`, () => {
      const { engine, changes } = run([...healthy(T0, 60), ...attack(T0 + 5_000, 50_000, fields, type)]);
      expect(changes).toEqual([{ timeStamp: T0, platform: 'whatsapp', status: 'up', cause: 'none', scope: 'none' }]);
      for (const p of PLATFORMS) {
        const r = engine.report(p);
        expect(r.evidence.failed, p).toBe(0);
        expect(r.evidence.hosts, p).toEqual([]);
      }
    });
  }

  it('a failing URL on a port other than the default counts for nothing, even from the platform’s page', () => {
    const forged = series(T0 + 5_000, 40, 250, (t) =>
      err('https://web.whatsapp.com:81/', t, 'net::ERR_CONNECTION_REFUSED', 'main_frame'),
    );
    const { engine, changes } = run([...healthy(T0, 30), ...forged]);
    expect(changes.map((c) => c.status)).toEqual(['up']);
    expect(engine.report('whatsapp').evidence.failed).toBe(0);
  });

  it('the replay keeps what attribution needs: an opaque initiator stays opaque, a port stays a port', () => {
    const line = (details: Record<string, unknown>) =>
      parseTraceLine(
        JSON.stringify({ event: 'onErrorOccurred', details: { type: 'fetch', timeStamp: 1, error: DNS, ...details } }),
      );
    const a = line({ url: SCAM, initiator: 'null' });
    expect(a.ok && 'details' in a.event && a.event.details.initiator).toBe('null');
    const b = line({ url: SCAM, originUrl: 'about:srcdoc' });
    expect(b.ok && 'details' in b.event && b.event.details.originUrl).toBe('about:');
    const c = line({ url: 'https://web.whatsapp.com:81/x?y', initiator: 'https://evil.example' });
    expect(c.ok && 'details' in c.event && c.event.details.url).toBe('https://web.whatsapp.com:81/');
    const d = line({ url: 'https://web.whatsapp.com:443/x' });
    expect(d.ok && 'details' in d.event && d.event.details.url).toBe('https://web.whatsapp.com/');
  });
});

describe('the platforms’ own pages and the user still count', () => {
  it('failures from the platform’s page (Chromium initiator) take it down within seconds, as before', () => {
    const fails = attack(T0 + 30_000, 5_000, { initiator: 'https://web.whatsapp.com' });
    const { changes } = run([...healthy(T0, 30), ...fails]);
    const down = changes.find((c) => c.platform === 'whatsapp' && c.status === 'down');
    expect(down && down.timeStamp - (T0 + 30_000)).toBeLessThanOrEqual(1_500);
  });

  it('Firefox: a platform document counts even when the request came from a blob: worker', () => {
    const fails = attack(T0 + 30_000, 5_000, { originUrl: 'blob:https://web.whatsapp.com/5e1c', documentUrl: WA });
    const { engine } = run([...healthy(T0, 30), ...fails]);
    expect(engine.verdict('whatsapp').status).toBe('down');
  });

  it('a top-level load with no initiator is the user’s: it counts', () => {
    const loads = series(T0 + 30_000, 4, 500, (t) => err(WA, t, DNS, 'main_frame'));
    const { engine } = run([...healthy(T0, 30), ...loads]);
    expect(engine.verdict('whatsapp').status).toBe('down');
  });

  it('a host name the page did not choose is kept; one it could have chosen becomes the catalogue domain', () => {
    const fails = [
      ...attack(T0 + 30_000, 3_000, { initiator: 'https://web.whatsapp.com' }),
      ...series(T0 + 30_000, 10, 300, (t) =>
        err('https://mmg.whatsapp.net/v/1', t, DNS, 'image', { initiator: 'https://web.whatsapp.com' }),
      ),
    ];
    const { engine } = run([...healthy(T0, 30), ...fails]);
    const hosts = engine.report('whatsapp').evidence.hosts;
    expect(hosts).toContain('whatsapp.net');
    expect(hosts).toContain('mmg.whatsapp.net');
    expect(JSON.stringify(engine.toJSON())).not.toContain('call-1800');
  });

  it('a saved state from an older version loses the host names a page chose', () => {
    const e = new Engine();
    e.ingest(err(SCAM, T0, DNS, 'xmlhttprequest', { initiator: 'https://web.whatsapp.com' }));
    const saved = e.toJSON() as { platforms: { whatsapp: { hosts: [string, number, number][] } } };
    saved.platforms.whatsapp.hosts = [
      ['call-1800-000-2-for-help.whatsapp.net', 3, T0],
      ['whatsapp.net', 1, T0],
      ['evil.example', 1, T0],
    ];
    const restored = Engine.restore(saved).engine.toJSON() as typeof saved;
    expect(restored.platforms.whatsapp.hosts).toEqual([['whatsapp.net', 4, T0]]);
  });
});

describe('Nazar’s own probe has the last word', () => {
  const page = { initiator: 'https://web.whatsapp.com' };
  const probe = (t: number, okay: boolean): TraceEvent => ({
    event: 'probe',
    timeStamp: t,
    target: 'whatsapp',
    url: 'https://web.whatsapp.com/favicon.ico',
    ok: okay,
    ...(okay ? { statusCode: 200 } : { error: DNS }),
  });

  it('a successful probe made after the failures began caps the verdict at degraded', () => {
    const start = T0 + 30_000;
    const { engine, changes } = run([...healthy(T0, 30), ...attack(start, 20_000, page), probe(start + 300, true)]);
    expect(changes.filter((c) => c.platform === 'whatsapp').map((c) => c.status)).not.toContain('down');
    expect(engine.verdict('whatsapp').status).toBe('degraded');
  });

  it('a later failed probe lifts the cap: down', () => {
    const start = T0 + 30_000;
    const { engine } = run([
      ...healthy(T0, 30),
      ...attack(start, 20_000, page),
      probe(start + 300, true),
      probe(start + 10_000, false),
    ]);
    expect(engine.verdict('whatsapp').status).toBe('down');
  });

  it(`the cap lasts ${OK_CHECK_HOLDS_MS / 1_000} s without a new check`, () => {
    const start = T0 + 30_000;
    const { changes } = run([...healthy(T0, 30), ...attack(start, 90_000, page), probe(start + 300, true)]);
    const down = changes.find((c) => c.platform === 'whatsapp' && c.status === 'down');
    expect(down?.timeStamp).toBeGreaterThan(start + 300 + OK_CHECK_HOLDS_MS);
    expect(down?.timeStamp).toBeLessThan(start + 300 + OK_CHECK_HOLDS_MS + 1_000);
  });

  it('a successful probe from before the failures caps nothing', () => {
    const start = T0 + 50_000;
    const { engine } = run([...healthy(T0, 50), probe(T0 + 45_000, true), ...attack(start, 5_000, page)]);
    expect(engine.verdict('whatsapp').status).toBe('down');
  });

  it('Evidence says when a failure was last seen on the platform’s own page (not a typed load)', () => {
    const typed = run([...healthy(T0, 30), ...series(T0 + 30_000, 4, 500, (t) => err(WA, t, DNS, 'main_frame'))]);
    expect(typed.engine.report('whatsapp').evidence.pageFailureAt).toBeNull();
    const onPage = run([...healthy(T0, 30), ...attack(T0 + 30_000, 2_000, page)]);
    // The last of the attack's WhatsApp URLs (every 4th request goes to one of its two names).
    expect(onPage.engine.report('whatsapp').evidence.pageFailureAt).toBe(T0 + 30_000 + 13 * 125);
  });
});
