/**
 * Browser-side observation for the reliability cases: what the user sees (badge, notifications),
 * what the background writes (storage.onChanged), and the status report — all through the
 * extension's own APIs from one of its pages, never the worker's internals.
 */
import type { PlatformId, Status } from '../../src/core/types';
import type { Episode } from '../../src/shared/protocol/episode';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { eventually } from './eventually';
import type { BrowserSession, PageHandle } from './harness';
import { dumpStorage, type StorageDump } from './storage-audit';

export { sleep } from './eventually';

export const ALL: PlatformId[] = ['whatsapp', 'facebook', 'instagram'];
export const PAGE_URL: Record<PlatformId, string> = {
  whatsapp: 'https://web.whatsapp.com/',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
};

export function summary(r: StatusReport | undefined): Record<string, string> | undefined {
  if (!r?.platforms) return undefined;
  return Object.fromEntries(
    Object.entries(r.platforms).map(([p, x]) => [p, `${x.verdict.status}/${x.verdict.cause}/${x.verdict.scope}`]),
  );
}

export const status = (s: BrowserSession) => s.sendMessage<StatusReport>({ type: 'get-status' });
export const history = (s: BrowserSession) => s.sendMessage<Episode[]>({ type: 'get-history' });

export function is(r: StatusReport | undefined, p: PlatformId, st: Status, cause?: string): boolean {
  const v = r?.platforms?.[p]?.verdict;
  return v?.status === st && (cause === undefined || v.cause === cause);
}

/** Asks get-status until `check` holds; throws with the last verdicts otherwise. */
export async function waitFor(
  s: BrowserSession,
  check: (r: StatusReport) => boolean,
  timeoutMs = 30_000,
): Promise<{ report: StatusReport; ms: number }> {
  const t0 = Date.now();
  const report = await eventually(
    () => status(s),
    (r) => !!r?.platforms && check(r),
    {
      what: `${s.browser}: verdicts where ${check.toString().replace(/\s+/g, ' ').slice(0, 160)}`,
      timeoutMs,
      intervalMs: 250,
      show: (r) => JSON.stringify(summary(r)),
    },
  );
  return { report, ms: Date.now() - t0 };
}

export interface Observed {
  badge: { at: number; text: string }[];
  /** `made`: when the worker built the stored report (its generatedAt), if this write carries one. */
  writes: { at: number; area: string; keys: string[]; made?: number }[];
  sent: string[];
  shown: string[];
}

/**
 * Starts recording in an extension page: every badge text change (polled every 100 ms) and every
 * storage change event (one per storage write that changed something).
 */
export async function startRecorder(s: BrowserSession): Promise<{ page: PageHandle; read(): Promise<Observed> }> {
  const page = await s.openExtensionPage('src/popup/index.html');
  const before = await readSent(page);
  await page.evaluate(() => {
    type Api = {
      action: { getBadgeText(d: object): Promise<string> };
      storage: { onChanged: { addListener(fn: (c: Record<string, unknown>, area: string) => void): void } };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api; __rec?: unknown };
    const api = g.browser ?? g.chrome;
    const rec = {
      badge: [] as { at: number; text: string }[],
      writes: [] as Observed['writes'],
    };
    g.__rec = rec;
    api.storage.onChanged.addListener((c, area) => {
      const made = (c['nazar:report'] as { newValue?: { generatedAt?: unknown } } | undefined)?.newValue?.generatedAt;
      rec.writes.push({ at: Date.now(), area, keys: Object.keys(c), ...(typeof made === 'number' ? { made } : {}) });
    });
    let last: string | null = null;
    const poll = async () => {
      const text = await api.action.getBadgeText({});
      if (text !== last) {
        last = text;
        rec.badge.push({ at: Date.now(), text });
      }
    };
    setInterval(() => void poll(), 100);
    void poll();
  });
  return {
    page,
    // Only what was sent since the recorder started: earlier cases' notifications are not this one's.
    read: async () => {
      const o = await readAll(page);
      return { ...o, sent: o.sent.filter((id) => !before.includes(id)) };
    },
  };
}

async function readSent(page: PageHandle): Promise<string[]> {
  return (await readAll(page)).sent;
}

