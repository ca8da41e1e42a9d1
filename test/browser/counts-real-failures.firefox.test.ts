/**
 * The production build in Debian firefox-esr. Firefox maps names only to 127.0.0.1 without a port,
 * so failures come from: names left unmapped (NS_ERROR_UNKNOWN_HOST), the fake platform switched to
 * 503 / reset / empty, and a URL on a closed port (NS_ERROR_CONNECTION_REFUSED). One browser per file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { browserSuite } from '../support/browser-suite';
import { throughout } from '../support/eventually';
import { expectCounted, failures, status } from '../support/failure-counting';
import type { BrowserSession, FakePlatform } from '../support/harness';

describe('skeleton in Firefox', () => {
  let server: FakePlatform;
  let s: BrowserSession;

  const suite = browserSuite('firefox', { hosts: { 'www.facebook.com': 'NOTFOUND' } });
  beforeAll(() => {
    ({ s, server } = suite);
  });

  it('installs the add-on and its background answers get-status', async () => {
    expect(s.extensionOrigin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}$/);
    const r = await status(s);
    expect(Object.keys(r.platforms).sort()).toEqual(['facebook', 'instagram', 'whatsapp']);
  });

  it('counts an unmapped name as a DNS failure', async () => {
    const page = await s.openPage();
    const nav = await page.goto('https://www.facebook.com/');
    expect(nav.status ?? 0).not.toBe(200);
    await expectCounted(s, 'facebook', 'dns');
    await page.close();
  });

  it('counts HTTP 503 from a watched host, switched while the page runs', async () => {
    const page = await s.openPage('https://www.instagram.com/');
    await s.waitForReply<StatusReport>({ type: 'get-status' }, (r) => (r.platforms.instagram.evidence.total ?? 0) >= 2);
    const before = failures(await status(s), 'instagram', 'server');
    server.setMode('instagram.com', 'error', { status: 503 });
    await expectCounted(s, 'instagram', 'server', before);
    await page.screenshot('skeleton-instagram-503');
    await page.close();
  });

  it('counts resets as unreachable; a refused connection on another port is no platform’s traffic', async () => {
    server.setMode('instagram.com', 'healthy');
    const page = await s.openPage('https://www.instagram.com/');
    const before = failures(await status(s), 'instagram', 'unreachable');
    server.setMode('instagram.com', 'reset');
    await expectCounted(s, 'instagram', 'unreachable', before, 40_000); // Firefox retries a reset first
    await page.close();

    // Firefox can refuse only on a port of its own here (names map to 127.0.0.1, ports 80/443 to the
    // fake); a watched name on a non-default port is ignored (a page could open one to forge an outage).
    const refused = await s.openPage();
    const r = await refused.goto(`https://web.whatsapp.com:${server.refusedPort}/`);
    expect(r.error).toMatch(/NS_ERROR_CONNECTION_REFUSED/);
    await throughout(
      () => status(s),
      (x) => failures(x, 'whatsapp', 'unreachable') === 0,
      {
        what: 'no WhatsApp failure counted for another port',
        forMs: 2_000,
      },
    );
    await refused.close();
  });

  it('keeps counting after the event page is unloaded and woken again', async () => {
    await s.stopBackground();
    await s.wakeBackground();
    const before = failures(await status(s), 'facebook', 'dns');
    const page = await s.openPage();
    await page.goto('https://www.facebook.com/?after-unload');
    await expectCounted(s, 'facebook', 'dns', before);
    await page.close();
  });
});
