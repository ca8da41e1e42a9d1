/**
 * An outage from start to end, in both browsers, on the test build (its "back" grace is seconds,
 * not 2 minutes; the real grace runs in test/soak/real-timers.test.ts): detection, the badge and
 * its title, one outage notice, the background stopped and woken mid-outage, a slow recovery, the
 * "back" notice, the notification setting, a system that refuses notifications, and a browser
 * restart. A relapse within the grace (one episode: one outage and one "back" notice) needs a
 * 30 s clean spell before `up`, so it runs in the soak tier (test/soak/real-timers.test.ts). Each test starts from a fresh install's state
 * (browserSuite resets the fakes, storage and background between tests).
 */
import { describe, expect, it } from 'vitest';
import type { Episode } from '../../src/shared/protocol/episode';
import { readBadge } from '../support/background-observe';
import {
  backs,
  history,
  is,
  outages,
  PAGE_URL,
  startRecorder,
  status,
  summary,
  untilObserved,
  untilStored,
  waitFor,
} from '../support/browser';
import { BROWSERS, browserSuite } from '../support/browser-suite';
import { eventually, throughout } from '../support/eventually';
import { type BrowserSession, BUILD_TIMINGS, type FakePlatform, type PageHandle } from '../support/harness';

const DAY = 24 * 3600_000;
const IG = ['instagram.com', 'cdninstagram.com'] as const;

function instagram(server: FakePlatform, mode: 'healthy' | 'reset' | 503) {
  for (const key of IG)
    if (mode === 503) server.setMode(key, 'error', { status: 503 });
    else server.setMode(key, mode);
}

/** Instagram open and seen working; then `mode`; resolves once it is down with `cause`. */
async function outage(s: BrowserSession, server: FakePlatform, mode: 'reset' | 503, cause: string) {
  const ig = await s.openPage(PAGE_URL.instagram);
  await waitFor(s, (r) => is(r, 'instagram', 'up'));
  instagram(server, mode);
  const t0 = Date.now();
  const { report } = await waitFor(s, (r) => is(r, 'instagram', 'down', cause));
  return { ig, report, ms: Date.now() - t0 };
}

