/**
 * Issue 12: no web page can make Nazar lie. An attacker's page on another host (127.0.0.1, served
 * by this file) forges failing traffic to the watched platforms while the real WhatsApp works, by
 * every route the issue names: sandboxed `srcdoc` and `data:` frames (opaque initiators), plain
 * `fetch`, a popup window onto a failing watched URL on a non-default port, and a scam-like host
 * name under a watched domain. After it, the verdicts are still `up`/`unknown`, no notification was
 * sent, the badge never changed, and no attacker-chosen host name is in storage or in any page.
 *
 * Each route runs ATTACK_MS in a fresh browser. 20 s instead of the 60 s: the longest rule
 * that can take a healthy platform to `down` needs a 10 s failure run (RULES.slowSpanMs), `degraded`
 * needs 3 failures in its 30 s window, the relapse rules only apply after a recovery, and the
 * worker writes storage and sends a notification at most 2 × 2.25 s after a verdict change; every
 * route here sends 8 failing requests a second, so any rule that could fire does so within ~11 s
 * (before the fix: within 2 s, see the measurements in the report). The attack keeps going while
 * the verdicts are polled every 250 ms, so a verdict that moved and came back is caught too.
 *
 * Each route also writes its measurements to artifacts/forged-traffic/<browser>-<route>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerOfHost } from '../../src/core/catalogue';
import type { StatusReport } from '../../src/shared/messages';

import { outages, PAGE_URL, sleep, startRecorder, status, summary, waitFor } from '../support/browser';
import { eventually } from '../support/eventually';
import {
  type BrowserName,
  type BrowserSession,
  type FakePlatform,
  launchBrowser,
  type PageHandle,
  startFakePlatform,
} from '../support/harness';
import { REPO_ROOT } from '../support/harness/session';
import { dumpStorage } from '../support/storage-audit';

const ATTACK_MS = 20_000;
const SCAM_HOST = 'call-1800-000-2-for-help.whatsapp.net';
/** Watched names the fake platform does not serve: they fail to resolve, as on 4 October 2021. */
const FAILING = [
  `https://${SCAM_HOST}/x`,
  'https://g.whatsapp.net/x',
  'https://edge-mqtt.facebook.com/x',
  'https://graph.instagram.com/x',
];
const ROUTES = ['srcdoc', 'data', 'fetch', 'popup', 'scam-host'] as const;
type Route = (typeof ROUTES)[number];

/** The attacker's loop: every URL twice a second, as the report did. */
const loop = (urls: string[]) =>
  `<script>const u=${JSON.stringify(urls)};let i=0;setInterval(()=>{for(const x of u)fetch(x+'?'+(i++),{mode:'no-cors',cache:'no-store'}).catch(()=>{})},500);</script>`;

/**
 * The popup's failing watched URL on a non-default port. Chromium's resolver rules send a mapped
 * name to the fake platform whatever the URL's port, so there the name is mapped to a closed port;
 * Firefox maps names only to 127.0.0.1, so there the port itself is the closed one.
 */
const popupUrl = (browser: BrowserName, refusedPort: number) =>
  browser === 'chromium' ? 'https://chat.whatsapp.com:8443/' : `https://web.whatsapp.com:${refusedPort}/`;

function attackPage(route: Route, popupUrl: string): string {
  const urls = route === 'scam-host' ? [`https://${SCAM_HOST}/x`, `https://${SCAM_HOST}/help`] : FAILING;
  const script = loop(urls);
  const srcdoc = `<iframe sandbox="allow-scripts" srcdoc="${script.replace(/"/g, '&quot;')}"></iframe>`;
  const data = `<iframe src="data:text/html,${encodeURIComponent(script)}"></iframe>`;
  const body =
    route === 'srcdoc'
      ? srcdoc
      : route === 'data'
        ? data
        : route === 'fetch'
          ? script
          : route === 'popup'
            ? `<button id="go">open</button><script>let w;document.getElementById('go').onclick=()=>{w=window.open(${JSON.stringify(popupUrl)},'attack');let n=0;setInterval(()=>{try{w.location.href=${JSON.stringify(popupUrl)}+'?'+(n++)}catch{}},2000)};</script>`
            : srcdoc + data + script;
  return `<!doctype html><meta charset="utf-8"><title>free recharge</title><h1>free recharge</h1>${body}`;
}

async function attackServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackPage(q.get('route') as Route, q.get('popup') ?? ''));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Every Meta host name anywhere in what the extension stored. */
function storedHosts(dump: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (/^[a-z0-9.-]+$/.test(v) && v.includes('.') && ownerOfHost(v) !== null) out.add(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(dump);
  return [...out].sort();
}

/** Address and text of every open page of the extension (the error page in a popup included). */
async function extensionPagesText(page: PageHandle, origin: string): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: a Playwright or Puppeteer page.
  const raw = page.raw as any;
  const pages: { url(): string; evaluate(fn: () => string): Promise<string> }[] =
    typeof raw.context === 'function' ? raw.context().pages() : await raw.browser().pages();
  const texts: string[] = [];
  for (const p of pages) {
    if (!p.url().startsWith(origin)) continue;
    // All of each page's text, hidden parts included: stricter than what is on screen.
    const text = await p.evaluate(() => document.documentElement?.textContent ?? '').catch(() => '');
    texts.push(`${decodeURIComponent(p.url())}\n${text}`);
  }
  return texts.join('\n---\n');
}

