/**
 * Case 19 at the worker level: with the host permissions revoked (Firefox), the extension's own
 * fetches are plain CORS requests whose failures say nothing about the platforms or the user's
 * connection. "Check now" must then make no check and blame no one.
 */
import { describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import type { BackgroundDeps } from '../../../src/background/deps';
import { classifyError, Engine, isWatchedPageUrl, PLATFORMS, platformOfHost } from '../../../src/core';
import { throughout } from '../../support/eventually';
import { FakeEngine } from './fake-engine';
import { memoryArea } from './fakes';

function deps(granted: { value: boolean }, fetched: string[]): BackgroundDeps {
  return {
    factory: Engine,
    core: { isWatchedPageUrl, platformOfHost, classify: classifyError },
    storage: { session: memoryArea(), local: memoryArea() },
    action: { setBadgeText: () => {}, setBadgeBackgroundColor: () => {}, setTitle: () => {} },
    alarms: { create: () => undefined, clear: () => undefined },
    tabs: { create: async () => undefined, update: async () => undefined, goBack: async () => undefined },
    permissions: { contains: async () => granted.value },
    // What Firefox gives an extension without host permission for a site that sends no CORS header.
    fetch: (async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      if (granted.value) return new Response(null, { status: String(input).includes('generate_204') ? 204 : 200 });
      throw new TypeError('NetworkError when attempting to fetch resource.');
    }) as typeof fetch,
    now: () => Date.now(),
    extensionId: 'ext',
    extensionOrigin: 'moz-extension://ext',
    getURL: (p) => `moz-extension://ext/${p}`,
    hostOrigins: ['*://*.instagram.com/*'],
  };
}

describe('“check now” with host permissions revoked', () => {
  it('makes no check and blames no one; after the grant it checks again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const granted = { value: true };
    const fetched: string[] = [];
    const w = createBackground(deps(granted, fetched));
    await w.ready;
    granted.value = false;
    await w.permissionsChanged();
    fetched.length = 0;
    const r = await w.checkNow();
    expect(r.hostPermissions).toBe(false);
    expect(fetched).toEqual([]);
    for (const p of PLATFORMS) {
      expect(['down', 'degraded'], p).not.toContain(r.platforms[p].verdict.status);
      expect(r.platforms[p].verdict.cause, p).not.toBe('offline');
    }
    granted.value = true;
    await w.permissionsChanged();
    const after = await w.checkNow();
    expect(after.hostPermissions).toBe(true);
    expect(fetched.length).toBeGreaterThan(0);
    vi.restoreAllMocks();
  });
});

describe('page traffic with host permissions revoked', () => {
  it('is not recorded while revoked, and is again after the grant, without a restart', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const granted = { value: true };
    const w = createBackground(deps(granted, []));
    await w.ready;
    granted.value = false;
    await w.permissionsChanged();
    let t = Date.now();
    const fail = () => ({
      event: 'onErrorOccurred' as const,
      details: {
        url: 'https://www.instagram.com/',
        type: 'xmlhttprequest',
        timeStamp: ++t,
        error: 'net::ERR_CONNECTION_RESET',
      },
    });
    for (let i = 0; i < 5; i++) w.event(fail());
    expect((await w.status()).platforms.instagram.evidence.total).toBe(0);
    granted.value = true;
    await w.permissionsChanged();
    for (let i = 0; i < 5; i++) w.event(fail());
    expect((await w.status()).platforms.instagram.evidence.failed).toBeGreaterThan(0);
    vi.restoreAllMocks();
  });
});

describe('a background that starts with host permissions revoked', () => {
  it('makes no check at start, even when the engine asks for them', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetched: string[] = [];
    const d = deps({ value: false }, fetched);
    // An engine restored mid-outage that wants its probes at once.
    d.factory = {
      restore: (raw) => {
        const engine = FakeEngine.restore(raw).engine;
        engine.due = [{ kind: 'probe', target: 'instagram', reason: 'first-failures' }];
        return { engine, warning: null };
      },
    };
    const w = createBackground(d);
    await w.ready;
    expect((await w.status()).hostPermissions).toBe(false);
    // Nothing to wait for: no check may start while the start settles.
    await throughout(
      () => fetched.length,
      (n) => n === 0,
      { what: 'checks made at start', forMs: 200, intervalMs: 20 },
    );
    expect(fetched).toEqual([]);
    vi.restoreAllMocks();
  });
  it("records none of the sites' events that arrived while it was starting", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = createBackground(deps({ value: false }, []));
    let t = Date.now();
    for (let i = 0; i < 5; i++)
      w.event({
        event: 'onErrorOccurred',
        details: {
          url: 'https://www.instagram.com/',
          type: 'xmlhttprequest',
          timeStamp: ++t,
          error: 'net::ERR_CONNECTION_RESET',
        },
      });
    expect(w.queued).toBe(5);
    await w.ready;
    const r = await w.status();
    expect(r.hostPermissions).toBe(false);
    expect(r.platforms.instagram.evidence.total).toBe(0);
    vi.restoreAllMocks();
  });
});