for (const browser of BROWSERS) {
  describe(`an outage's journey in ${browser}`, () => {
    const t = browserSuite(browser);

    it('Instagram answering 503: down/server within seconds, the others not down, badge × naming Instagram, one outage notice', async () => {
      const rec = await startRecorder(t.s);
      await t.s.openPage(PAGE_URL.whatsapp);
      const { report, ms } = await outage(t.s, t.server, 503, 'server');
      console.log(`[measure] ${browser} instagram 503: down/server after ${ms} ms`);
      expect(report.platforms.instagram.verdict.scope).toBe('platform');
      expect(report.platforms.whatsapp.verdict.status).not.toBe('down');
      expect(report.platforms.facebook.verdict.status).not.toBe('down');
      const o = await untilObserved(rec, (x) => outages(x).length > 0);
      expect(outages(o)).toHaveLength(1);
      const badge = await readBadge(rec.page);
      expect(badge.text).toBe('×');
      expect(badge.title).toContain('Instagram');
      const h = await history(t.s);
      expect(h[0]).toMatchObject({ platforms: ['instagram'], cause: 'server', end: null });
    });

    it('case 1: the background stopped mid-outage wakes with the same verdict; no second notice, history unchanged', async () => {
      const rec = await startRecorder(t.s);
      const { report: before } = await outage(t.s, t.server, 'reset', 'unreachable');
      await untilObserved(rec, (o) => outages(o).length > 0);
      // The stopped background must find the outage and its notice in storage.
      await untilStored(t.s, ({ session }) =>
        ((session['nazar:episodes'] as { sent?: string[] } | undefined)?.sent ?? []).some((id) =>
          id.startsWith('nazar:outage:'),
        ),
      );
      const h1 = await history(t.s);
      await t.s.stopBackground();
      await t.s.wakeBackground();
      const { report: after, ms } = await waitFor(t.s, (r) => is(r, 'instagram', 'down'), 10_000);
      console.log(`[measure] case 1 ${browser}: status after wake in ${ms} ms: ${JSON.stringify(summary(after))}`);
      expect(after.platforms.instagram.verdict.since).toBe(before.platforms.instagram.verdict.since);
      // The page keeps failing meanwhile: a few more failures reach the woken background.
      const failed = after.platforms.instagram.evidence.failed;
      await waitFor(t.s, (r) => r.platforms.instagram.evidence.failed > failed);
      const o = await rec.read();
      expect(o.badge.at(-1)?.text).toBe('×');
      expect(outages(o)).toHaveLength(1);
      expect((await history(t.s)).map((e) => e.id)).toEqual(h1.map((e) => e.id));
    });

    it('case 12: a slow recovery is never up while the API still fails; once back, up within seconds and one "back" after the grace', async () => {
      const rec = await startRecorder(t.s);
      await outage(t.s, t.server, 'reset', 'unreachable');
      // Connections work again, but every request gets 503.
      instagram(t.server, 503);
      const seen = await throughout(
        () => status(t.s),
        (r) => r.platforms.instagram.verdict.status !== 'up',
        { what: 'instagram not up while its API answers 503', forMs: 8_000, intervalMs: 400 },
      );
      const mid = await rec.read();
      console.log(
        `[measure] case 12 ${browser}: while the API fails: ${[...new Set(seen.map((r) => `${r.platforms.instagram.verdict.status}/${r.platforms.instagram.verdict.cause}`))].join(', ')}`,
      );
      expect(backs(mid)).toEqual([]);

      instagram(t.server, 'healthy');
      const t0 = Date.now();
      const { ms } = await waitFor(t.s, (r) => is(r, 'instagram', 'up'), 30_000);
      console.log(`[measure] case 12 ${browser}: up ${ms} ms after the real recovery`);
      expect((await history(t.s))[0]?.end).not.toBeNull(); // history shows the end at once
      const o = await untilObserved(rec, (x) => backs(x).length > 0, BUILD_TIMINGS.backGraceMs + 15_000);
      const backAfter = Date.now() - t0;
      console.log(`[measure] case 12 ${browser}: "back" ${backAfter} ms after the recovery`);
      expect(backAfter).toBeGreaterThanOrEqual(BUILD_TIMINGS.backGraceMs);
      expect(backs(o)).toHaveLength(1);
      expect(outages(o)).toHaveLength(1);
      const [episode] = await history(t.s);
      expect(episode).toMatchObject({ platforms: ['instagram'], worst: 'down' });
      expect(JSON.stringify(episode)).not.toContain('/api/');
    });

    it('case 22: with notifications switched off, an outage sends none', async () => {
      await t.s.sendMessage({ type: 'set-settings', patch: { notifications: false } });
      const rec = await startRecorder(t.s);
      await outage(t.s, t.server, 503, 'server');
      // The outage is stored (its episode opened) without a notice being recorded or shown.
      await untilStored(t.s, ({ session }) => {
        const e = session['nazar:episodes'] as { current?: unknown } | undefined;
        return !!e?.current;
      });
      const o = await rec.read();
      expect(o.sent).toEqual([]);
      expect(o.shown.filter((id) => id.startsWith('nazar:outage:'))).toEqual([]);
    });

    if (browser === 'chromium')
      it('case 22: when the system refuses notifications, verdicts, badge and replies go on', async () => {
        const ig = await t.s.openPage(PAGE_URL.instagram);
        await waitFor(t.s, (r) => is(r, 'instagram', 'up'));
        const worker = await chromiumWorker(t.s, ig);
        // What Chromium does when the OS or the user has turned notifications off for the browser.
        await worker.evaluate(() => {
          const g = globalThis as unknown as { chrome: { notifications: Record<string, unknown> }; __refused: number };
          g.__refused = 0;
          g.chrome.notifications.create = (..._args: unknown[]) => {
            g.__refused++;
            return Promise.reject(new Error('Notifications are not allowed'));
          };
        });
        instagram(t.server, 503);
        const { report: down } = await waitFor(t.s, (r) => is(r, 'instagram', 'down'));
        expect(down.platforms.instagram.verdict.cause).toBe('server');
        // The bookkeeping is saved at the write chain's next slot before the notification goes out.
        const refused = await eventually(
          () => worker.evaluate(() => (globalThis as unknown as { __refused: number }).__refused) as Promise<number>,
          (n) => n >= 1,
          { what: 'the refused notification' },
        );
        const rec = await startRecorder(t.s);
        const o = await rec.read();
        console.log(
          `[measure] chromium case 22: system refused ${refused} notification(s); sent ${JSON.stringify(o.sent)}`,
        );
        expect(refused).toBe(1);
        expect(o.badge.at(-1)?.text).toBe('×');
        expect(o.sent).toEqual([]); // not recorded as sent: it was not
        instagram(t.server, 'healthy');
        await waitFor(t.s, (r) => is(r, 'instagram', 'up'), 30_000);
      });

    it('case 2: a browser restart during an outage shows nothing stale; history kept and closed; expired history dropped', async () => {
      const { ig } = await outage(t.s, t.server, 'reset', 'unreachable');
      const kept = await history(t.s);
      expect(kept[0]?.end).toBeNull();
      // The open episode must be in storage before the browser closes (writes are throttled).
      await untilStored(t.s, ({ local }) =>
        ((local['nazar:history'] as { id: string }[] | undefined) ?? []).some((e) => e.id === kept[0]?.id),
      );
      // The tab is closed and the platform recovers while the browser is shut: nobody sees it come back.
      await ig.close();
      instagram(t.server, 'healthy');
      const expired: Episode = {
        id: 'expired-1',
        platforms: ['facebook'],
        start: Date.now() - 100 * DAY,
        end: Date.now() - 100 * DAY + 3_600_000,
        cause: 'server',
        scope: 'platform',
        worst: 'down',
        peak: { failed: 9, total: 20, byClass: { server: 9 }, hosts: ['www.facebook.com'] },
      };
      await addToStoredHistory(t.s, expired);
      await t.s.restart();
      const r = await status(t.s);
      console.log(`[measure] case 2 ${browser}: after restart ${JSON.stringify(summary(r))}`);
      expect(['down', 'degraded']).not.toContain(r.platforms.instagram.verdict.status);
      const h = await history(t.s);
      expect(h.map((e) => e.id)).toEqual(kept.map((e) => e.id));
      expect(h.every((e) => e.end !== null)).toBe(true);
      const rec = await startRecorder(t.s);
      await eventually(
        () => rec.read(),
        (o) => o.badge.at(-1)?.text === '',
        { what: 'an empty badge' },
      );
      // The stored list itself no longer holds the expired episode (dropped, not just hidden).
      await untilStored(t.s, ({ local }) => {
        const list = (local['nazar:history'] as { id: string }[] | undefined) ?? [];
        return list.length > 0 && !list.some((e) => e.id === 'expired-1');
      });
    });
  });
}

/** Appends an episode to the stored history, as an older version of the extension would have left it. */
async function addToStoredHistory(s: BrowserSession, e: Episode) {
  const ext = await s.openExtensionPage('src/popup/index.html');
  await ext.evaluate(async (episode) => {
    type Api = {
      storage: { local: { get(k: string): Promise<Record<string, Episode[]>>; set(x: object): Promise<void> } };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const list = (await api.storage.local.get('nazar:history'))['nazar:history'] ?? [];
    await api.storage.local.set({ 'nazar:history': [...list, episode] });
  }, e);
  await ext.close();
}

// biome-ignore lint/suspicious/noExplicitAny: Playwright's Worker behind the session.
async function chromiumWorker(s: BrowserSession, page: PageHandle): Promise<any> {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright's BrowserContext.
  const ctx = (page.raw as any).context();
  return ctx.serviceWorkers().find((w: { url(): string }) => w.url().startsWith(s.extensionOrigin));
}
