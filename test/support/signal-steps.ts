/**
 * Browser runs of cases 4, 5, 6, 11 and 13: a storm of failing requests, the user offline, everything
 * failing including the neutral check, flapping, and certificate errors everywhere.
 */
import { expect } from 'vitest';
import type { EngineState } from '../../src/core/state';
import { CLASS_INDEX, sumWindow, WINDOW_MS } from '../../src/core/window';
import { STORED } from '../../src/shared/protocol/storage';
import { firefoxOffline } from './background-state';
import {
  ALL,
  burst,
  flood,
  is,
  type Observed,
  outages,
  PAGE_URL,
  sleep,
  startRecorder,
  summary,
  untilStored,
  waitFor,
} from './browser';
import type { BrowserSession, FakePlatform, PageHandle } from './harness';
import { maxInWindow } from './stats';
import { dumpStorage } from './storage-audit';
import { profileWorker } from './worker-profile';

/** Bytes of everything the extension stores (both areas), read from one of its pages. */
async function storedBytes(page: PageHandle): Promise<{ session: number; local: number }> {
  const { session, local } = await dumpStorage(page);
  return { session: JSON.stringify(session).length, local: JSON.stringify(local).length };
}

type Write = Observed['writes'][number];

/**
 * When the worker made each write. Storage tells other pages of a write late under load (up to
 * 714 ms in a storm, against the write's own time), so two writes 2.3 s apart can be reported
 * 1.9 s apart. The stored report is built as its write is made, so its generatedAt is the write's
 * time; a storage.local write is made together with the session write of its batch, the one
 * reported nearest to it. Writes that carry neither keep the time they were reported.
 */
function madeAt(writes: readonly Write[]): { area: string; at: number; delay: number }[] {
  const stamped = writes.filter((w) => w.made !== undefined);
  return writes.map((w) => {
    let made = w.made;
    if (made === undefined && w.area !== 'session') {
      const near = stamped.reduce<Write | null>(
        (b, x) => (!b || Math.abs(x.at - w.at) < Math.abs(b.at - w.at) ? x : b),
        null,
      );
      if (near && Math.abs(near.at - w.at) <= 1_000) made = near.made;
    }
    return { area: w.area, at: made ?? w.at, delay: made === undefined ? 0 : w.at - made };
  });
}

/**
 * Case 4: a storm of 10,000 failing requests from one page, as fast as the browser makes them. On
 * this 2-core machine that is slower than the 10 s: Chromium with no extension at all needs
 * 12.7 s for 10,000 failing fetches; Firefox makes about 230 a second. The 10 s pace itself runs on
 * the real worker and engine with a virtual clock (test/unit/background/request-storm.test.ts).
 */
