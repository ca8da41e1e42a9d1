/**
 * Reliability cases 4, 5, 6 and 11 in both browsers (issue 7): a storm of 10,000 failing requests,
 * the user offline, everything failing including the neutral check, flapping. Steps:
 * test/support/e2e-signals.ts.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ALL, PAGE_URL, waitFor } from '../support/browser';
import { allFailing, flapping, storm, userOffline } from '../support/e2e-signals';
import {
  ALL_FAKE_HOSTS,
  type BrowserName,
  type BrowserSession,
  type FakePlatform,
  launchBrowser,
  type PageHandle,
  startFakePlatform,
} from '../support/harness';

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${browser}: a storm of failing requests`, () => {
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
    // Case 4 at the pace the browser manages on this machine (see storm()); the 10 s pace
    // runs on the real worker and engine with a virtual clock (test/unit/reliability/load.test.ts).
    it('case 4: 10,000 failing requests', async () => {
      const ig = await s.openPage(PAGE_URL.instagram);
      await waitFor(s, (r) => r.platforms.instagram.evidence.lastSuccessAt !== null);
      await storm(s, server, ig);
      await ig.close();
    }, 180_000);
  });

  describe(`${browser}: load, offline, flapping`, () => {
    let server: FakePlatform;
    let s: BrowserSession;
    beforeAll(async () => {
      server = await startFakePlatform();
      s = await launchBrowser({ browser, server, hosts: { 'scontent.cdninstagram.com': 'NOTFOUND' } });
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
    });

    // Case 11 as the issue has it: a flip every 20 s for 10 minutes.
    it('case 11: flapping every 20 s for 10 minutes', () => flapping(s, server), 700_000);

    it('case 5: the user offline', async () => {
      const pages: PageHandle[] = [];
      for (const p of ALL) pages.push(await s.openPage(PAGE_URL[p]));
      await waitFor(s, (r) => ALL.every((p) => r.platforms[p].evidence.lastSuccessAt !== null));
      await userOffline(s, pages, server);
      for (const p of pages) await p.close();
    });
  });

  describe(`${browser}: all three failing plus a failing neutral check`, () => {
    let s: BrowserSession;
    let server: FakePlatform;
    beforeAll(async () => {
      server = await startFakePlatform();
      // Nothing resolves: the watched sites, the neutral endpoint and the DoH resolver.
      const hosts = Object.fromEntries(ALL_FAKE_HOSTS.map((h) => [h, 'NOTFOUND' as const]));
      s = await launchBrowser({ browser, hosts });
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
    });
    it('case 6: blamed on the user side', () => allFailing(s));
  });
}
