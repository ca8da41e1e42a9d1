/**
 * What the fake platforms answer when healthy: small pages that behave like the real web apps as
 * far as the extension can see (a document, API calls every second, an image), the neutral 204
 * connectivity endpoint and a DNS-over-HTTPS JSON resolver.
 */

import { CATALOGUE } from '../../../src/core/catalogue';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface DnsAnswer {
  /** DNS RCODE as the DoH JSON API gives it: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN. */
  status: number;
  addresses?: string[];
}

/** A 1×1 transparent PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const TITLES: Record<string, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  whatsapp: 'WhatsApp',
};

function appPage(host: string): string {
  const brand = Object.entries(TITLES).find(([k]) => host.includes(k))?.[1] ?? host;
  // The page keeps talking to its own host like the real apps do, so failures show up in the
  // extension's webRequest listeners while the test switches the server's mode.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${brand} (fake)</title></head>
<body><h1>${brand}</h1><p id="state">loading</p><img id="logo" alt="" width="16" height="16">
<script>
let ok = 0, failed = 0;
const state = document.getElementById('state');
function tick() {
  fetch('/api/v1/feed/?t=' + Date.now(), { cache: 'no-store' })
    .then((r) => { r.ok ? ok++ : failed++; })
    .catch(() => { failed++; })
    .finally(() => { state.textContent = 'ok ' + ok + ' failed ' + failed; });
  document.getElementById('logo').src = '/static/logo.png?t=' + Date.now();
}
tick();
setInterval(tick, 1000);
// ?shell: like WhatsApp Web, keep an offline copy of the page in a service worker's cache.
if (new URLSearchParams(location.search).has('shell') && navigator.serviceWorker)
  navigator.serviceWorker.register('/sw.js').catch(() => {});
</script></body></html>`;
}

/**
 * The service worker of `?shell` pages: caches the page at install; a navigation that fails on the
 * network gets the cached copy (WhatsApp Web's offline shell). Other requests go to the network.
 */
const SHELL_WORKER = `const CACHE = 'shell-v1';
self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.add('/')).then(() => self.skipWaiting())));
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  if (e.request.mode !== 'navigate') return;
  e.respondWith(fetch(e.request).catch(() => caches.open(CACHE).then((c) => c.match('/'))));
});`;

const META_ADDRESS = '157.240.1.35';
const WATCHED_SUFFIXES = Object.keys(CATALOGUE);

export function defaultDnsAnswer(name: string): DnsAnswer {
  const n = name.toLowerCase().replace(/\.$/, '');
  const watched = WATCHED_SUFFIXES.some((s) => n === s || n.endsWith(`.${s}`));
  return watched ? { status: 0, addresses: [META_ADDRESS] } : { status: 3 };
}

function dohJson(name: string, answer: DnsAnswer): Reply {
  const body = {
    Status: answer.status,
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: [{ name, type: 1 }],
    ...(answer.status === 0
      ? { Answer: (answer.addresses ?? []).map((data) => ({ name, type: 1, TTL: 60, data })) }
      : {}),
  };
  return { status: 200, headers: { 'content-type': 'application/dns-json' }, body: JSON.stringify(body) };
}

/** The healthy answer for one request. `dns` looks up the (possibly overridden) DoH answer. */
export function healthyReply(host: string, pathAndQuery: string, dns: (name: string) => DnsAnswer): Reply {
  const url = new URL(pathAndQuery, `https://${host}`);
  const path = url.pathname;
  if (path === '/generate_204') return { status: 204, headers: {}, body: '' };
  if (path === '/dns-query' || path === '/resolve') {
    const name = url.searchParams.get('name') ?? '';
    return dohJson(name, dns(name));
  }
  if (path === '/sw.js')
    return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: SHELL_WORKER };
  if (path.endsWith('.png') || path.endsWith('.jpg'))
    return { status: 200, headers: { 'content-type': 'image/png', 'cache-control': 'no-store' }, body: PIXEL };
  if (path.startsWith('/api/'))
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: true }) };
  if (path === '/' || path.endsWith('.html'))
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: appPage(host) };
  return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
}

export function errorReply(status: number): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><title>${status}</title><h1>${status}: Sorry, something went wrong.</h1>`,
  };
}
