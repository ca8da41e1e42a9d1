/**
 * The harness itself, without a browser: the fake platform's modes as a client sees them on the
 * wire, the name-resolution rules both browsers get, SNI sniffing of bad input, and the loud
 * failure when a browser is missing.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePlatform, startFakePlatform } from '../../support/harness';
import { chromiumResolverRules, firefoxNetworkPrefs, PLATFORM_HOSTS, routeAll } from '../../support/harness/hosts';
import { browserExecutable } from '../../support/harness/index';
import { sniff } from '../../support/harness/sniff';

type Got = { status?: number; body?: string; error?: string; headers?: http.IncomingHttpHeaders };

function get(
  port: number,
  host: string,
  path = '/',
  tls = true,
  timeoutMs = 1500,
  headers: Record<string, string> = {},
): Promise<Got> {
  return new Promise((resolve) => {
    const opts = { host: '127.0.0.1', port, path, headers: { host, ...headers }, agent: false as const };
    const req = tls
      ? https.get({ ...opts, servername: host, rejectUnauthorized: false }, onRes)
      : http.get(opts, onRes);
    function onRes(res: http.IncomingMessage) {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode, body, headers: res.headers }));
    }
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({ error: 'TIMEOUT' });
    });
  });
}

describe('fake platform', () => {
  let fp: FakePlatform;
  beforeAll(async () => {
    fp = await startFakePlatform();
  });
  afterAll(async () => {
    await fp.close();
  });

  it('serves each host by SNI over HTTPS and by Host over HTTP on one port', async () => {
    const ig = await get(fp.port, 'www.instagram.com');
    expect(ig.status).toBe(200);
    expect(ig.body).toContain('<h1>Instagram</h1>');
    expect(ig.body).toContain("fetch('/api/");
    expect((await get(fp.port, 'web.whatsapp.com')).body).toContain('<h1>WhatsApp</h1>');
    expect((await get(fp.port, 'connectivitycheck.gstatic.com', '/generate_204', false)).status).toBe(204);
  });

  const DOH_JSON = { accept: 'application/dns-json' };
  const doh = (query: string) => get(fp.port, 'cloudflare-dns.com', `/dns-query?${query}`, true, 1500, DOH_JSON);

  it('answers DoH JSON, with overrides', async () => {
    const ok = JSON.parse((await doh('name=www.facebook.com&type=A')).body!);
    expect(ok.Status).toBe(0);
    expect(ok.Answer[0].data).toMatch(/^157\.240\./);
    fp.setDns('www.facebook.com', { status: 2 });
    const fail = JSON.parse((await doh('name=www.facebook.com&type=A')).body!);
    expect(fail.Status).toBe(2);
    expect(fail.Answer).toBeUndefined();
    const other = JSON.parse((await doh('name=example.org')).body!);
    expect(other.Status).toBe(3);
  });

  /**
   * What each fake sends back, pinned: as the real service (see the harness README), and never
   * kinder. Above all no `access-control-allow-origin` where the real service sends none: a fake
   * that answers CORS to everyone hid Firefox's failing connectivity check (issue 13).
   */
  it('sends the headers the real services send, and no CORS header where they send none', async () => {
    const pick = (g: Got) => {
      const h = g.headers ?? {};
      return {
        status: g.status,
        type: h['content-type'] ?? null,
        cors: h['access-control-allow-origin'] ?? null,
        location: h.location ?? null,
        length: g.body?.length,
      };
    };
    const ig = PLATFORM_HOSTS.instagram[0];
    expect(pick(await get(fp.port, 'connectivitycheck.gstatic.com', '/generate_204', false))).toEqual({
      status: 204,
      type: null,
      cors: null,
      location: null,
      length: 0,
    });
    for (const host of [PLATFORM_HOSTS.whatsapp[0], PLATFORM_HOSTS.facebook[0], ig])
      expect(pick(await get(fp.port, host, '/favicon.ico')), host).toMatchObject({
        status: 200,
        type: 'image/x-icon',
        cors: null,
      });
    expect(pick(await get(fp.port, ig, '/'))).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      cors: null,
    });
    expect(pick(await get(fp.port, ig, '/api/v1/feed/'))).toMatchObject({
      status: 200,
      type: 'application/json; charset=utf-8',
      cors: null,
    });
    expect(pick(await get(fp.port, ig, '/static/logo.png'))).toMatchObject({
      status: 200,
      type: 'image/png',
      cors: null,
    });
    // Cloudflare's JSON API: its own content type, open to any origin; JSON only when asked for it.
    expect(pick(await doh('name=www.facebook.com&type=A'))).toMatchObject({
      status: 200,
      type: 'application/dns-json',
      cors: '*',
    });
    expect(
      pick(await get(fp.port, 'cloudflare-dns.com', '/dns-query?name=www.facebook.com&type=A&ct=application/dns-json')),
    ).toMatchObject({ status: 200, type: 'application/dns-json' });
    expect((await get(fp.port, 'cloudflare-dns.com', '/dns-query?name=www.facebook.com&type=A')).status).toBe(400);
    // Meta's static CDNs answer every origin (its pages load their scripts with `crossorigin`).
    expect(pick(await get(fp.port, 'static.xx.fbcdn.net', '/rsrc/x.png'))).toMatchObject({ status: 200, cors: '*' });
    // Failures and portals: no CORS header either.
    fp.setMode('instagram.com', 'error');
    expect(pick(await get(fp.port, ig, '/api/v1/feed/'))).toMatchObject({ status: 503, cors: null });
    fp.setMode('connectivitycheck.gstatic.com', 'redirect');
    expect(pick(await get(fp.port, 'connectivitycheck.gstatic.com', '/generate_204', false))).toMatchObject({
      status: 302,
      location: 'http://portal.example/login',
      cors: null,
    });
    fp.setMode('instagram.com', 'healthy');
    fp.setMode('connectivitycheck.gstatic.com', 'healthy');
  });

  it('records each request with its scheme and the headers it arrived with', async () => {
    const before = fp.requests.length;
    await get(fp.port, 'connectivitycheck.gstatic.com', '/generate_204', false, 1500, { 'x-probe': 'plain' });
    await get(fp.port, 'www.facebook.com', '/favicon.ico', true, 1500, { origin: 'moz-extension://abc' });
    const [plain, tls] = fp.requests.slice(before);
    expect(plain).toMatchObject({ host: 'connectivitycheck.gstatic.com', path: '/generate_204', scheme: 'http' });
    expect(plain!.headers['x-probe']).toBe('plain');
    expect(tls).toMatchObject({ host: 'www.facebook.com', path: '/favicon.ico', scheme: 'https' });
    expect(tls!.headers.origin).toBe('moz-extension://abc');
  });

  it('switches one domain between modes while leaving the others healthy', async () => {
    fp.setMode('instagram.com', 'error');
    expect((await get(fp.port, 'i.instagram.com', '/api/v1/x')).status).toBe(503);
    expect((await get(fp.port, 'www.facebook.com')).status).toBe(200);
    fp.setMode('instagram.com', 'error', { status: 502 });
    expect((await get(fp.port, 'www.instagram.com')).status).toBe(502);
    fp.setMode('instagram.com', 'reset');
    expect((await get(fp.port, 'www.instagram.com')).error).toBe('ECONNRESET');
    fp.setMode('instagram.com', 'empty');
    expect((await get(fp.port, 'www.instagram.com', '/', false)).error).toBe('ECONNRESET'); // socket hang up
    fp.setMode('instagram.com', 'slow');
    expect((await get(fp.port, 'www.instagram.com', '/', true, 500)).error).toBe('TIMEOUT');
    fp.setMode('instagram.com', 'slow', { delayMs: 100 });
    expect((await get(fp.port, 'www.instagram.com')).status).toBe(200);
    fp.setMode('www.instagram.com', 'error'); // the more specific key wins
    expect((await get(fp.port, 'www.instagram.com')).status).toBe(503);
    expect((await get(fp.port, 'i.instagram.com', '/api/y')).status).toBe(200);
    fp.setMode('instagram.com', 'healthy');
    fp.setMode('www.instagram.com', 'healthy');
    const modes = fp.requests.filter((r) => r.host.endsWith('instagram.com')).map((r) => r.mode);
    for (const m of ['error', 'reset', 'empty', 'slow', 'healthy']) expect(modes).toContain(m);
    expect(fp.hits('instagram.com')).toBe(modes.length);
  });

  it('survives garbage instead of a TLS or HTTP request', async () => {
    const sock = net.connect(fp.port, '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    sock.on('error', () => {});
    sock.write(Buffer.from([0x00, 0x13, 0x37, 0x42, 0xff, 0xff, 0xff]));
    await new Promise((r) => sock.once('close', r));
    expect((await get(fp.port, 'www.facebook.com')).status).toBe(200);
  });

  it('has a port that resets and a port that refuses', async () => {
    expect((await get(fp.resetPort, 'www.instagram.com')).error).toBe('ECONNRESET');
    expect((await get(fp.refusedPort, 'www.instagram.com')).error).toBe('ECONNREFUSED');
  });
});