export async function storm(s: BrowserSession, server: FakePlatform, ig: PageHandle) {
  // The independent resolver cannot resolve Instagram either: the platform's outage, not the user's resolver.
  server.setDns('www.instagram.com', { status: 2 });
  const rec = await startRecorder(s);
  const bytes0 = await storedBytes(rec.page);
  // The recorder's tab opened last; a background tab's timers run once a second (Firefox).
  await (ig.raw as { bringToFront(): Promise<void> }).bringToFront();
  const stopProfile = s.browser === 'chromium' ? await profileWorker(ig, s.extensionOrigin) : null;
  const t0 = Date.now();
  // Requests that fail at once. Chromium: Meta CDN names that do not resolve, 50 of them so that
  // requests do not queue per host. Firefox (whose failed lookups through the test resolver are
  // slow): Instagram's API answering 503 (a URL on another port would not count: such requests
  // are no platform's own).
  const chromium = s.browser === 'chromium';
  // Instagram itself is down (its site answers 503 too), so Nazar's own check of it fails as well:
  // an outage worth its one notification, not a CDN hiccup beside a working site.
  server.setMode('instagram.com', 'error', { status: 503 });
  const target = chromium ? 'https://s{h}.cdninstagram.com/v/storm/' : 'https://i.instagram.com/v/storm/';
  // Chromium: 1,000 a second over 50 names (all at once, some would fail for want of resources
  // instead of the name). Firefox: two of Instagram's names (it opens 6 connections per name), 100
  // in flight on each, each started as one ends, with no timer: its timers in a tab under
  // automation may run once a second and pace the storm at 50 a second, which spreads 10,000 over
  // more than the engine's 2-minute window.
  const res = chromium
    ? await burst(ig, target, 10_000, 1_000, 50)
    : await Promise.all([
        flood(ig, target, 5_000, 100),
        flood(ig, 'https://www.instagram.com/v/storm/', 5_000, 100),
      ]).then(([a, b]) => ({ ok: a.ok + b.ok, failed: a.failed + b.failed }));
  const sendMs = Date.now() - t0;
  // Chromium's names do not resolve (the fetch fails); Firefox's requests get a 503 (the fetch resolves).
  const sent = chromium ? res.failed : res.ok;
  const profile = stopProfile ? await stopProfile() : null;
  const cls = chromium ? 'dns' : 'server';
  const { report, ms } = await waitFor(s, (r) => (r.platforms.instagram.evidence.byClass[cls] ?? 0) >= 1, 20_000);
  // Counted over the engine's whole 2-minute window, as stored: the evidence shown to users counts
  // only since the current episode began, and a check of the main site that succeeds mid-storm
  // (Firefox) starts a new one. The last throttled write may still be on its way: poll, and read
  // the recorder only once it has been made.
  const countIn = (d: { session: Record<string, unknown> }) => {
    const e = d.session[STORED.engine.key] as EngineState | undefined;
    return e ? sumWindow(e.platforms.instagram.win, e.global.now, WINDOW_MS).n[CLASS_INDEX[cls]]! : 0;
  };
  const counted = countIn(await untilStored(s, (d) => countIn(d) >= 9_900).catch(() => dumpStorage(rec.page)));
  const o = await rec.read();
  const bytes1 = await storedBytes(rec.page);
  const writes = o.writes.filter((w) => w.at >= t0);
  // One write of the chain may touch storage.session and storage.local: count each area on its own.
  const made = madeAt(writes);
  const byArea = (area: string) => made.filter((w) => w.area === area).map((w) => w.at);
  const batches = byArea('session');
  const worstLocal = maxInWindow(byArea('local'), 2_000);
  const reported = maxInWindow(
    writes.filter((w) => w.area === 'session').map((w) => w.at),
    2_000,
  );
  const lateMs = Math.max(0, ...made.map((w) => w.delay));
  console.log(
    `[measure] case 4 ${s.browser}: ${sent}/10000 ${chromium ? 'failed' : 'answered 503'} in ${sendMs} ms (${Math.round(sent / (sendMs / 1000))}/s); counted ${counted} (2-min window); ` +
      `session writes ${batches.length} over ${Math.round((Date.now() - t0) / 1000)} s (max ${maxInWindow(batches, 2_000)} in any 2 s; local max ${worstLocal}; ` +
      `as reported to a page, up to ${lateMs} ms late: max ${reported}); ` +
      `notifications ${outages(o).length}; stored bytes session ${bytes0.session} → ${bytes1.session}, local ${bytes0.local} → ${bytes1.local}; ` +
      `first count after ${ms} ms; verdict ${JSON.stringify(summary(report))}`,
  );
  if (profile) {
    // The worker's own code per request, from CPU samples (a mean: sampling cannot give a p99;
    // the listener's p99 is measured on the real background code in test/unit/background/background.test.ts).
    console.log(
      `[measure] case 4 chromium worker: Nazar's code ${profile.ownMs.toFixed(0)} ms = ${((profile.ownMs / 10_000) * 1000).toFixed(0)} µs per request; ` +
        `Chromium's dispatch and the rest ${profile.otherMs.toFixed(0)} ms; top: ${profile.top.join(', ')}`,
    );
    expect(profile.ownMs / 10_000).toBeLessThan(0.25);
  }
  if (process.env.NAZAR_DEBUG)
    console.log(
      JSON.stringify(
        writes.map((w) => [w.at - t0, w.made === undefined ? null : w.made - t0, w.area, w.keys.join('+')]),
      ),
    );
  expect(sent).toBe(10_000);
  expect(counted).toBeGreaterThanOrEqual(9_900);
  expect(maxInWindow(batches, 2_000)).toBeLessThanOrEqual(1);
  expect(worstLocal).toBeLessThanOrEqual(1);
  expect(outages(o)).toHaveLength(1);
  // Bounded state: 10,000 requests leave counts, a few hostnames and times, not a record per request.
  expect(bytes1.session + bytes1.local).toBeLessThan(bytes0.session + bytes0.local + 64 * 1024);
  server.setDns('www.instagram.com', { status: 0, addresses: ['157.240.1.35'] });
  await rec.page.close();
}

/** Waits until a round of the background's own checks made after `since` has answered and all three are offline/you. */
async function userSideAfterChecks(s: BrowserSession, since: number) {
  const { report } = await waitFor(
    s,
    (x) =>
      ALL.every((p) => x.platforms[p].verdict.cause === 'offline' && x.platforms[p].verdict.scope === 'you') &&
      x.lastCheckAt !== null &&
      x.lastCheckAt > since,
    30_000,
  );
  return report;
}

