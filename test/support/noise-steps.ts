/**
 * Browser runs of cases 7–10 (noise, duplicates, unknown strings, one failing CDN host), shared by
 * the Chromium and Firefox test files. Each makes real requests from a watched page and reads the
 * verdicts and evidence through the extension's message protocol.
 */
import { expect } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { ALL, burst, is, outages, startRecorder, status, summary, waitFor } from './browser';
import { throughout } from './eventually';
import type { BrowserSession, FakePlatform, PageHandle } from './harness';

/** Case 7: aborted requests (and, per browser, ad-blocker / tracking-protection blocks) change nothing. */
export async function noiseIsIgnored(s: BrowserSession, server: FakePlatform, pages: PageHandle[]) {
  server.setMode('i.instagram.com', 'slow'); // requests that hang until the page aborts them
  const rec = await startRecorder(s);
  const ig = pages[0]!;
  const failures: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
  const raw = ig.raw as any;
  raw.on('requestfailed', (r: { failure(): { errorText: string } | null }) =>
    failures.push(r.failure()?.errorText ?? '?'),
  );
  const aborted = await ig.evaluate(async () => {
    let n = 0;
    for (let i = 0; i < 30; i++) {
      const c = new AbortController();
      const p = fetch(`https://i.instagram.com/api/v1/slow/${i}`, { signal: c.signal, mode: 'no-cors' }).catch(
        () => void n++,
      );
      await new Promise((r) => setTimeout(r, 60));
      c.abort();
      await p;
    }
    // A navigation of a frame abandoned half-way is the browser cancelling too.
    return n;
  });
  expect(aborted).toBe(30);
  // For 2 s after the aborts (their events arrive meanwhile) no platform counts a failure.
  const quiet = await throughout(
    () => status(s),
    (x) =>
      ALL.every(
        (p) => x.platforms[p].evidence.failed === 0 && ['up', 'unknown'].includes(x.platforms[p].verdict.status),
      ),
    { what: 'no failure counted for the aborted requests', forMs: 2_000, show: (x) => JSON.stringify(summary(x)) },
  );
  const r = quiet.at(-1) as StatusReport;
  const o = await rec.read();
  console.log(
    `[measure] case 7 ${s.browser}: ${aborted} aborted (${[...new Set(failures)].join(', ')}) → ${JSON.stringify(summary(r))}`,
  );
  for (const p of ['whatsapp', 'facebook', 'instagram'] as const) {
    expect(r.platforms[p].verdict.status === 'up' || r.platforms[p].verdict.status === 'unknown').toBe(true);
    expect(r.platforms[p].evidence.failed).toBe(0);
  }
  expect(outages(o)).toEqual([]);
  expect(o.badge.map((b) => b.text).filter((t) => t !== '')).toEqual([]);
  await rec.page.close();
  server.setMode('i.instagram.com', 'healthy');
}

/** Case 8: one request reported by several events (Chrome: headers + completed; Firefox: headers + NS_BINDING_ABORTED) counts once. */
export async function duplicatesCountOnce(s: BrowserSession, server: FakePlatform, fb: PageHandle) {
  server.setMode('static.xx.fbcdn.net', 'error', { status: 503 });
  const n = 12;
  // Chromium: a CORS fetch gives onHeadersReceived + onCompleted (an image's HTML error body would be
  // cut by ORB). Firefox: an image gives onHeadersReceived(503) + onErrorOccurred(NS_BINDING_ABORTED).
  const loaded = await fb.evaluate(
    async ({ n, useFetch }) => {
      if (useFetch) {
        const rs = await Promise.all(
          Array.from({ length: n }, (_, i) =>
            fetch(`https://static.xx.fbcdn.net/rsrc/data/${i}.json?u=${Date.now()}`).then((r) => r.status),
          ),
        );
        return rs.filter((x) => x === 503).length;
      }
      let done = 0;
      await Promise.all(
        Array.from(
          { length: n },
          (_, i) =>
            new Promise<void>((res) => {
              const img = new Image();
              img.onload = img.onerror = () => {
                done++;
                res();
              };
              img.src = `https://static.xx.fbcdn.net/rsrc/img/${i}.png?u=${Date.now()}`;
            }),
        ),
      );
      return done;
    },
    { n, useFetch: s.browser === 'chromium' },
  );
  expect(loaded).toBe(n);
  const { report } = await waitFor(s, (r) => (r.platforms.facebook.evidence.byClass.server ?? 0) >= n, 15_000);
  // Late duplicates would arrive now: the count stays at one per request.
  const counts = await throughout(
    () => status(s),
    (x) => x.platforms.facebook.evidence.byClass.server === n,
    {
      what: `the server count staying at ${n}`,
      forMs: 1_500,
      show: (x) => JSON.stringify(x.platforms.facebook.evidence.byClass),
    },
  );
  const ev = (counts.at(-1) as StatusReport).platforms.facebook.evidence;
  console.log(`[measure] case 8 ${s.browser}: ${n} failing images → server count ${ev.byClass.server}`);
  expect(ev.byClass.server).toBe(n);
  expect(report.platforms.facebook.evidence.hosts).toContain('static.xx.fbcdn.net');
  server.setMode('static.xx.fbcdn.net', 'healthy');
}

