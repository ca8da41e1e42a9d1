/**
 * Browser runs of cases 1, 12, 2 and 3, in that order on one profile: an Instagram outage with a
 * worker stop in the middle and a slow recovery; then a browser restart with an outage still
 * "ongoing" and an expired episode in storage; then a cold wake of a stopped background.
 */
import { expect } from 'vitest';
import type { Episode } from '../../src/shared/history';
import { watchBackground } from './background-state';
import {
  backs,
  history,
  is,
  outages,
  PAGE_URL,
  sleep,
  startRecorder,
  status,
  summary,
  untilObserved,
  waitFor,
} from './browser';
import { eventually } from './eventually';
import type { BrowserSession, FakePlatform, PageHandle } from './harness';

const DAY = 24 * 3600_000;

export interface RestartRun {
  s: BrowserSession;
  server: FakePlatform;
  ig?: PageHandle;
}

/** Case 1 (+ the start of case 12): outage, worker stopped and woken, nothing lost or repeated. */
export async function workerStoppedMidOutage(run: RestartRun) {
  const { s, server } = run;
  run.ig = await s.openPage(PAGE_URL.instagram);
  await waitFor(s, (r) => is(r, 'instagram', 'up'));
  const rec = await startRecorder(s);
  // Connections to Instagram are reset: unreachable.
  server.setMode('instagram.com', 'reset');
  server.setMode('cdninstagram.com', 'reset');
  const t0 = Date.now();
  const { report: before } = await waitFor(s, (r) => is(r, 'instagram', 'down', 'unreachable'));
  console.log(`[measure] case 1 ${s.browser}: instagram down/unreachable ${Date.now() - t0} ms after the switch`);
  // The outage notice and its "sent" mark follow the write chain's slots (2 s each).
  const noticed = await untilObserved(rec, (o) => outages(o).length > 0);
  expect(outages(noticed)).toHaveLength(1);
  await sleep(2_500); // the mark's own write slot
  const h1 = await history(s);

  await s.stopBackground();
  await s.wakeBackground();
  const { report: after, ms } = await waitFor(s, (r) => is(r, 'instagram', 'down'), 10_000);
  console.log(`[measure] case 1 ${s.browser}: status after wake in ${ms} ms: ${JSON.stringify(summary(after))}`);
  expect(after.platforms.instagram.verdict.since).toBe(before.platforms.instagram.verdict.since);
  await sleep(3_000); // the page keeps failing meanwhile
  const o = await rec.read();
  expect(o.badge.at(-1)?.text).toBe('×');
  expect(outages(o)).toHaveLength(1);
  expect((await history(s)).map((e) => e.id)).toEqual(h1.map((e) => e.id));
  await rec.page.close();
}

/** Case 12: connections work again but every request gets 503; then it truly comes back. */
export async function slowRecovery(run: RestartRun) {
  const { s, server } = run;
  const rec = await startRecorder(s);
  server.setMode('instagram.com', 'error', { status: 503 });
  server.setMode('cdninstagram.com', 'error', { status: 503 });
  const seen = new Set<string>();
  const t0 = Date.now();
  while (Date.now() - t0 < 15_000) {
    const r = await status(s);
    seen.add(`${r.platforms.instagram.verdict.status}/${r.platforms.instagram.verdict.cause}`);
    await sleep(400);
  }
  const mid = await rec.read();
  console.log(
    `[measure] case 12 ${s.browser}: while the API fails: ${[...seen].join(', ')}; back notices ${backs(mid).length}`,
  );
  expect([...seen].filter((x) => x.startsWith('up/'))).toEqual([]);
  expect(backs(mid)).toEqual([]);

  server.setMode('instagram.com', 'healthy');
  server.setMode('cdninstagram.com', 'healthy');
  const back = Date.now();
  const { ms } = await waitFor(s, (r) => is(r, 'instagram', 'up'), 60_000);
  // The recovery notice waits until it has stayed fine for the episode's grace period (2 min).
  const end = Date.now() + 150_000;
  let o = await rec.read();
  while (backs(o).length === 0 && Date.now() < end) {
    await sleep(500);
    o = await rec.read();
  }
  await sleep(3_000);
  o = await rec.read();
  console.log(`[measure] case 12 ${s.browser}: up ${ms} ms after the real recovery; back notices ${backs(o).length}`);
  expect(backs(o)).toHaveLength(1);
  expect(outages(o)).toEqual([]);
  expect(Date.now()).toBeGreaterThan(back);
  await rec.page.close();
}

