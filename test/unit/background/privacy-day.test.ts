/**
 * Case 18 at the worker level: a simulated day (24 h of browsing on fake timers) through the real
 * worker, the real engine and the real webRequest → trace conversion, with URLs full of private
 * paths and queries, tab/frame ids, initiators and IPs. Afterwards storage must hold only hostnames,
 * classes, counts and times, and the only requests the extension made must be the named checks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { CONTROL_URL, DNS_NAMES, DOH_URL, PROBE_URLS } from '../../../src/background/checks/probes';
import type { BackgroundDeps } from '../../../src/background/deps';
import { toTraceEvent } from '../../../src/background/trace-events';
import { classifyError, Engine, isWatchedPageUrl, platformOfHost } from '../../../src/core';
import { auditStorage } from '../../support/storage-audit';
import { memoryArea } from '../background/fakes';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const SECRETS = [
  '8675309',
  'SECRETTOKEN',
  '919876543210',
  'hello-secret',
  '100004213370001',
  'direct/t',
  'messages',
  'user_id',
];
const PAGES = [
  'https://www.instagram.com/direct/t/8675309/?user_id=8675309&token=SECRETTOKEN',
  'https://web.whatsapp.com/send?phone=919876543210&text=hello-secret',
  'https://www.facebook.com/messages/t/100004213370001?ref=SECRETTOKEN',
];
const HOSTS = [
  'www.instagram.com',
  'i.instagram.com',
  'web.whatsapp.com',
  'mmg.whatsapp.net',
  'www.facebook.com',
  'static.xx.fbcdn.net',
];
const ALLOWED_FETCHES = new Set([
  CONTROL_URL,
  ...Object.values(PROBE_URLS),
  ...Object.values(DNS_NAMES).map((n) => `${DOH_URL}?name=${encodeURIComponent(n)}&type=A`),
]);

/** Deterministic PRNG so the day is the same every run. */
function prng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function fakeDeps(fetched: string[]) {
  const session = memoryArea();
  const local = memoryArea();
  const notifications: string[] = [];
  const deps: BackgroundDeps = {
    factory: Engine,
    core: { isWatchedPageUrl, platformOfHost, classify: classifyError },
    storage: { session, local },
    action: { setBadgeText: () => {}, setBadgeBackgroundColor: () => {}, setTitle: () => {} },
    notifications: {
      async create(id) {
        notifications.push(id);
        return id;
      },
    },
    alarms: { create: () => undefined, clear: () => undefined },
    tabs: { create: async () => undefined, update: async () => undefined, goBack: async () => undefined },
    permissions: { contains: async () => true },
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      fetched.push(url);
      if (url === CONTROL_URL) return new Response(null, { status: 204 });
      if (url.startsWith(DOH_URL))
        return new Response(JSON.stringify({ Status: 0, Answer: [{ type: 1, data: '157.240.1.35' }] }), {
          status: 200,
        });
      return new Response('', { status: 200 });
    }) as typeof fetch,
    now: () => Date.now(),
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    getURL: (p) => `chrome-extension://ext/${p}`,
    hostOrigins: ['*://*.instagram.com/*'],
  };
  return { deps, session, local, notifications };
}

describe('privacy after a simulated day', () => {
  it('stores only hostnames, classes, counts and times; fetches only the named checks', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 27, 0, 0, 0) });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetched: string[] = [];
    const f = fakeDeps(fetched);
    const w = createBackground(f.deps);
    await w.ready;
    const rnd = prng(7);
    const start = Date.now();
    let requestId = 1000;
    let events = 0;
    // 24 h in steps of 60 s, 6 requests each; outages of Instagram (5xx) 09:00–10:00 and of all three (DNS) 21:09–22:30.
    for (let t = 0; t < 24 * 3600_000; t += 60_000) {
      const hour = t / 3600_000;
      const igDown = hour >= 9 && hour < 10;
      const allDown = hour >= 21.15 && hour < 22.5;
      for (let i = 0; i < 6; i++) {
        const host = HOSTS[Math.floor(rnd() * HOSTS.length)]!;
        const page = PAGES[Math.floor(rnd() * PAGES.length)]!;
        const url = `https://${host}/api/v1/${requestId}/feed?cursor=SECRETTOKEN&uid=8675309`;
        const base = {
          url,
          type: rnd() < 0.2 ? 'main_frame' : 'xmlhttprequest',
          timeStamp: Date.now(),
          tabId: 40 + Math.floor(rnd() * 5),
          frameId: 0,
          initiator: page,
          documentUrl: page,
          ip: '157.240.1.35',
          requestId: String(requestId++),
          method: 'GET',
        };
        const failing = allDown || (igDown && host.includes('instagram'));
        const ev = failing
          ? toTraceEvent(
              'onErrorOccurred',
              { ...base, error: allDown ? 'net::ERR_NAME_NOT_RESOLVED' : 'net::ERR_EMPTY_RESPONSE' },
              'chrome-extension://ext',
            )
          : toTraceEvent(
              'onCompleted',
              { ...base, statusCode: igDown && host.includes('instagram') ? 503 : 200 },
              'chrome-extension://ext',
            );
        w.event(ev);
        events++;
      }
      await vi.advanceTimersByTimeAsync(60_000);
    }
    await w.flush();
    const stored = { session: f.session.data, local: f.local.data };
    const findings = auditStorage(stored, SECRETS);
    expect(findings).toEqual([]);
    // Something was really stored: an engine state, a report, settings and the day's history.
    expect(Object.keys(f.session.data).sort()).toEqual(['nazar:engine', 'nazar:episodes', 'nazar:report']);
    const history = f.local.data['nazar:history'] as unknown[];
    expect(history.length).toBeGreaterThanOrEqual(2);
    const bytes = JSON.stringify(stored).length;
    const writes = f.session.sets.length + f.local.sets.length;
    const unexpected = fetched.filter((u) => !ALLOWED_FETCHES.has(u));
    console.log(
      `[measure] simulated day: ${events} events, ${history.length} episodes, ${f.notifications.length} notifications, ` +
        `${fetched.length} check requests, storage ${bytes} bytes, ${writes} storage writes (${(writes / 86_400).toFixed(3)}/s)`,
    );
    expect(unexpected).toEqual([]);
    expect(fetched.length).toBeGreaterThan(0);
    // Bounded: a day of browsing does not grow storage without limit.
    expect(bytes).toBeLessThan(200_000);
    expect(Date.now() - start).toBeGreaterThanOrEqual(24 * 3600_000);
  }, 60_000);

  it('with every check switched off, the extension makes no request of its own all day', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 27, 0, 0, 0) });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetched: string[] = [];
    const f = fakeDeps(fetched);
    f.local.data['nazar:settings'] = {
      notifications: true,
      checks: { platform: false, control: false, dns: false },
      language: 'hi',
    };
    const w = createBackground(f.deps);
    await w.ready;
    for (let t = 0; t < 6 * 3600_000; t += 30_000) {
      const failing = t > 3600_000 && t < 2 * 3600_000;
      const base = {
        url: 'https://web.whatsapp.com/x?y=1',
        type: 'xmlhttprequest',
        timeStamp: Date.now(),
        requestId: String(t),
      };
      w.event(
        failing
          ? toTraceEvent('onErrorOccurred', { ...base, error: 'net::ERR_NAME_NOT_RESOLVED' }, 'chrome-extension://ext')
          : toTraceEvent('onCompleted', { ...base, statusCode: 200 }, 'chrome-extension://ext'),
      );
      await vi.advanceTimersByTimeAsync(30_000);
    }
    await w.checkNow();
    expect(fetched).toEqual([]);
  }, 60_000);
});