describe('sniff', () => {
  it('reads the Host header of plain HTTP, waits for the rest, rejects noise', () => {
    expect(sniff(Buffer.from('GET / HTTP/1.1\r\nHost: Web.WhatsApp.com:80\r\n\r\n'))).toEqual({
      kind: 'http',
      host: 'web.whatsapp.com',
    });
    expect(sniff(Buffer.from('GET / HTTP/1.1\r\nHo'))).toEqual({ kind: 'incomplete' });
    expect(sniff(Buffer.from([0x00, 0x01]))).toEqual({ kind: 'unknown' });
    expect(sniff(Buffer.alloc(0))).toEqual({ kind: 'incomplete' });
    expect(sniff(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x03, 0x01, 0x00, 0x00]))).toEqual({ kind: 'tls', host: null });
  });
});

describe('name resolution rules', () => {
  it('Chromium: per-host maps first, the NOTFOUND catch-all last, loopback excluded', () => {
    const rules = chromiumResolverRules(
      { ...routeAll(4443, ['www.instagram.com']), 'www.facebook.com': 'NOTFOUND', 'web.whatsapp.com': 'REFUSED' },
      { refusedPort: 9999 },
    ).split(', ');
    expect(rules).toEqual([
      'MAP www.instagram.com 127.0.0.1:4443',
      'MAP www.facebook.com ~NOTFOUND',
      'MAP web.whatsapp.com 127.0.0.1:9999',
      'MAP * ~NOTFOUND',
      'EXCLUDE localhost',
      'EXCLUDE 127.0.0.1',
    ]);
    expect(() => chromiumResolverRules({ 'x.facebook.com': 'RESET' }, {})).toThrow(/resetPort/);
  });

  it('Firefox: mapped names to 127.0.0.1, ports 80/443 forced, everything else fails', () => {
    const prefs = firefoxNetworkPrefs({
      ...routeAll(4443, ['a.facebook.com', 'b.facebook.com']),
      'c.facebook.com': 'NOTFOUND',
    });
    expect(prefs['network.dns.localDomains']).toBe('a.facebook.com,b.facebook.com');
    expect(prefs['network.socket.forcePort']).toBe('80,443=4443');
    expect(prefs['network.trr.mode']).toBe(3);
    expect(String(prefs['network.trr.uri'])).toMatch(/^https:\/\/127\.0\.0\.1:/);
    expect(() => firefoxNetworkPrefs({ a: { port: 1 }, b: { port: 2 } })).toThrow(/same port/);
    expect(() => firefoxNetworkPrefs({ a: 'REFUSED' })).toThrow(/refusedPort/);
  });
});

describe('missing browser', () => {
  it('fails loudly with the install command and the env variable', () => {
    const saved = process.env.FIREFOX_PATH;
    process.env.FIREFOX_PATH = '/nonexistent/firefox';
    try {
      expect(() => browserExecutable('firefox')).toThrow(/apt-get install chromium firefox-esr.*FIREFOX_PATH/s);
    } finally {
      if (saved === undefined) delete process.env.FIREFOX_PATH;
      else process.env.FIREFOX_PATH = saved;
    }
  });
});
