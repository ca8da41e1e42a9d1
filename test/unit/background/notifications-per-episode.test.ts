/**
 * Case 22 at the worker level, with the real engine: one outage and one "back" notification per
 * episode even when the outage relapses; the setting is respected; a system that refuses
 * notifications crashes nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import type { BackgroundDeps } from '../../../src/background/deps';
import { toTraceEvent } from '../../../src/background/trace-events';
import { classifyError, Engine, isWatchedPageUrl, platformOfHost } from '../../../src/core';
import { memoryArea } from './fakes';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** What Instagram answers right now: its pages, and Nazar's own probe of its favicon alike. */
const world = { status: 200 };

function deps(create: (id: string) => Promise<string>): BackgroundDeps {
  return {
    factory: Engine,
    core: { isWatchedPageUrl, platformOfHost, classify: classifyError },
    storage: { session: memoryArea(), local: memoryArea() },
    action: { setBadgeText: () => {}, setBadgeBackgroundColor: () => {}, setTitle: () => {} },
    notifications: { create: (id) => create(id) },
    alarms: { create: () => undefined, clear: () => undefined },
    tabs: { create: async () => undefined, update: async () => undefined, goBack: async () => undefined },
    permissions: { contains: async () => true },
    fetch: (async (u: RequestInfo | URL) =>
      new Response(null, { status: String(u).includes('instagram.com') ? world.status : 204 })) as typeof fetch,
    now: () => Date.now(),
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    getURL: (p) => `chrome-extension://ext/${p}`,
    hostOrigins: ['*://*.instagram.com/*'],
  };
}

let rid = 0;
/** Instagram's app for `ms`: an API call and an image every second, answered with `status`. */
async function browse(w: ReturnType<typeof createBackground>, status: number, ms: number) {
  world.status = status;
  for (let t = 0; t < ms; t += 1000) {
    for (const path of ['api/v1/feed/', 'static/logo.png']) {
      const details = {
        url: `https://www.instagram.com/${path}`,
        type: 'xmlhttprequest',
        timeStamp: Date.now(),
        requestId: String(rid++),
        statusCode: status,
        initiator: 'https://www.instagram.com',
      };
      w.event(toTraceEvent('onCompleted', details, 'chrome-extension://ext'));
    }
    await vi.advanceTimersByTimeAsync(1000);
  }
}

const statusOf = async (w: ReturnType<typeof createBackground>) =>
  (await w.status()).platforms.instagram.verdict.status;

describe('notifications with the real engine', () => {
  it('one outage and one back per episode, even when it relapses within the grace period', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 27, 10, 0, 0) });
    const sent: string[] = [];
    const w = createBackground(
      deps(async (id) => {
        sent.push(id);
        return id;
      }),
    );
    await w.ready;
    await browse(w, 200, 10_000);
    const seen: string[] = [];
    for (let round = 0; round < 3; round++) {
      await browse(w, 503, 30_000);
      seen.push(await statusOf(w));
      await browse(w, 200, 40_000);
      seen.push(await statusOf(w));
    }
    // Nazar's own probe fails as the site does (an honest world). Onset is never damped: each relapse
    // is `down` again at once; after it, `up` waits for a clean spell (RULES.flapUpSpanMs), which 40 s
    // of successes give.
    expect(seen).toEqual(['down', 'up', 'down', 'up', 'down', 'up']);
    const history = await w.getHistory();
    expect(history).toHaveLength(1);
    const id = history[0]!.id;
    // Within the 2-minute grace period it is not "back" yet; after it, exactly once.
    expect(sent).toEqual([`nazar:outage:${id}`]);
    // "back" once it has stayed fine for the 2-minute grace.
    await browse(w, 200, 190_000);
    expect(sent).toEqual([`nazar:outage:${id}`, `nazar:back:${id}`]);
    expect(await w.getHistory()).toHaveLength(1);
  }, 30_000);

  it('with notifications off none is sent; a refusing system crashes nothing', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 27, 10, 0, 0) });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const calls: string[] = [];
    const off = createBackground(
      deps(async (id) => {
        calls.push(id);
        return id;
      }),
    );
    await off.setSettings({ notifications: false });
    await browse(off, 200, 5_000);
    await browse(off, 503, 30_000);
    expect(await statusOf(off)).toBe('down');
    expect(calls).toEqual([]);

    const refused: string[] = [];
    const w = createBackground(
      deps(async (id) => {
        refused.push(id);
        throw new Error('Notifications are not allowed');
      }),
    );
    await w.ready;
    await browse(w, 200, 5_000);
    await browse(w, 503, 30_000);
    expect(await statusOf(w)).toBe('down');
    await browse(w, 200, 130_000);
    expect(await statusOf(w)).toBe('up');
    expect(refused).toHaveLength(2);
    expect(await w.getHistory()).toHaveLength(1);
  }, 30_000);
});