/** Case 2: browser restarted: no stale outage current, history kept, expired history dropped. */
export async function browserRestarted(run: RestartRun) {
  const { s, server } = run;
  run.ig ??= await s.openPage(PAGE_URL.instagram);
  // An outage is going on when the browser is closed.
  server.setMode('instagram.com', 'reset');
  server.setMode('cdninstagram.com', 'reset');
  // Soon after the previous recovery this is a relapse: `degraded` (held, not flapping) is the verdict.
  await waitFor(s, (r) => is(r, 'instagram', 'down') || is(r, 'instagram', 'degraded'));
  await sleep(3_000);
  const kept = await history(s);
  expect(kept[0]?.end).toBeNull();
  // The tab is closed and the platform recovers while the browser is shut: nobody sees it come back.
  await run.ig?.close();
  run.ig = undefined;
  server.setMode('instagram.com', 'healthy');
  server.setMode('cdninstagram.com', 'healthy');
  // An episode from 100 days ago sits in storage (the worker only reads storage at start-up).
  const ext = await s.openExtensionPage('src/popup/index.html');
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
  await ext.evaluate(async (e) => {
    type Api = {
      storage: { local: { get(k: string): Promise<Record<string, Episode[]>>; set(x: object): Promise<void> } };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const list = (await api.storage.local.get('nazar:history'))['nazar:history'] ?? [];
    await api.storage.local.set({ 'nazar:history': [...list, e] });
  }, expired);
  await s.restart();
  const r = await status(s);
  console.log(`[measure] case 2 ${s.browser}: after restart ${JSON.stringify(summary(r))}`);
  expect(['down', 'degraded']).not.toContain(r.platforms.instagram.verdict.status);
  const h = await history(s);
  expect(h.map((e) => e.id)).toEqual(kept.map((e) => e.id));
  expect(h.every((e) => e.end !== null)).toBe(true);
  const rec = await startRecorder(s);
  await sleep(500);
  expect((await rec.read()).badge.at(-1)?.text).toBe('');
  // The stored list itself no longer holds the expired episode (dropped, not just hidden).
  await sleep(2_500);
  const stored = await rec.page.evaluate(async () => {
    type Api = { storage: { local: { get(k: string): Promise<Record<string, { id: string }[]>> } } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return ((await (g.browser ?? g.chrome).storage.local.get('nazar:history'))['nazar:history'] ?? []).map((e) => e.id);
  });
  expect(stored).not.toContain('expired-1');
  await rec.page.close();
}

/**
 * Case 3: the background left alone for over `idleMs` stops by itself (Chromium's worker after ~30 s,
 * Firefox's event page after `extensions.background.idle.timeout`); then a failing load wakes it and
 * its first error counts.
 */
export async function coldWake(run: RestartRun, idleMs: number) {
  const { s, server } = run;
  const probe = await s.openPage();
  const watch = await watchBackground(s, probe);
  const t0 = Date.now();
  await eventually(() => watch.everStopped(), Boolean, {
    what: `${s.browser}: the background to stop by itself`,
    timeoutMs: idleMs + 30_000,
    intervalMs: 1_000,
  });
  const stoppedAfter = Date.now() - t0;
  // The case is about a wake after more than a minute of idleness, not just after the stop.
  if (Date.now() - t0 < idleMs) await sleep(idleMs - (Date.now() - t0));
  console.log(
    `[measure] case 3 ${s.browser}: stopped by itself after ${Math.round(stoppedAfter / 1000)} s; idle ${Math.round((Date.now() - t0) / 1000)} s`,
  );
  server.setMode('facebook.com', 'reset');
  const woke = Date.now();
  await probe.goto(PAGE_URL.facebook);
  const { report, ms } = await waitFor(s, (r) => (r.platforms.facebook.evidence.failed ?? 0) >= 1, 15_000);
  console.log(`[measure] case 3 ${s.browser}: first error counted ${ms} ms after the load`);
  expect(report.platforms.facebook.evidence.byClass.unreachable).toBeGreaterThanOrEqual(1);
  expect(report.platforms.facebook.evidence.lastFailureAt).toBeGreaterThanOrEqual(woke - 1_000);
  expect(report.platforms.facebook.evidence.hosts).toContain('www.facebook.com');
  server.setMode('facebook.com', 'healthy');
}
