/** In-memory stand-ins for the browser APIs the background uses (unit tests only). */
import type { BackgroundDeps } from '../../../src/background/deps';
import { FakeEngine } from './fake-engine';

export function memoryArea(
  initial: Record<string, unknown> = {},
  opts: { getDelayMs?: number; failGet?: boolean } = {},
) {
  const data: Record<string, unknown> = structuredClone(initial);
  const sets: Record<string, unknown>[] = [];
  return {
    data,
    sets,
    async get(keys: string[]) {
      if (opts.failGet) throw new Error('storage broken');
      if (opts.getDelayMs) await new Promise((r) => setTimeout(r, opts.getDelayMs));
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items: Record<string, unknown>) {
      sets.push(items);
      Object.assign(data, structuredClone(items));
    },
  };
}

export function fakeDeps(over: Partial<BackgroundDeps> = {}) {
  const session = memoryArea();
  const local = memoryArea();
  const notifications: { id: string; title: string; message: string }[] = [];
  const badge = { text: '', color: '', title: '' };
  const opened: string[] = [];
  const deps: BackgroundDeps = {
    factory: FakeEngine,
    core: {
      isWatchedPageUrl: (u) => u.startsWith('https://www.instagram.com/'),
      platformOfHost: (h) => (h.endsWith('instagram.com') ? 'instagram' : null),
      classify: () => 'dns',
    },
    storage: { session, local },
    action: {
      setBadgeText: (d) => {
        badge.text = d.text;
      },
      setBadgeBackgroundColor: (d) => {
        badge.color = d.color;
      },
      setTitle: (d) => {
        badge.title = d.title;
      },
    },
    notifications: {
      async create(id, o) {
        notifications.push({ id, title: o.title, message: o.message });
        return id;
      },
    },
    alarms: { create: () => undefined, clear: () => undefined },
    tabs: {
      create: async (p) => void opened.push(p.url),
      update: async (_id, p) => void opened.push(p.url),
      goBack: async (id) => void opened.push(`back:${id}`),
    },
    permissions: { contains: async () => true },
    fetch: (async () => new Response(null, { status: 204 })) as typeof fetch,
    now: Date.now,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    getURL: (p) => `chrome-extension://ext/${p}`,
    hostOrigins: ['*://*.instagram.com/*'],
    writeIntervalMs: 2_000,
    ...over,
  };
  return { deps, session, local, notifications, badge, opened };
}

let t = 1_700_000_000_000;
const nextTime = () => {
  t += 10;
  return t;
};
/** A failing request to a platform's host, as the browser reports it. */
export function failure(host = 'www.instagram.com', at = nextTime()) {
  return {
    event: 'onErrorOccurred' as const,
    details: { url: `https://${host}/`, type: 'xmlhttprequest', timeStamp: at, error: 'net::ERR_NAME_NOT_RESOLVED' },
  };
}
export function success(host = 'www.instagram.com', at = nextTime()) {
  return {
    event: 'onCompleted' as const,
    details: { url: `https://${host}/`, type: 'xmlhttprequest', timeStamp: at, statusCode: 200 },
  };
}

/** The independent DNS lookup of a platform's name failing (SERVFAIL): one of Nazar's own checks. */
export function failedDns(name = 'www.instagram.com', at = nextTime()) {
  return { event: 'dns' as const, timeStamp: at, name, status: 2, answers: 0 };
}
