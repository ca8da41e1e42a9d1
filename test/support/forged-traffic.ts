/**
 * The attacker of issue 12, for the browser tiers: a page on another host (127.0.0.1, served here)
 * that forges failing traffic to the watched platforms by every route the issue names — sandboxed
 * `srcdoc` and `data:` frames (opaque initiators), plain `fetch`, a popup window onto a failing
 * watched URL on a non-default port, a scam-like host name under a watched domain — and the checks
 * that must hold after it. Measurements go to artifacts/forged-traffic/<browser>-<route>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ownerOfHost } from '../../src/core/catalogue';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { outages, PAGE_URL, startRecorder, status, summary, waitFor } from './browser';
import { eventually, throughout } from './eventually';
import type { BrowserName, BrowserSession, FakePlatform, PageHandle } from './harness';
import { REPO_ROOT } from './harness/session';
import { dumpStorage } from './storage-audit';

const SCAM_HOST = 'call-1800-000-2-for-help.whatsapp.net';
/** Watched names the fake platform does not serve: they fail to resolve, as on 4 October 2021. */
const FAILING = [
  `https://${SCAM_HOST}/x`,
  'https://g.whatsapp.net/x',
  'https://edge-mqtt.facebook.com/x',
  'https://graph.instagram.com/x',
];
export const ROUTES = ['srcdoc', 'data', 'fetch', 'popup', 'scam-host'] as const;
/** One route, or `all` of them at once from one page. */
export type Route = (typeof ROUTES)[number] | 'all';

/** The attacker's loop: every URL twice a second, as the report did. */
const loop = (urls: string[]) =>
  `<script>const u=${JSON.stringify(urls)};let i=0;setInterval(()=>{for(const x of u)fetch(x+'?'+(i++),{mode:'no-cors',cache:'no-store'}).catch(()=>{})},500);</script>`;

/**
 * The popup's failing watched URL on a non-default port. Chromium's resolver rules send a mapped
 * name to the fake platform whatever the URL's port, so there the name is mapped to a closed port;
 * Firefox maps names only to 127.0.0.1, so there the port itself is the closed one.
 */
export const popupUrl = (browser: BrowserName, refusedPort: number) =>
  browser === 'chromium' ? 'https://chat.whatsapp.com:8443/' : `https://web.whatsapp.com:${refusedPort}/`;

function attackPage(route: Route, popupUrl: string): string {
  const urls = route === 'scam-host' ? [`https://${SCAM_HOST}/x`, `https://${SCAM_HOST}/help`] : FAILING;
  const script = loop(urls);
  const srcdoc = `<iframe sandbox="allow-scripts" srcdoc="${script.replace(/"/g, '&quot;')}"></iframe>`;
  const data = `<iframe src="data:text/html,${encodeURIComponent(script)}"></iframe>`;
  const popupButton = `<button id="go">open</button><script>let w;document.getElementById('go').onclick=()=>{w=window.open(${JSON.stringify(popupUrl)},'attack');let n=0;setInterval(()=>{try{w.location.href=${JSON.stringify(popupUrl)}+'?'+(n++)}catch{}},2000)};</script>`;
  if (route === 'all') return page(srcdoc + data + loop([...FAILING, `https://${SCAM_HOST}/help`]) + popupButton);
  const body =
    route === 'srcdoc'
      ? srcdoc
      : route === 'data'
        ? data
        : route === 'fetch'
          ? script
          : route === 'popup'
            ? popupButton
            : srcdoc + data + script;
  return page(body);
}

function page(body: string): string {
  return `<!doctype html><meta charset="utf-8"><title>free recharge</title><h1>free recharge</h1>${body}`;
}

export async function attackServer(): Promise<{ server: Server; port: number }> {
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

export interface Measured {
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

/** The browser launch options every attack needs (Chromium: the popup's name on a closed port). */
export const attackLaunch = (browser: BrowserName) =>
  browser === 'chromium' ? { hosts: { 'chat.whatsapp.com': 'REFUSED' as const } } : {};

/**
 * Runs one attack for `attackMs` while the real WhatsApp works, and checks what must hold after it:
 * verdicts up/unknown, no notification, no badge change, no attacker host stored or shown.
 */
export async function runAttack(
  s: BrowserSession,
  server: FakePlatform,
  attacker: { port: number },
  route: Route,
  attackMs: number,
): Promise<Measured> {
  const browser = s.browser;
  const popup = popupUrl(browser, server.refusedPort);
  await s.openPage(PAGE_URL.whatsapp);
  await waitFor(s, (r) => r.platforms.whatsapp.verdict.status === 'up');
  const rec = await startRecorder(s);
  const evil = await s.openPage(`http://127.0.0.1:${attacker.port}/?route=${route}&popup=${encodeURIComponent(popup)}`);
  // biome-ignore lint/suspicious/noExplicitAny: a Playwright or Puppeteer page.
  if (route === 'popup' || route === 'all') await (evil.raw as any).click('#go');
  // The attack goes on while the verdicts are read every 250 ms: one that moved and came back is caught too.
  const seen = new Set<string>();
  const unmoved = (r: StatusReport) =>
    (['whatsapp', 'facebook', 'instagram'] as const).every((p) =>
      ['up', 'unknown'].includes(r.platforms[p].verdict.status),
    );
  const show = (r: StatusReport) => JSON.stringify(summary(r));
  const during = await throughout(() => status(s), unmoved, {
    what: `verdicts up/unknown during the ${route} attack`,
    forMs: attackMs,
    show,
  });
  // A notification or a write owed to something seen at the very end has had its slot.
  const after = await throughout(() => status(s), unmoved, {
    what: `verdicts up/unknown after the ${route} attack`,
    forMs: 5_000,
    intervalMs: 1_000,
    show,
  });
  for (const r of [...during, ...after])
    for (const p of ['whatsapp', 'facebook', 'instagram'] as const) seen.add(`${p}:${r.platforms[p].verdict.status}`);
  const last = after.at(-1);
  const o = await rec.read();
  const dump = await dumpStorage(rec.page);
  const details = await s.openExtensionPage('src/popup/index.html?view=details&platform=whatsapp');
  await eventually(() => details.evaluate(() => !!document.querySelector('.headline')).catch(() => false), Boolean, {
    what: 'the details page',
  });
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
  return m;
}
