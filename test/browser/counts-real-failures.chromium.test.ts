/**
 * The production build in Debian Chromium: every way a watched host can fail is made real
 * (resolver rules, a local HTTPS server answering 503, resetting, closing, a closed port) and the
 * background must have counted it. One browser for the whole file: 2 cores, keep runs modest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { eventually } from '../support/eventually';
import { expectCounted, failures, status } from '../support/failure-counting';
import type { BrowserSession, FakePlatform } from '../support/harness';

describe('skeleton in Chromium', () => {
  let server: FakePlatform;
  let s: BrowserSession;

  const suite = browserSuite('chromium', {
    hosts: { 'www.facebook.com': 'NOTFOUND', 'web.whatsapp.com': 'REFUSED', 'mmg.whatsapp.net': 'RESET' },
  });
  beforeAll(() => {
    ({ s, server } = suite);
  });

  it('loads the extension and its background answers get-status', async () => {
    expect(s.extensionId).toMatch(/^[a-p]{32}$/);
    const r = await status(s);
    expect(Object.keys(r.platforms).sort()).toEqual(['facebook', 'instagram', 'whatsapp']);
  });

  it('counts a name that does not resolve as a DNS failure', async () => {
    const page = await s.openPage();
    const nav = await page.goto('https://www.facebook.com/');
    // Either Chromium's own error or the extension's error page replaced it; never a real page.
    expect(nav.status ?? 0).not.toBe(200);
    await expectCounted(s, 'facebook', 'dns');
    // The extension sends the tab to its error page a moment later: let that navigation finish.
    await eventually(
      async () => page.url(),
      (u) => u.startsWith(`${s.extensionOrigin}/src/errorpage/`),
      { timeoutMs: 10_000 },
    );
    await page.screenshot('skeleton-facebook-notfound');
    await page.close();
  });

  it('counts HTTP 503 from a watched host, switched while the page runs', async () => {
    const page = await s.openPage('https://www.instagram.com/');
    await s.waitForReply(
      { type: 'get-status' },
      (r: Awaited<ReturnType<typeof status>>) => (r.platforms.instagram.evidence.total ?? 0) >= 2,
    );
    const before = failures(await status(s), 'instagram', 'server');
    server.setMode('instagram.com', 'error', { status: 503 });
    await expectCounted(s, 'instagram', 'server', before);
    await page.screenshot('skeleton-instagram-503');
    await page.close();
  });

  it('counts resets, empty responses and refused connections as unreachable', async () => {
    server.setMode('instagram.com', 'healthy'); // the page's script must load to keep calling its API
    const page = await s.openPage('https://www.instagram.com/');
    let before = failures(await status(s), 'instagram', 'unreachable');
    server.setMode('instagram.com', 'reset');
    await expectCounted(s, 'instagram', 'unreachable', before);

    before = failures(await status(s), 'instagram', 'unreachable');
    server.setMode('instagram.com', 'empty');
    await expectCounted(s, 'instagram', 'unreachable', before);
    await page.close();

    const refused = await s.openPage();
    await refused.goto('https://web.whatsapp.com/');
    await expectCounted(s, 'whatsapp', 'unreachable');
    await refused.close();
    expect(server.requests.some((r) => r.mode === 'reset')).toBe(true);
    expect(server.requests.some((r) => r.mode === 'empty')).toBe(true);
  });

  it('keeps counting after the service worker is stopped and woken again', async () => {
    await s.stopBackground();
    await s.wakeBackground();
    const before = failures(await status(s), 'facebook', 'dns');
    const page = await s.openPage();
    await page.goto('https://www.facebook.com/?after-restart');
    await expectCounted(s, 'facebook', 'dns', before);
    await page.close();
  });

  it('answers again after the browser restarts with the same profile', async () => {
    server.setMode('instagram.com', 'healthy');
    await s.restart();
    const page = await s.openPage('https://www.instagram.com/');
    const r = await s.waitForReply(
      { type: 'get-status' },
      (r: Awaited<ReturnType<typeof status>>) => (r.platforms.instagram.evidence.total ?? 0) >= 1,
    );
    expect(r.platforms.instagram.evidence.total).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
