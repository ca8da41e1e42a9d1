/**
 * What the fake platforms answer when healthy: small pages that behave like the real web apps as
 * far as the extension can see (a document, API calls every second, an image, a favicon), the
 * neutral 204 connectivity endpoint and a DNS-over-HTTPS JSON resolver.
 *
 * Each reply carries the headers the real service sends that matter to a browser, and no kinder
 * ones: no `access-control-allow-origin` except where the real service sends it (the DoH resolver).
 * A fake that answers CORS to everyone hides every fault that depends on it (issue 13). The
 * harness self-test (test/unit/harness/fake-platform.test.ts) pins these headers; the harness
 * README says what each real endpoint returns.
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

/**
 * Meta's static CDNs serve the scripts its pages load with `crossorigin`, so they answer every
 * origin (`access-control-allow-origin: *`), errors included (the edge adds it). Nothing else of
 * Meta's does: its pages, APIs and favicons send no CORS header.
 */
const OPEN_CDNS = ['fbcdn.net', 'cdninstagram.com'];
export function corsHeadersFor(host: string): Record<string, string> {
  return OPEN_CDNS.some((d) => host === d || host.endsWith(`.${d}`)) ? { 'access-control-allow-origin': '*' } : {};
}

/** A captive portal's login page, where its redirects lead. */
export const PORTAL_LOGIN = 'http://portal.example/login';

/** Cloudflare's JSON API answers anyone (CORS `*`), with its own content type. */
const DOH_HEADERS = { 'content-type': 'application/dns-json', 'access-control-allow-origin': '*' };

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
  return { status: 200, headers: { ...DOH_HEADERS, 'cache-control': 'max-age=60' }, body: JSON.stringify(body) };
}

const NO_STORE = { 'cache-control': 'private, no-cache, no-store, must-revalidate' };

/**
 * The healthy answer for one request. `dns` looks up the (possibly overridden) DoH answer; `accept`
 * is the request's Accept header (Cloudflare's /dns-query answers JSON only when asked for
 * `application/dns-json`, by that header or `ct=`; otherwise it wants the binary form: 400).
 */
export function healthyReply(host: string, pathAndQuery: string, dns: (name: string) => DnsAnswer, accept = ''): Reply {
  const url = new URL(pathAndQuery, `https://${host}`);
  const path = url.pathname;
  // Google's connectivity check: an empty 204, no content type, no CORS header.
  if (path === '/generate_204') return { status: 204, headers: { 'content-length': '0' }, body: '' };
  if (path === '/dns-query' || path === '/resolve') {
    const asked = accept.includes('application/dns-json') || url.searchParams.get('ct') === 'application/dns-json';
    if (path === '/dns-query' && !asked)
      return { status: 400, headers: { 'access-control-allow-origin': '*' }, body: 'Bad Request' };
    const name = url.searchParams.get('name') ?? '';
    return dohJson(name, dns(name));
  }
  if (path === '/favicon.ico')
    return { status: 200, headers: { 'content-type': 'image/x-icon', 'cache-control': 'max-age=86400' }, body: PIXEL };
  if (path === '/sw.js')
    return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: SHELL_WORKER };
  if (path.endsWith('.png') || path.endsWith('.jpg'))
    return { status: 200, headers: { 'content-type': 'image/png', 'cache-control': 'no-store' }, body: PIXEL };
  if (path.startsWith('/api/'))
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE },
      body: JSON.stringify({ ok: true }),
    };
  if (path === '/' || path.endsWith('.html'))
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE }, body: appPage(host) };
  return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE }, body: 'not found' };
}

/** A captive portal's answer to any plain-HTTP request: a redirect to its login page. */
export function redirectReply(status: number, location: string): Reply {
  return {
    status,
    headers: { location, 'content-type': 'text/html; charset=utf-8', ...NO_STORE },
    body: `<!doctype html><title>Login</title><a href="${location}">Log in to the Wi-Fi</a>`,
  };
}

export function errorReply(status: number): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE },
    body: `<!doctype html><title>${status}</title><h1>${status}: Sorry, something went wrong.</h1>`,
  };
}
