/**
 * Reliability case 13 in both browsers (issue 7): certificate errors everywhere, as behind a captive
 * portal or an intercepting middlebox; the neutral (plain HTTP) check gets the portal's login page.
 * Expected: no platform outage, and the explanation says the network is interfering.
 * (The VPN-switch half — ERR_NETWORK_CHANGED — cannot be produced on demand in a browser; it is
 * covered on the real engine and worker in test/unit/background/noise-ignored.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { explainReport } from '../../src/ui/explain';
import { ALL, PAGE_URL, summary } from '../support/browser';
import { eventually, throughout } from '../support/eventually';
import { type FakePlatform, startFakePlatform } from '../support/harness';
import { launchStrict, type StrictSession } from '../support/strict-tls';

for (const browser of ['chromium', 'firefox'] as const) {
  describe(`${browser}: captive portal / interception`, () => {
    let server: FakePlatform;
    let s: StrictSession;
    beforeAll(async () => {
      server = await startFakePlatform();
      // The portal answers the connectivity check with its own page (200 and a body, not 204).
      server.setMode('connectivitycheck.gstatic.com', 'error', { status: 200 });
      s = await launchStrict(browser, server);
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
    });

    it('case 13: certificate errors everywhere → the network intercepts, no platform outage', async () => {
      const t0 = Date.now();
      for (const p of ALL) await s.openPage(PAGE_URL[p]);
      const all = (r: StatusReport) => ALL.every((p) => r.platforms[p].verdict.cause === 'tls');
      await eventually(() => s.sendMessage<StatusReport>({ type: 'get-status' }), all, {
        what: 'cause tls for all three',
        timeoutMs: 30_000,
        show: (r) => JSON.stringify(summary(r)),
      });
      for (const p of ALL) await s.openPage(PAGE_URL[p]); // the user tries again
      // Trying again changes nothing: still the network, never a platform outage.
      const seen = await throughout(() => s.sendMessage<StatusReport>({ type: 'get-status' }), all, {
        what: 'cause tls for all three after the user tried again',
        forMs: 3_000,
        intervalMs: 500,
      });
      const r = seen.at(-1) as StatusReport;
      const sent = await s.evalExtension(async () => {
        type Api = {
          storage: { session: { get(k: string): Promise<Record<string, { sent?: string[] } | undefined>> } };
        };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return ((await (g.browser ?? g.chrome).storage.session.get('nazar:episodes'))['nazar:episodes']?.sent ??
          []) as string[];
      });
      const screen = explainReport(r, Date.now());
      console.log(
        `[measure] case 13 ${browser}: ${JSON.stringify(summary(r))} after ${Date.now() - t0} ms; headline ${screen.headline.key}; notifications ${sent.join(',') || 'none'}`,
      );
      for (const p of ALL) expect(r.platforms[p].verdict).toMatchObject({ cause: 'tls', scope: 'network' });
      expect(screen.headline.key).toBe('state_network_tls');
      expect(screen.explanations[0]!.meaning[0]!.key).toBe('explain_cause_tls');
      expect(sent.filter((id) => id.startsWith('nazar:outage:'))).toEqual([]);
    });
  });
}