function readAll(page: PageHandle): Promise<Observed> {
  return page.evaluate(async () => {
    type Api = {
      notifications: { getAll(): Promise<Record<string, unknown>> };
      storage: { session: { get(k: string): Promise<Record<string, { sent?: string[] } | undefined>> } };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api; __rec?: Omit<Observed, 'sent' | 'shown'> };
    const api = g.browser ?? g.chrome;
    let shown: string[] = [];
    try {
      shown = Object.keys(await api.notifications.getAll());
    } catch {
      shown = [];
    }
    const sent = (await api.storage.session.get('nazar:episodes'))['nazar:episodes']?.sent ?? [];
    const rec = g.__rec ?? { badge: [], writes: [] };
    return { badge: rec.badge.slice(), writes: rec.writes.slice(), sent, shown };
  });
}

export const outages = (o: Observed) => o.sent.filter((id) => id.startsWith('nazar:outage:'));
export const backs = (o: Observed) => o.sent.filter((id) => id.startsWith('nazar:back:'));

/**
 * Reads a recorder until `done` holds; throws with the last observation otherwise. The "sent" mark
 * reaches storage up to two write slots (2 s each) after the verdict, so a fixed sleep is a race.
 */
export function untilObserved(
  rec: { read(): Promise<Observed> },
  done: (o: Observed) => boolean,
  timeoutMs = 10_000,
): Promise<Observed> {
  return eventually(() => rec.read(), done, { timeoutMs, intervalMs: 250 });
}

/** Runs `fn` in a watched page: the page's own requests are what the extension observes. */
export async function inPage<T, A>(page: PageHandle, fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
  return page.evaluate(fn, arg);
}

/**
 * Makes `n` requests from the page to `url` + index, `perSecond` at a time; resolves when all
 * settled. A `{h}` in `url` is replaced by index mod `hosts`: spread over many names, requests do
 * not queue behind the browser's per-host connection limit.
 */
export function burst(
  page: PageHandle,
  url: string,
  n: number,
  perSecond: number,
  hosts = 1,
): Promise<{ ok: number; failed: number }> {
  return page.evaluate(
    async ({ url, n, perSecond, hosts }) => {
      let ok = 0;
      let failed = 0;
      const all: Promise<void>[] = [];
      const batch = Math.max(1, Math.round(perSecond / 20));
      for (let i = 0; i < n; i += batch) {
        for (let j = i; j < Math.min(n, i + batch); j++)
          all.push(
            fetch(`${url.replace('{h}', String(j % hosts))}${j}`, { cache: 'no-store', mode: 'no-cors' }).then(
              () => void ok++,
              () => void failed++,
            ),
          );
        await new Promise((r) => setTimeout(r, 50));
      }
      await Promise.all(all);
      return { ok, failed };
    },
    { url, n, perSecond, hosts },
  );
}

/**
 * `n` requests from `page` with at most `inFlight` outstanding, each started as soon as one ends:
 * the browser's own pace, with no timer a throttled tab would slow down.
 */
export function flood(
  page: PageHandle,
  url: string,
  n: number,
  inFlight: number,
): Promise<{ ok: number; failed: number }> {
  return page.evaluate(
    async ({ url, n, inFlight }) => {
      let ok = 0;
      let failed = 0;
      let next = 0;
      const lane = async () => {
        while (next < n) {
          const j = next++;
          await fetch(`${url}${j}`, { cache: 'no-store', mode: 'no-cors' }).then(
            () => void ok++,
            () => void failed++,
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(n, inFlight) }, lane));
      return { ok, failed };
    },
    { url, n, inFlight },
  );
}

/**
 * Waits until what the background stored (read from one of its pages) passes `check`. Tests that
 * stop the background must wait for this: the write chain stores changes a little later, and
 * an earlier value of the same key is usually there already. Returns what passed.
 */
export async function untilStored(
  s: BrowserSession,
  check: (stored: StorageDump) => boolean,
  timeoutMs = 10_000,
): Promise<StorageDump> {
  const page = await s.openExtensionPage('src/popup/index.html');
  try {
    return await eventually(() => dumpStorage(page), check, {
      what: `the background to store the expected state (${check.toString().replace(/\s+/g, ' ').slice(0, 160)})`,
      timeoutMs,
    });
  } finally {
    await page.close();
  }
}
