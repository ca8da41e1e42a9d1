/**
 * Issue 12 on the real worker and engine, virtual clock: another site repeats its forged traffic
 * for 6 s in every 4 minutes for an hour (what gave 15 outage and 15 "back" notifications an hour
 * and filled the history with fake Meta-wide outages), by every route, as each browser reports it,
 * while the real WhatsApp page works. Nothing reaches the user or storage.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgeChanges, play, startSim, useVirtualTime } from '../../support/sim';
import { type Line, OK, traffic } from '../../support/traffic';

const T0 = Date.UTC(2026, 10, 27, 18, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const SCAM = 'https://call-1800-000-2-for-help.whatsapp.net/x';
const NAMES = [SCAM, 'https://g.whatsapp.net/x', 'https://edge-mqtt.facebook.com/x', 'https://graph.instagram.com/x'];

vi.setConfig({ testTimeout: 120_000 });
afterEach(() => {
  vi.useRealTimers();
});

type Browser = 'chromium' | 'firefox';
const DNS: Record<Browser, string> = { chromium: 'net::ERR_NAME_NOT_RESOLVED', firefox: 'NS_ERROR_UNKNOWN_HOST' };
const REFUSED: Record<Browser, string> = {
  chromium: 'net::ERR_CONNECTION_REFUSED',
  firefox: 'NS_ERROR_CONNECTION_REFUSED',
};

/** Where each route's requests come from, in each browser's own fields. */
const FROM: Record<Browser, Record<string, Record<string, unknown>>> = {
  chromium: {
    srcdoc: { initiator: 'null', frameId: 5 },
    data: { initiator: 'null', frameId: 6 },
    fetch: { initiator: 'https://free-recharge.example', frameId: 0 },
  },
  firefox: {
    srcdoc: { originUrl: 'about:srcdoc', documentUrl: 'about:srcdoc', frameId: 5 },
    data: { originUrl: 'data:text/html,%3Cscript%3E', documentUrl: 'data:text/html,%3Cscript%3E', frameId: 6 },
    fetch: { originUrl: 'https://free-recharge.example/', documentUrl: 'https://free-recharge.example/', frameId: 0 },
  },
};

let rid = 900_000;
/** One 6 s burst: every frame fetches every name twice a second; the popup is re-navigated every 2 s. */
function burst(browser: Browser, from: number): Line[] {
  const out: Line[] = [];
  for (let t = from; t < from + 6_000; t += 500) {
    for (const fields of Object.values(FROM[browser]))
      for (const url of NAMES)
        out.push({
          event: 'onErrorOccurred',
          details: {
            url,
            type: 'xmlhttprequest',
            timeStamp: t,
            error: DNS[browser],
            requestId: String(rid++),
            tabId: 9,
            ...fields,
          },
        });
    if ((t - from) % 2_000 === 0) {
      const opener =
        browser === 'chromium'
          ? { initiator: 'https://free-recharge.example' }
          : { originUrl: 'https://free-recharge.example/' };
      out.push({
        event: 'onErrorOccurred',
        details: {
          url: `https://chat.whatsapp.com:8443/?${t}`,
          type: 'main_frame',
          timeStamp: t,
          error: REFUSED[browser],
          requestId: String(rid++),
          tabId: 10,
          frameId: 0,
          ...opener,
        },
      });
      // The same popup, by another name on the default port: opened by that site, it counts for nothing either.
      out.push({
        event: 'onErrorOccurred',
        details: {
          url: SCAM,
          type: 'main_frame',
          timeStamp: t + 1,
          error: DNS[browser],
          requestId: String(rid++),
          tabId: 10,
          frameId: 0,
          ...opener,
        },
      });
    }
  }
  return out;
}

const at = (l: Line) => ((l.details as { timeStamp?: number } | undefined)?.timeStamp ?? l.timeStamp) as number;

describe('an hour of forged traffic, 6 s in every 4 minutes, while WhatsApp works', () => {
  // One hour of virtual time costs ~12 s here: the bursts alternate between the two browsers'
  // shapes of the same routes instead of running the hour twice.
  it('Chromium and Firefox routes: 0 notifications, no history entry, the badge never changes, no attacker host stored', async () => {
    useVirtualTime(T0);
    const sim = await startSim();
    const real = traffic('chromium', ['whatsapp'], T0, T0 + HOUR, () => OK);
    const forged: Line[] = [];
    let n = 0;
    for (let t = T0 + 2 * MIN; t < T0 + HOUR; t += 4 * MIN) forged.push(...burst(n++ % 2 ? 'firefox' : 'chromium', t));
    await play(
      sim,
      [...real, ...forged].sort((a, b) => at(a) - at(b)),
    );
    await sim.advance(3 * MIN);
    await sim.worker.flush();
    const r = await sim.worker.status();
    const history = await sim.worker.getHistory();
    const stored = JSON.stringify({ session: sim.session.data, local: sim.local.data });
    console.log(
      `[measure] forged hour: ${forged.length} forged events in ${n} bursts; notifications ${sim.notifications.length}, history ${history.length}, badge ${badgeChanges(
        sim,
      )
        .map((b) => b || '∅')
        .join('→')}, verdicts ${Object.values(r.platforms).map((p) => p.verdict.status)}`,
    );
    expect(n).toBe(15);
    expect(sim.notifications).toEqual([]);
    expect(history).toEqual([]);
    expect(badgeChanges(sim).filter((b) => b !== '')).toEqual([]);
    expect(r.platforms.whatsapp.verdict.status).toBe('up');
    expect(r.platforms.facebook.verdict.status).toBe('unknown');
    expect(r.platforms.instagram.verdict.status).toBe('unknown');
    for (const p of Object.values(r.platforms)) expect(p.evidence.failed).toBe(0);
    expect(stored).not.toContain('call-1800');
    expect(stored).not.toContain('8443');
    expect(stored).not.toContain('chat.whatsapp.com');
  });
});
