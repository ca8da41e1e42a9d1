/**
 * The background live in Debian Chromium (MV3 service worker) and firefox-esr (an event page, the
 * same code), with the production build: the 2021 pattern, an Instagram 503 and its recovery, a
 * worker stopped mid-outage, a browser restart. Delays measured here are printed for the closing note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, is, openFailing, readBadge, summary, waitBadge, waitStatus } from '../support/background-observe';
import {
  type BrowserName,
  type BrowserSession,
  type FakePlatform,
  launchBrowser,
  PLATFORM_HOSTS,
  startFakePlatform,
} from '../support/harness';

const ALL_META_NOTFOUND = Object.fromEntries(
  Object.values(PLATFORM_HOSTS)
    .flat()
    .map((h) => [h, 'NOTFOUND' as const]),
);

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`background in ${browser}: the 2021 pattern`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    beforeAll(async () => {
      server = await startFakePlatform();
      // Every Meta name fails to resolve, the independent resolver says SERVFAIL, the internet works.
      for (const n of ['web.whatsapp.com', 'www.facebook.com', 'www.instagram.com']) server.setDns(n, { status: 2 });
      s = await launchBrowser({ browser, server, hosts: ALL_META_NOTFOUND });
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
    });

    it('all three go down with cause dns within seconds; badge and tooltip say so', async () => {
      const t0 = Date.now();
      const pages = await Promise.all(
        ['https://web.whatsapp.com/', 'https://www.facebook.com/', 'https://www.instagram.com/'].map((u) =>
          openFailing(s, u),
        ),
      );
      console.log(`[measure] ${s.browser} 2021 pattern: pages loaded (failed) after ${Date.now() - t0} ms`);
      const { report } = await waitStatus(s, (r) =>
        (['whatsapp', 'facebook', 'instagram'] as const).every((p) => is(r, p, 'down', 'dns')),
      );
      console.log(`[measure] ${browser} 2021 pattern: all three down/dns ${Date.now() - t0} ms after the first load`);
      expect(report.platforms.whatsapp.verdict.scope).toBe('meta');
      const ext = await s.openExtensionPage('src/popup/index.html');
      const badge = await readBadge(ext);
      expect(badge.text).toBe('×');
      for (const name of ['WhatsApp', 'Facebook', 'Instagram']) expect(badge.title).toContain(name);
      expect(badge.title).toContain('DNS');
      await ext.screenshot('background-2021-popup');
      const h = await history(s);
      expect(h[0]?.platforms.sort()).toEqual(['facebook', 'instagram', 'whatsapp']);
      expect(h[0]?.cause).toBe('dns');
      for (const p of pages) await p.close();
    });
  });

  describe(`background in ${browser}: Instagram 503, recovery, worker stop, restart`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    beforeAll(async () => {
      server = await startFakePlatform();
      s = await launchBrowser({ browser, server });
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
    });

    it('Instagram 503 → instagram down/server, the others not down', async () => {
      const wa = await s.openPage('https://web.whatsapp.com/');
      // Instagram open and working first; then its server starts answering 503 to the page and API.
      const ig = await s.openPage('https://www.instagram.com/');
      await waitStatus(s, (r) => is(r, 'whatsapp', 'up') && is(r, 'instagram', 'up'));
      server.setMode('instagram.com', 'error', { status: 503 });
      server.setMode('cdninstagram.com', 'error', { status: 503 });
      const t0 = Date.now();
      const { report } = await waitStatus(s, (r) => is(r, 'instagram', 'down', 'server'));
      console.log(`[measure] ${browser} instagram 503: down/server after ${Date.now() - t0} ms`);
      expect(report.platforms.whatsapp.verdict.status).not.toBe('down');
      expect(report.platforms.facebook.verdict.status).not.toBe('down');
      const ext = await s.openExtensionPage('src/popup/index.html');
      const badge = await waitBadge(ext, (b) => b.sent.length > 0);
      expect(badge.text).toBe('×');
      expect(badge.title).toContain('Instagram');
      expect(badge.sent.filter((n) => n.startsWith('nazar:outage:'))).toHaveLength(1);
      await ext.close();
      await wa.close();
      expect(ig.url()).toContain('instagram.com'); // kept open: the app keeps calling its API
    });

    it('worker stopped mid-outage: verdicts, badge and history intact, no second outage notification', async () => {
      const before = await history(s);
      await s.stopBackground();
      await s.wakeBackground();
      const { report } = await waitStatus(s, (r) => is(r, 'instagram', 'down', 'server'), 10_000);
      expect(summary(report)).toMatchObject({ instagram: 'down/server/platform' });
      const ext = await s.openExtensionPage('src/popup/index.html');
      await new Promise((r) => setTimeout(r, 3_000)); // the page keeps failing meanwhile
      const badge = await readBadge(ext);
      expect(badge.text).toBe('×');
      expect(badge.sent.filter((n) => n.startsWith('nazar:outage:'))).toHaveLength(1);
      expect((await history(s)).map((e) => e.id)).toEqual(before.map((e) => e.id));
      await ext.close();
    });

    it('recovery → instagram up within seconds, one back notification, episode in history', async () => {
      server.setMode('instagram.com', 'healthy');
      server.setMode('cdninstagram.com', 'healthy');
      const t0 = Date.now();
      const { report } = await waitStatus(s, (r) => is(r, 'instagram', 'up'), 60_000);
      console.log(`[measure] ${browser} instagram recovery: up after ${Date.now() - t0} ms`);
      expect(report.platforms.instagram.verdict.status).toBe('up');
      const ext = await s.openExtensionPage('src/popup/index.html');
      expect((await readBadge(ext)).text).toBe('');
      const h0 = await history(s);
      expect(h0[0]?.end).not.toBeNull(); // history shows the end at once
      // "Back" is sent once it has stayed fine for the 2-minute grace period (one per episode, not per flap).
      const badge = await waitBadge(ext, (b) => b.sent.some((n) => n.startsWith('nazar:back:')), 170_000);
      console.log(`[measure] ${s.browser} back notification ${Date.now() - t0} ms after the server recovered`);
      expect(badge.sent.filter((n) => n.startsWith('nazar:back:'))).toHaveLength(1);
      const h = await history(s);
      expect(h[0]).toMatchObject({ platforms: ['instagram'], cause: 'server', worst: 'down' });
      expect(h[0]?.end).not.toBeNull();
      expect(JSON.stringify(h)).not.toContain('/api/');
      await ext.close();
    }, 200_000);

    it('browser restart with working hosts: history kept, no stale outage current', async () => {
      const before = await history(s);
      await s.restart();
      const { report } = await waitStatus(s, (r) => !is(r, 'instagram', 'down'), 10_000);
      expect(report.platforms.instagram.verdict.status).not.toBe('down');
      const after = await history(s);
      expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
      expect(after.every((e) => e.end !== null)).toBe(true);
      const ext = await s.openExtensionPage('src/popup/index.html');
      expect((await readBadge(ext)).text).toBe('');
    });
  });
}