/**
 * Case 5: the user offline: "your internet", no platform blamed. Offline means nothing answers: the
 * fakes cut every connection too, as Firefox's offline switch alone leaves kept-alive connections
 * working (their answers rightly count as "online" since issue 13).
 */
export async function userOffline(s: BrowserSession, pages: PageHandle[], server: FakePlatform) {
  const rec = await startRecorder(s);
  server.setDefaultMode('reset');
  const cdps: { send(m: string, p?: object): Promise<unknown> }[] = [];
  if (s.browser === 'chromium') {
    for (const p of pages) {
      // biome-ignore lint/suspicious/noExplicitAny: Playwright page.
      const raw = p.raw as any;
      const cdp = await raw.context().newCDPSession(raw);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: true,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      cdps.push(cdp);
    }
  } else await firefoxOffline(pages[0]!, true);
  const t0 = Date.now();
  const { report, ms } = await waitFor(
    s,
    (r) => ALL.every((p) => is(r, p, 'down', 'offline') || is(r, p, 'degraded', 'offline')),
    30_000,
  );
  // Still the user's side once the background's own checks have answered too (they fail offline).
  const r = await userSideAfterChecks(s, t0);
  const o = await rec.read();
  console.log(
    `[measure] case 5 ${s.browser}: offline/you after ${ms} ms; after the checks ${JSON.stringify(summary(r))}; badge ${o.badge.map((b) => b.text || '∅').join('→')}`,
  );
  for (const p of ALL) expect(r.platforms[p].verdict).toMatchObject({ cause: 'offline', scope: 'you' });
  expect(outages(o)).toEqual([]);
  expect(o.badge.at(-1)?.text).toBe('off');
  expect(report.platforms.whatsapp.verdict.scope).toBe('you');
  if (s.browser === 'chromium')
    for (const c of cdps)
      await c.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
  else await firefoxOffline(pages[0]!, false);
  server.setDefaultMode('healthy');
  await rec.page.close();
}

/** Case 6: every Meta name and the neutral check fail: blamed on the user's side. */
export async function allFailing(s: BrowserSession) {
  const rec = await startRecorder(s);
  const t0 = Date.now();
  const pages: PageHandle[] = [];
  for (const p of ALL) {
    const page = await s.openPage();
    await page.goto(PAGE_URL[p]);
    pages.push(page);
  }
  const { ms } = await waitFor(
    s,
    (r) => ALL.every((p) => ['down', 'degraded'].includes(r.platforms[p].verdict.status)),
    30_000,
  );
  // Settled once the background's own checks have answered (they fail too): the user's side.
  const r = await userSideAfterChecks(s, t0);
  const o = await rec.read();
  console.log(
    `[measure] case 6 ${s.browser}: failing after ${ms} ms; settled ${JSON.stringify(summary(r))}; badge ${o.badge.map((b) => b.text || '∅').join('→')}; outage notices ${outages(o).length}`,
  );
  for (const p of ALL) expect(r.platforms[p].verdict).toMatchObject({ cause: 'offline', scope: 'you' });
  expect(outages(o)).toEqual([]);
  await rec.page.close();
  for (const p of pages) await p.close();
}

/** Case 11: Instagram's connections reset and work again every `flipMs`, `flips` times. */
export async function flapping(s: BrowserSession, server: FakePlatform, flipMs = 20_000, flips = 30) {
  const ig = await s.openPage(PAGE_URL.instagram);
  await waitFor(s, (r) => is(r, 'instagram', 'up'));
  const rec = await startRecorder(s);
  for (let i = 0; i < flips; i++) {
    const mode = i % 2 === 0 ? 'reset' : 'healthy';
    server.setMode('instagram.com', mode);
    server.setMode('cdninstagram.com', mode);
    await sleep(flipMs);
  }
  server.setMode('instagram.com', 'healthy');
  server.setMode('cdninstagram.com', 'healthy');
  const o = await rec.read();
  const changes = o.badge.map((b) => b.text);
  console.log(
    `[measure] case 11 ${s.browser}: ${flips} flips every ${flipMs / 1000} s → badge ${changes.map((t) => t || '∅').join('→')}; notifications ${o.sent.join(', ') || 'none'}`,
  );
  expect(o.sent.length).toBeLessThanOrEqual(1);
  expect(changes.length - 1).toBeLessThanOrEqual(4);
  await rec.page.close();
  await ig.close();
}
