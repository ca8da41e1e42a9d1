/**
 * A simulated background for reliability tests: the real background (src/background/background.ts) and the
 * real engine, with in-memory browser APIs and a virtual clock (vitest fake timers), so that ten
 * minutes of flapping or a 10,000-event storm run in a second and give the same answer every time.
 * Everything the user would notice is recorded: notifications, every badge change, every write.
 */
import { vi } from 'vitest';
import { type Background, createBackground } from '../../src/background/background';
import { CheckFetchError } from '../../src/background/checks/own-errors';
import { CONTROL_URL, DOH_URL, PROBE_URLS } from '../../src/background/checks/probes';
import type { BackgroundDeps } from '../../src/background/deps';
import { toTraceEvent, type WebRequestKind } from '../../src/background/trace-events';
import { classifyError, Engine, isWatchedPageUrl, platformOfHost } from '../../src/core';
import type { TraceEvent } from '../../src/core/api';
import type { PlatformId } from '../../src/core/types';

export const ORIGIN = 'chrome-extension://sim';

/**
 * A check made while offline, as the worker's fetch reports it: the browser's own reason, which
 * our webRequest listener sees for every check URL (own-errors.ts), not a bare TypeError.
 */
const OFFLINE = () => new CheckFetchError('net::ERR_INTERNET_DISCONNECTED');

/** What the outside world answers to the extension's own checks. */
export interface World {
  control: 'ok' | 'offline' | 'portal';
  platform: Record<PlatformId, 'ok' | 'server' | 'unreachable'>;
  /** DoH answers per platform: RCODE and addresses (default NOERROR, a Meta address). */
  doh: Record<PlatformId, { status: number; addresses?: string[] }>;
  /** How long each check takes to answer (virtual ms); real checks take a while, failures too. */
  latencyMs?: number;
}

export const healthyWorld = (): World => ({
  control: 'ok',
  platform: { whatsapp: 'ok', facebook: 'ok', instagram: 'ok' },
  doh: {
    whatsapp: { status: 0, addresses: ['157.240.1.53'] },
    facebook: { status: 0, addresses: ['157.240.1.35'] },
    instagram: { status: 0, addresses: ['157.240.1.174'] },
  },
});