interface Measured {
  browser: BrowserName;
  route: Route;
  seen: string[];
  final: Record<string, string> | undefined;
  notifications: string[];
  badge: string[];
  storedHosts: string[];
  attackerHostInPages: boolean;
  hitsWhatsappPage: number;
}

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${browser}: forged traffic from another site counts for nothing`, () => {
    let server: FakePlatform;
    let attacker: { server: Server; port: number };
    beforeAll(async () => {
      server = await startFakePlatform();
      attacker = await attackServer();
    });
    afterAll(async () => {
      await new Promise((r) => attacker?.server.close(r));
      await server?.close();
    });

    for (const route of ROUTES) {
      it(`route ${route}: verdicts stay up/unknown, no notification, no badge, no attacker host kept or shown`, async () => {
        const popup = popupUrl(browser, server.refusedPort);
        const s: BrowserSession = await launchBrowser({
          browser,
          server,
          ...(browser === 'chromium' ? { hosts: { 'chat.whatsapp.com': 'REFUSED' as const } } : {}),
        });
        try {
          await s.openPage(PAGE_URL.whatsapp);
          await waitFor(s, (r) => r.platforms.whatsapp.verdict.status === 'up');
          const rec = await startRecorder(s);
          const evil = await s.openPage(
            `http://127.0.0.1:${attacker.port}/?route=${route}&popup=${encodeURIComponent(popup)}`,
          );
          // biome-ignore lint/suspicious/noExplicitAny: a Playwright or Puppeteer page.
          if (route === 'popup') await (evil.raw as any).click('#go');
          const seen = new Set<string>();
          const t0 = Date.now();
          let last: StatusReport | undefined;
          while (Date.now() - t0 < ATTACK_MS) {
            last = await status(s);
            for (const p of ['whatsapp', 'facebook', 'instagram'] as const)
              seen.add(`${p}:${last.platforms[p].verdict.status}`);
            await sleep(250);
          }
          // A notification or a write owed to something seen at the very end has had its slot.
          await sleep(5_000);
          last = await status(s);
          const o = await rec.read();
          const dump = await dumpStorage(rec.page);
          const details = await s.openExtensionPage('src/popup/index.html?view=details&platform=whatsapp');
          await sleep(500);
          const pagesText = await extensionPagesText(details, s.extensionOrigin);
          const m: Measured = {
            browser,
            route,
            seen: [...seen].sort(),
            final: summary(last),
            notifications: o.sent,
            badge: o.badge.map((b) => b.text),
            storedHosts: storedHosts(dump),
            attackerHostInPages: pagesText.includes('call-1800') || pagesText.includes(new URL(popup).host),
            hitsWhatsappPage: server.hits('web.whatsapp.com'),
          };
          console.log(`[measure] forged-traffic ${browser} ${route}: ${JSON.stringify(m)}`);
          const dir = join(REPO_ROOT, 'artifacts', 'forged-traffic');
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, `${browser}-${route}.json`), JSON.stringify(m, null, 2));

          for (const x of m.seen) expect(x, JSON.stringify(m)).toMatch(/:(up|unknown)$/);
          expect(m.final?.whatsapp).toBe('up/none/none');
          expect(outages(o)).toEqual([]);
          expect(m.notifications).toEqual([]);
          expect(m.badge.filter((t) => t !== '')).toEqual([]);
          expect(m.storedHosts.filter((h) => h.includes('call-1800'))).toEqual([]);
          expect(m.attackerHostInPages).toBe(false);
        } finally {
          await s.close();
        }
      }, 90_000);
    }
  });
}

/**
 * The other side of the same rules: the user's own failing load of a watched site still gets the
 * error page, with the redirect now waiting until the tab has settled on the failed load (tabs.get)
 * and an address that holds a token, not the failed URL; "try again" still returns to exactly that
 * URL, which the background gave back for this tab's token.
 */
const MINE = 'https://www.facebook.com/groups/feed/?ref=bookmark&sk=h';
for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${browser}: the user's own failing load`, () => {
    it('gets the error page (token, no path or query), and "try again" returns to exactly that URL', async () => {
      const server = await startFakePlatform();
      const s = await launchBrowser({ browser, server });
      try {
        const urlOf = async (p: PageHandle) =>
          browser === 'chromium' ? p.url() : await p.evaluate(() => location.href).catch(() => p.url());
        const isErrorPage = (u: string) => u.startsWith(`${s.extensionOrigin}/src/errorpage/index.html`);
        server.setMode('facebook.com', 'reset');
        const page = await s.openPage(PAGE_URL.instagram);
        const t0 = Date.now();
        await page.goto(MINE, { timeoutMs: 10_000 });
        const shown = await eventually(() => urlOf(page), isErrorPage, { timeoutMs: 15_000 });
        console.log(
          `[measure] forged-traffic ${browser}: error page after ${Date.now() - t0} ms: ${shown.split('?')[1]}`,
        );
        expect(isErrorPage(shown), shown).toBe(true);
        const q = new URL(shown).searchParams;
        expect([...q.keys()].sort()).toEqual(['error', 'host', 'platform', 't']);
        expect(q.get('host')).toBe('www.facebook.com');
        expect(decodeURIComponent(shown)).not.toMatch(/groups|bookmark/);
        await eventually(() => page.evaluate(() => !!document.querySelector('.ep-retry')).catch(() => false), Boolean, {
          timeoutMs: 10_000,
        });
        server.setMode('facebook.com', 'healthy');
        await page
          .evaluate(() => (document.querySelector('.ep-retry') as HTMLButtonElement | null)?.click())
          .catch(() => {});
        const landed = await eventually(
          () => urlOf(page),
          (u) => u === MINE,
          { timeoutMs: 15_000 },
        );
        expect(landed).toBe(MINE);
      } finally {
        await s.close();
        await server.close();
      }
    }, 60_000);
  });
}