/** Case 9 (Chromium): net::ERR_FAILED is in no table: counted as unknown, never alone `down`, visible. */
export async function unknownErrorChromium(s: BrowserSession, wa: PageHandle) {
  // biome-ignore lint/suspicious/noExplicitAny: a Playwright page.
  const raw = wa.raw as any;
  await raw.route('**/unk/**', (route: { abort(code: string): Promise<void> }) => route.abort('failed'));
  const seen: string[] = [];
  raw.on('requestfailed', (r: { failure(): { errorText: string } | null }) => seen.push(r.failure()?.errorText ?? '?'));
  const res = await burst(wa, 'https://static.whatsapp.net/unk/', 40, 20);
  expect(res.failed).toBe(40);
  const { report } = await waitFor(s, (r) => (r.platforms.whatsapp.evidence.byClass.unknown ?? 0) >= 40, 15_000);
  const held = await throughout(
    () => status(s),
    (x) => !is(x, 'whatsapp', 'down'),
    {
      what: 'whatsapp not down on unknown errors alone',
      forMs: 3_000,
      show: (x) => JSON.stringify(summary(x)),
    },
  );
  const r = held.at(-1) as StatusReport;
  console.log(
    `[measure] case 9 chromium: ${[...new Set(seen)].join(',')} ×40 → unknown=${r.platforms.whatsapp.evidence.byClass.unknown}, ${JSON.stringify(summary(r))}`,
  );
  expect(r.platforms.whatsapp.verdict.status).not.toBe('down');
  expect(report.platforms.whatsapp.evidence.byClass.unknown).toBe(40);
  await raw.unroute('**/unk/**');
}

/** Case 10: one CDN host resets every connection while the page and its API work: at most degraded. */
export async function oneCdnHost(s: BrowserSession, server: FakePlatform, ig: PageHandle) {
  server.setMode('scontent.cdninstagram.com', 'reset');
  const rec = await startRecorder(s);
  const notDown = (x: StatusReport) => !is(x, 'instagram', 'down');
  const loads = ig.evaluate(async () => {
    for (let i = 0; i < 28; i++) {
      const img = new Image();
      img.src = `https://scontent.cdninstagram.com/v/t51/${i}.jpg?u=${Date.now()}`;
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  // While the page keeps loading failing images for 7 s: never down.
  const during = await throughout(() => status(s), notDown, {
    what: 'instagram not down while one CDN host fails',
    forMs: 7_000,
    intervalMs: 500,
    show: (x) => JSON.stringify(summary(x)),
  });
  await loads;
  // A gallery: 12 images from the CDN at once, all failing, while the page and its API work.
  await ig.evaluate(() => {
    for (let i = 0; i < 12; i++) {
      const img = new Image();
      img.src = `https://scontent.cdninstagram.com/v/t51/g${i}.jpg?u=${Date.now()}`;
    }
  });
  const after = await throughout(() => status(s), notDown, {
    what: 'instagram not down after a gallery of failing CDN images',
    forMs: 4_000,
    intervalMs: 500,
    show: (x) => JSON.stringify(summary(x)),
  });
  const statuses = new Set([...during, ...after].map((x) => x.platforms.instagram.verdict.status));
  const r = await status(s);
  const o = await rec.read();
  console.log(
    `[measure] case 10 ${s.browser}: CDN host failing 7 s and a gallery → statuses seen ${[...statuses].join(',')}; failed ${r.platforms.instagram.evidence.failed}/${r.platforms.instagram.evidence.total}`,
  );
  expect(r.platforms.instagram.evidence.hosts).toContain('scontent.cdninstagram.com');
  expect(statuses.has('down')).toBe(false);
  expect(outages(o)).toEqual([]);
  expect(is(r, 'instagram', 'down')).toBe(false);
  await rec.page.close();
  server.setMode('scontent.cdninstagram.com', 'healthy');
}
