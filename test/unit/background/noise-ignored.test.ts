/**
 * Cases 5–10 and 13 (telling outages from noise) on the real worker and engine, virtual clock.
 * Each scenario is browser traffic as Chromium or Firefox reports it (test/fixtures/traffic.ts).
 * "No platform blamed" means: no verdict with scope platform/meta, no outage notification, no
 * outage in history.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlatformId } from '../../../src/core/types';
import { explainReport } from '../../../src/ui/explain';
import { badgeChanges, kindOf, play, type Sim, startSim, useVirtualTime } from '../../support/sim';
import { fail, type Line, OK, traffic } from '../../support/traffic';

const T0 = Date.UTC(2026, 10, 27, 17, 0, 0);
const ALL: PlatformId[] = ['whatsapp', 'facebook', 'instagram'];

// A virtual clock runs minutes in a second, but the machine is shared: allow for it.
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  vi.useRealTimers();
});

async function noPlatformBlamed(sim: Sim) {
  const r = await sim.worker.status();
  for (const p of ALL) expect(['platform', 'meta']).not.toContain(r.platforms[p].verdict.scope);
  expect(sim.notifications.filter((n) => kindOf(n.id) === 'outage')).toEqual([]);
  expect(await sim.worker.getHistory()).toEqual([]);
  return r;
}

const at = (l: Line) => ((l.details as { timeStamp?: number } | undefined)?.timeStamp ?? l.timeStamp) as number;

describe('case 5: the user is offline', () => {
  const variants: [string, 'chromium' | 'firefox', string, boolean][] = [
    ['Chromium ERR_INTERNET_DISCONNECTED', 'chromium', 'net::ERR_INTERNET_DISCONNECTED', false],
    ['Firefox NS_ERROR_OFFLINE', 'firefox', 'NS_ERROR_OFFLINE', false],
    ['Firefox NS_ERROR_NET_ON_RESOLVED (MDN: offline)', 'firefox', 'NS_ERROR_NET_ON_RESOLVED', false],
    ['navigator offline, names fail (Chromium)', 'chromium', 'net::ERR_NAME_NOT_RESOLVED', true],
    ['navigator offline, names fail (Firefox)', 'firefox', 'NS_ERROR_UNKNOWN_HOST', true],
  ];
  for (const [name, browser, error, signal] of variants) {
    it(`${name}: "your internet", no platform blamed`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      sim.world.latencyMs = 1_500;
      const lines = traffic(browser, ALL, T0, T0 + 90_000, (_p, t) => (t >= T0 + 30_000 ? fail(error) : OK));
      const cut = lines.findIndex((l) => at(l) >= T0 + 30_000);
      await play(sim, lines.slice(0, cut));
      sim.world.control = 'offline';
      if (signal) sim.line({ event: 'connectivity', timeStamp: Date.now(), online: false });
      await play(sim, lines.slice(cut));
      const r = await noPlatformBlamed(sim);
      for (const p of ALL)
        expect(r.platforms[p].verdict).toMatchObject({ status: 'down', cause: 'offline', scope: 'you' });
      expect(sim.badge.at(-1)?.text).toBe('off');
      expect(explainReport(r, Date.now()).headline.key).toBe('state_offline');
    });
  }
});

describe('case 6: all three failing plus a failing neutral check', () => {
  for (const [browser, error] of [
    ['chromium', 'net::ERR_NAME_NOT_RESOLVED'],
    ['chromium', 'net::ERR_CONNECTION_TIMED_OUT'],
    ['firefox', 'NS_ERROR_UNKNOWN_HOST'],
    ['firefox', 'NS_ERROR_NET_TIMEOUT'],
  ] as const) {
    it(`${browser} ${error}: blamed on the user's side, even while the check is still running`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      // The neutral check takes 3 s to fail (a dead uplink times out); platform checks fail too.
      sim.world.latencyMs = 3_000;
      const lines = traffic(browser, ALL, T0, T0 + 90_000, (_p, t) => (t >= T0 + 30_000 ? fail(error) : OK));
      const cut = lines.findIndex((l) => at(l) >= T0 + 30_000);
      await play(sim, lines.slice(0, cut));
      sim.world.control = 'offline';
      await play(sim, lines.slice(cut));
      const r = await noPlatformBlamed(sim);
      for (const p of ALL) expect(r.platforms[p].verdict).toMatchObject({ cause: 'offline', scope: 'you' });
      expect(badgeChanges(sim)).not.toContain('×');
    });
  }
});

describe('case 7: noise is ignored', () => {
  for (const [browser, errors] of [
    ['chromium', ['net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_ABORTED', 'net::ERR_BLOCKED_BY_ADMINISTRATOR']],
    ['firefox', ['NS_ERROR_TRACKING_URI', 'NS_BINDING_ABORTED', 'NS_ERROR_SOCIALTRACKING_URI', 'NS_ERROR_ABORT']],
  ] as const) {
    it(`${browser}: ${errors.join(', ')} on 60 % of requests change nothing`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      let i = 0;
      const lines = traffic(browser, ALL, T0, T0 + 5 * 60_000, (_p, t) =>
        t > T0 + 5_000 && i++ % 5 < 3 ? fail(errors[i % errors.length]!) : OK,
      );
      await play(sim, lines);
      const r = await noPlatformBlamed(sim);
      for (const p of ALL) {
        expect(r.platforms[p].verdict.status).toBe('up');
        expect(r.platforms[p].evidence.failed).toBe(0);
      }
      expect(badgeChanges(sim).filter((b) => b !== '')).toEqual([]);
    });
  }

  it('a page whose every Meta request is blocked by an ad blocker: never down', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    await play(
      sim,
      traffic('chromium', ['facebook'], T0, T0 + 60_000, () => fail('net::ERR_BLOCKED_BY_CLIENT')),
    );
    const r = await noPlatformBlamed(sim);
    expect(['up', 'unknown']).toContain(r.platforms.facebook.verdict.status);
  });
});

describe('case 8: duplicate onErrorOccurred for one requestId', () => {
  for (const browser of ['chromium', 'firefox'] as const) {
    it(`${browser}: counted once`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      sim.world.platform.whatsapp = 'unreachable';
      const lines = traffic(browser, ['whatsapp'], T0, T0 + 20_000, (_p, t) =>
        t > T0 + 10_000 ? fail(browser === 'chromium' ? 'net::ERR_CONNECTION_RESET' : 'NS_ERROR_NET_RESET') : OK,
      );
      // Unique failed requests (the recorder already repeats some, as Chrome does).
      const errors = new Set(
        lines.filter((l) => l.event === 'onErrorOccurred').map((l) => (l.details as { requestId: string }).requestId),
      );
      // Every failure reported three times (Chrome does report some twice), at once and a bit later.
      const doubled = lines.flatMap((l) =>
        l.event === 'onErrorOccurred'
          ? [l, l, { ...l, details: { ...(l.details as object), timeStamp: at(l) + 3 } }]
          : [l],
      );
      await play(sim, doubled);
      const ev = (await sim.worker.status()).platforms.whatsapp.evidence;
      // The worker's own failed probe (if one ran) is a separate, single count.
      const probes = ev.checks.platform && !ev.checks.platform.ok ? 1 : 0;
      expect(ev.byClass.unreachable ?? 0).toBe(errors.size);
      expect(ev.failed).toBe(errors.size + probes);
    });
  }
});

describe('case 9: an unknown error string', () => {
  it('is counted as unknown, never alone makes `down`, and shows in the evidence', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    const lines = traffic('chromium', ['instagram'], T0, T0 + 3 * 60_000, (_p, t) =>
      t > T0 + 10_000 ? fail('net::ERR_QUANTUM_FLUX_2031') : OK,
    );
    await play(sim, lines);
    const r = await sim.worker.status();
    const seen = new Set(sim.badge.map((b) => b.text));
    expect(seen.has('×')).toBe(false);
    expect(r.platforms.instagram.verdict.status).not.toBe('down');
    expect(r.platforms.instagram.evidence.byClass.unknown ?? 0).toBeGreaterThan(50);
    expect(sim.notifications.filter((n) => kindOf(n.id) === 'outage')).toEqual([]);
  });

  it('Firefox strings never seen before (and a numeric code outside the table) are unknown too', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    let i = 0;
    const odd = ['NS_ERROR_SOMETHING_NEW', 'Error code 2152398999', 'कुछ गड़बड़', ''];
    await play(
      sim,
      traffic('firefox', ['facebook'], T0, T0 + 2 * 60_000, (_p, t) =>
        t > T0 + 10_000 ? fail(odd[i++ % odd.length]!) : OK,
      ),
    );
    const r = await sim.worker.status();
    expect(r.platforms.facebook.verdict.status).not.toBe('down');
    expect(r.platforms.facebook.evidence.byClass.unknown ?? 0).toBeGreaterThan(20);
  });
});

describe('case 10: failures on one CDN host while the page works', () => {
  for (const browser of ['chromium', 'firefox'] as const) {
    it(`${browser}: at most degraded`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      const cdnError = browser === 'chromium' ? 'net::ERR_CONNECTION_TIMED_OUT' : 'NS_ERROR_NET_TIMEOUT';
      const lines = traffic(
        browser,
        ['instagram'],
        T0,
        T0 + 5 * 60_000,
        (_p, t, type) => OK && (t > T0 + 10_000 && type === 'image' ? fail(cdnError) : OK),
      );
      // Only the CDN's images fail; the document and the API keep working.
      const cdnOnly = lines.map((l) => {
        const d = l.details as { url: string; type: string } | undefined;
        if (l.event === 'onErrorOccurred' && d && !d.url.includes('cdninstagram.com'))
          throw new Error(`non-CDN failure ${d.url}`);
        return l;
      });
      await play(sim, cdnOnly);
      const r = await sim.worker.status();
      const statuses = new Set(sim.badge.map((b) => b.text));
      expect(statuses.has('×')).toBe(false);
      expect(['up', 'degraded']).toContain(r.platforms.instagram.verdict.status);
      expect(sim.notifications.filter((n) => kindOf(n.id) === 'outage')).toEqual([]);
    });
  }
});

describe('case 10: a gallery of failing CDN images at once', () => {
  for (const [browser, fail503] of [
    ['chromium', false],
    ['firefox', true],
  ] as const) {
    it(`${browser}: 12 CDN images failing together while the page and API work → at most degraded`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      const lines = traffic(browser, ['facebook'], T0, T0 + 60_000, () => OK);
      await play(sim, lines.slice(0, Math.floor(lines.length / 2)));
      const t = Date.now();
      for (let i = 0; i < 12; i++) {
        const details = {
          url: `https://scontent.xx.fbcdn.net/v/t39/${i}.jpg`,
          type: 'image',
          timeStamp: t + i * 15,
          requestId: `g${i}`,
          tabId: 7,
          frameId: 0,
          ...(browser === 'chromium'
            ? { initiator: 'https://www.facebook.com' }
            : { originUrl: 'https://www.facebook.com/', documentUrl: 'https://www.facebook.com/' }),
        };
        if (fail503) {
          sim.request('onHeadersReceived', { ...details, statusCode: 503 });
          sim.request('onErrorOccurred', { ...details, error: 'NS_BINDING_ABORTED' });
        } else sim.request('onErrorOccurred', { ...details, error: 'net::ERR_CONNECTION_RESET' });
      }
      await play(sim, lines.slice(Math.floor(lines.length / 2)));
      expect(new Set(sim.badge.map((b) => b.text)).has('×')).toBe(false);
      expect(sim.notifications.filter((n) => kindOf(n.id) === 'outage')).toEqual([]);
    });
  }
});

describe('case 13: captive portal or VPN switch', () => {
  for (const [browser, error] of [
    ['chromium', 'net::ERR_NETWORK_CHANGED'],
    ['firefox', 'NS_ERROR_NET_RESET'],
  ] as const) {
    it(`${browser}: a VPN switch (${error} on everything for 3 s) is no platform outage`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      sim.world.latencyMs = 500;
      const lines = traffic(browser, ALL, T0, T0 + 2 * 60_000, (_p, t) =>
        t >= T0 + 30_000 && t < T0 + 33_000 ? fail(error) : OK,
      );
      // While the tunnel is rebuilt nothing gets through, the extension's own checks included.
      const cut = lines.findIndex((l) => at(l) >= T0 + 30_000);
      const back = lines.findIndex((l) => at(l) >= T0 + 33_000);
      await play(sim, lines.slice(0, cut));
      sim.world.control = 'offline';
      await play(sim, lines.slice(cut, back));
      sim.world.control = 'ok';
      await play(sim, lines.slice(back));
      await noPlatformBlamed(sim);
      const r = await sim.worker.status();
      for (const p of ALL) expect(r.platforms[p].verdict.status).toBe('up');
    });
  }

  for (const [browser, error] of [
    ['chromium', 'net::ERR_CERT_AUTHORITY_INVALID'],
    ['firefox', 'Peer’s Certificate issuer is not recognized.'],
    ['firefox', 'Error code 2153394164'],
  ] as const) {
    it(`${browser}: certificate errors everywhere (${error}) → the network intercepts, no platform outage`, async () => {
      useVirtualTime(T0);
      const sim = await startSim();
      const lines = traffic(browser, ALL, T0, T0 + 2 * 60_000, (_p, t) => (t >= T0 + 30_000 ? fail(error) : OK));
      const cut = lines.findIndex((l) => at(l) >= T0 + 30_000);
      await play(sim, lines.slice(0, cut));
      sim.world.control = 'portal';
      for (const p of ALL) sim.world.platform[p] = 'unreachable';
      await play(sim, lines.slice(cut));
      const r = await sim.worker.status();
      for (const p of ALL) expect(r.platforms[p].verdict).toMatchObject({ cause: 'tls', scope: 'network' });
      // The user is not told that a platform is having an outage.
      expect(sim.notifications.filter((n) => kindOf(n.id) === 'outage')).toEqual([]);
      for (const e of await sim.worker.getHistory()) expect(e.scope).toBe('network');
      const screen = explainReport(r, Date.now());
      expect(screen.headline.key).toBe('state_network_tls');
      expect(screen.explanations[0]!.meaning[0]!.key).toBe('explain_cause_tls');
      expect(screen.explanations[0]!.advice.map((m) => m.key)).toContain('advice_tls_portal');
      expect(screen.explanations[0]!.hack).toBeNull();
    });
  }
});