export interface MemoryArea {
  data: Record<string, unknown>;
  writes: { at: number; keys: string[] }[];
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function memoryArea(initial: Record<string, unknown> = {}): MemoryArea {
  const area: MemoryArea = {
    data: structuredClone(initial),
    writes: [],
    async get(keys) {
      return Object.fromEntries(keys.filter((k) => k in area.data).map((k) => [k, structuredClone(area.data[k])]));
    },
    async set(items) {
      area.writes.push({ at: Date.now(), keys: Object.keys(items) });
      Object.assign(area.data, structuredClone(items));
    },
  };
  return area;
}

export interface Sim {
  worker: Background;
  world: World;
  session: MemoryArea;
  local: MemoryArea;
  notifications: { id: string; title: string; message: string; at: number }[];
  /** Every badge text actually written, with its time. */
  badge: { text: string; title: string; at: number }[];
  fetched: string[];
  /** A webRequest event as the browser passes it (goes through toTraceEvent, as index.ts does). */
  request(kind: WebRequestKind, details: Record<string, unknown>): void;
  /** A trace-format line (request events are converted like real ones; others fed as they are). */
  line(l: Record<string, unknown>): void;
  /** Advances the virtual clock, running the worker's timers and alarms. */
  advance(ms: number): Promise<void>;
  /** Advances to `t` (absolute), if it is in the future. */
  advanceTo(t: number): Promise<void>;
  /** Stops this worker (memory lost) and starts a new one on the same storage; `wakeWith` wakes it. */
  restartWorker(wakeWith?: Record<string, unknown>[]): Promise<Sim>;
  /** Browser restart: storage.session is emptied; storage.local is kept. */
  restartBrowser(): Promise<Sim>;
}

export interface SimOptions {
  world?: World;
  session?: MemoryArea;
  local?: MemoryArea;
  notificationsApi?: BackgroundDeps['notifications'];
  /** Recorders carried over a restart, so a test sees everything the user saw. */
  notifications?: Sim['notifications'];
  badge?: Sim['badge'];
  /** Trace lines delivered the moment the script starts, before its state is restored (a cold wake). */
  wakeWith?: Record<string, unknown>[];
}

/** Needs vitest fake timers (Date included): `vi.useFakeTimers({ now, toFake: [...] })`. */
export async function startSim(o: SimOptions = {}): Promise<Sim> {
  const world = o.world ?? healthyWorld();
  const session = o.session ?? memoryArea();
  const local = o.local ?? memoryArea();
  const notifications: Sim['notifications'] = o.notifications ?? [];
  const badge: Sim['badge'] = o.badge ?? [];
  // A stopped worker's leftover timers must not reach storage or the user any more.
  let alive = true;
  const live =
    <A extends unknown[], R>(fn: (...a: A) => R, dead: R) =>
    (...a: A): R =>
      alive ? fn(...a) : dead;
  const fetched: string[] = [];
  let alarmAt: number | null = null;
  let current = { text: '', title: '' };

  const fetchFake = (async (input: RequestInfo | URL) => {
    const url = String(input);
    fetched.push(url);
    if (world.latencyMs) await new Promise((r) => setTimeout(r, world.latencyMs));
    if (url === CONTROL_URL) {
      if (world.control === 'offline') throw OFFLINE();
      return world.control === 'portal'
        ? new Response('<html>log in to the wifi</html>', { status: 200 })
        : new Response(null, { status: 204 });
    }
    const platform = (Object.keys(PROBE_URLS) as PlatformId[]).find((p) => PROBE_URLS[p] === url);
    if (platform) {
      if (world.control === 'offline') throw OFFLINE();
      if (world.platform[platform] === 'unreachable') throw new TypeError('Failed to fetch');
      return new Response('', { status: world.platform[platform] === 'server' ? 503 : 200 });
    }
    if (url.startsWith(DOH_URL)) {
      if (world.control === 'offline') throw OFFLINE();
      const name = new URL(url).searchParams.get('name') ?? '';
      const p = platformOfHost(name);
      const a = p ? world.doh[p] : { status: 3 };
      const body = { Status: a.status, Answer: (a.addresses ?? []).map((data) => ({ name, type: 1, data })) };
      return new Response(JSON.stringify(body), { status: 200 });
    }
    throw new TypeError(`unexpected fetch ${url}`);
  }) as typeof fetch;

  const deps: BackgroundDeps = {
    factory: Engine,
    core: { isWatchedPageUrl, platformOfHost, classify: classifyError },
    storage: {
      session: { get: (k) => session.get(k), set: live((i) => session.set(i), Promise.resolve()) },
      local: { get: (k) => local.get(k), set: live((i) => local.set(i), Promise.resolve()) },
    },
    action: {
      setBadgeText: live((d: { text: string }) => {
        current = { ...current, text: d.text };
        badge.push({ ...current, at: Date.now() });
      }, undefined),
      setBadgeBackgroundColor: () => undefined,
      setTitle: (d) => {
        current = { ...current, title: d.title };
      },
    },
    notifications: o.notificationsApi ?? {
      create: live(async (id: string, n: { title: string; message: string }) => {
        notifications.push({ id, title: n.title, message: n.message, at: Date.now() });
        return id;
      }, Promise.resolve('')),
    },
    alarms: {
      create: live((_name: string, info: { when: number }) => {
        alarmAt = info.when;
      }, undefined),
      clear: () => {
        alarmAt = null;
      },
    },
    tabs: { create: async () => undefined, update: async () => undefined, goBack: async () => undefined },
    permissions: { contains: async () => true },
    fetch: fetchFake,
    now: () => Date.now(),
    extensionId: 'sim',
    extensionOrigin: ORIGIN,
    getURL: (p) => `${ORIGIN}/${p}`,
    hostOrigins: ['*://*.whatsapp.com/*', '*://*.facebook.com/*', '*://*.instagram.com/*'],
  };
  const worker = createBackground(deps);
  for (const l of o.wakeWith ?? []) lineInto(worker, l);
  await vi.advanceTimersByTimeAsync(0);
  await worker.ready;

  const feed = (ev: TraceEvent | null) => worker.event(ev);
  const sim: Sim = {
    worker,
    world,
    session,
    local,
    notifications,
    badge,
    fetched,
    request(kind, details) {
      feed(toTraceEvent(kind, details, ORIGIN));
    },
    line(l) {
      lineInto(worker, l);
    },
    async advance(ms) {
      // The alarm stands in for Chrome's: it fires when due, even if no timer is left.
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const step = Math.min(end - Date.now(), 250);
        await vi.advanceTimersByTimeAsync(step);
        if (alive && alarmAt !== null && Date.now() >= alarmAt) {
          alarmAt = null;
          await worker.onAlarm('nazar-tick');
        }
      }
    },
    async advanceTo(t) {
      if (t > Date.now()) await sim.advance(t - Date.now());
    },
    async restartWorker(wakeWith?: Record<string, unknown>[]) {
      // Chrome gives no warning: whatever the write chain had not written yet is lost.
      alive = false;
      return startSim({ world, session, local, notificationsApi: o.notificationsApi, notifications, badge, wakeWith });
    },
    async restartBrowser() {
      alive = false;
      return startSim({
        world,
        session: memoryArea(),
        local,
        notificationsApi: o.notificationsApi,
        notifications,
        badge,
      });
    },
  };
  return sim;
}

function lineInto(worker: Background, l: Record<string, unknown>): void {
  const e = l.event;
  if (e === 'onErrorOccurred' || e === 'onCompleted' || e === 'onHeadersReceived')
    worker.event(toTraceEvent(e, l.details, ORIGIN));
  else worker.event(l as unknown as TraceEvent);
}

/** Installs the fake clock the simulation needs; performance.now stays real (it measures cost). */
export function useVirtualTime(now: number): void {
  vi.useFakeTimers({ now, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/** Feeds trace lines (sorted by time) into the simulation at their own times. */
export async function play(sim: Sim, lines: Record<string, unknown>[]): Promise<void> {
  for (const l of lines) {
    const t = ((l.details as { timeStamp?: number } | undefined)?.timeStamp ?? l.timeStamp) as number;
    await sim.advanceTo(t);
    sim.line(l);
  }
}

/** Badge texts as the user saw them change (consecutive duplicates merged). */
export function badgeChanges(sim: Sim): string[] {
  const out: string[] = [];
  for (const b of sim.badge) if (out[out.length - 1] !== b.text) out.push(b.text);
  return out;
}

export const kindOf = (id: string) => id.split(':')[1] ?? '';
