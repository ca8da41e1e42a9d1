/**
 * One local server that plays WhatsApp Web, Facebook, Instagram, the connectivity endpoint and the
 * DoH resolver, chosen by TLS SNI or the Host header, on one ephemeral port of 127.0.0.1 (HTTPS and
 * plain HTTP on the same port). Each host can be switched while the browser runs between:
 *   healthy · error (HTTP 503 or another status) · reset (TCP RST before TLS) ·
 *   empty (TLS up, request read, connection closed without a byte) · slow (answer late or never).
 * Also: `resetPort`, a raw TCP server that resets every connection, and `refusedPort`, a closed port.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { createFakeGlobalping, type FakeGlobalping, GLOBALPING_HOST } from './fake-globalping';
import {
  corsHeadersFor,
  type DnsAnswer,
  defaultDnsAnswer,
  errorReply,
  healthyReply,
  PORTAL_LOGIN,
  type Reply,
  redirectReply,
} from './fake-pages';
import { sniff } from './sniff';

export type HostMode = 'healthy' | 'error' | 'redirect' | 'reset' | 'empty' | 'slow';
export interface ModeOptions {
  /** For 'error': the HTTP status (default 503). For 'redirect': 302 unless given. */
  status?: number;
  /** For 'redirect': where to (default a captive portal's login page). */
  location?: string;
  /** For 'slow': answer healthily after this many ms (default: never, until the server closes). */
  delayMs?: number;
}
export interface ServedRequest {
  at: number;
  host: string;
  path: string;
  mode: HostMode;
  /** 'https' or 'http' as it arrived ('' for a reset before the request was read). */
  scheme: 'https' | 'http' | '';
  /** The request's headers as received (lower-case names); empty for resets. */
  headers: Record<string, string | string[] | undefined>;
}
export interface FakePlatform {
  /** HTTPS + HTTP port on 127.0.0.1 for every fake host. */
  readonly port: number;
  /** A raw TCP server on 127.0.0.1 that resets every connection. */
  readonly resetPort: number;
  /** A port on 127.0.0.1 with nothing listening (connection refused). */
  readonly refusedPort: number;
  /** `key` is a host ('www.instagram.com') or a domain ('instagram.com' = it and all its subdomains). */
  setMode(key: string, mode: HostMode, opts?: ModeOptions): void;
  /** Mode for hosts no key matches (default healthy). */
  setDefaultMode(mode: HostMode, opts?: ModeOptions): void;
  modeFor(host: string): { mode: HostMode; opts: ModeOptions };
  /** Override the DoH answer for one name (default: watched names resolve to a Meta address, others NXDOMAIN). */
  setDns(name: string, answer: DnsAnswer): void;
  /** Back to the start: every host healthy, no DNS overrides, no recorded requests. */
  resetAll(): void;
  /** Every request that reached the HTTP layer, plus resets (path ''), oldest first. */
  readonly requests: ServedRequest[];
  hits(key: string): number;
  /** The Globalping API at api.globalping.io (fake-globalping.ts); reset by resetAll. */
  readonly globalping: FakeGlobalping;
  close(): Promise<void>;
}

const matches = (host: string, key: string) => host === key || host.endsWith(`.${key}`);

function makeCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'nazar-cert-'));
  try {
    const names = ['localhost', 'whatsapp.com', 'whatsapp.net', 'facebook.com', 'fbcdn.net', 'instagram.com']
      .concat(['cdninstagram.com', 'wa.me', 'fb.com', 'fbsbx.com', 'messenger.com', 'facebook.net'])
      .concat(['gstatic.com', 'cloudflare-dns.com', 'dns.google', 'globalping.io'])
      .flatMap((n) => (n === 'localhost' ? [`DNS:${n}`] : [`DNS:${n}`, `DNS:*.${n}`, `DNS:*.xx.${n}`]));
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2']
        .concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=nazar-fake-platform'])
        .concat(['-addext', `subjectAltName=${names.join(',')},IP:127.0.0.1`]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function replaying(socket: Socket, head: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => socket.resume(),
    write: (chunk, _enc, cb) => socket.write(chunk, cb),
    final: (cb) => socket.end(cb),
    destroy: (err, cb) => {
      socket.destroy();
      cb(err);
    },
  });
  duplex.push(head);
  socket.on('data', (d: Buffer) => {
    if (!duplex.push(d)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  return duplex;
}

function listen(server: net.Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

async function freeClosedPort(): Promise<number> {
  const s = net.createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

export async function startFakePlatform(): Promise<FakePlatform> {
  const modes = new Map<string, { mode: HostMode; opts: ModeOptions }>();
  let fallback: { mode: HostMode; opts: ModeOptions } = { mode: 'healthy', opts: {} };
  const dnsOverrides = new Map<string, DnsAnswer>();
  const requests: ServedRequest[] = [];
  const open = new Map<Socket, string>(); // raw socket → host, to cut connections when a mode changes
  const timers = new Set<NodeJS.Timeout>();
  const globalping = createFakeGlobalping();

  const modeFor = (host: string) => {
    let best: string | undefined;
    for (const key of modes.keys()) if (matches(host, key) && (!best || key.length > best.length)) best = key;
    return best ? modes.get(best)! : fallback;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const { mode, opts } = modeFor(host);
    const path = (req.url ?? '/').split('?')[0]!;
    const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    requests.push({ at: Date.now(), host, path, mode, scheme, headers: { ...req.headers } });
    if (host === GLOBALPING_HOST && mode === 'healthy') {
      // The fake API answers exactly as fake-globalping.ts says (its own headers, no others).
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r = globalping.respond({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: { ...req.headers },
          body: Buffer.concat(chunks).toString('utf8'),
        });
        if (res.destroyed) return;
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      });
      return;
    }
    // Exactly the headers the reply names (see fake-pages.ts): no CORS header the real service
    // would not send.
    const send = (r: Reply) => {
      if (res.destroyed) return;
      res.writeHead(r.status, { ...corsHeadersFor(host), ...r.headers });
      res.end(r.body);
    };
    const healthy = () =>
      healthyReply(
        host,
        req.url ?? '/',
        (n) => dnsOverrides.get(n.toLowerCase()) ?? defaultDnsAnswer(n),
        String(req.headers.accept ?? ''),
      );
    switch (mode) {
      case 'error':
        return send(errorReply(opts.status ?? 503));
      case 'redirect':
        return send(redirectReply(opts.status ?? 302, opts.location ?? PORTAL_LOGIN));
      case 'empty':
      case 'reset': // a kept-alive connection that predates the switch
        return req.socket.destroy();
      case 'slow': {
        if (opts.delayMs === undefined) return; // never answers; close() ends it
        const t = setTimeout(() => {
          timers.delete(t);
          send(healthy());
        }, opts.delayMs);
        timers.add(t);
        return;
      }
      default:
        return send(healthy());
    }
  };

  const tlsServer = https.createServer({ ...makeCert(), ALPNProtocols: ['http/1.1'] }, handle);
  const httpServer = http.createServer(handle);
  for (const s of [tlsServer, httpServer]) s.on('clientError', (_e, socket) => socket.destroy());

  const every = new Set<Socket>(); // so close() never waits on a half-open connection
  const front = net.createServer((socket) => {
    every.add(socket);
    socket.once('close', () => every.delete(socket));
    let buf = Buffer.alloc(0);
    socket.on('error', () => {});
    const giveUp = setTimeout(() => socket.destroy(), 10_000);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const s = sniff(buf);
      if (s.kind === 'incomplete') return;
      clearTimeout(giveUp);
      socket.off('data', onData);
      socket.pause();
      const host = s.kind === 'tls' || s.kind === 'http' ? (s.host ?? '') : '';
      if (modeFor(host).mode === 'reset') {
        requests.push({ at: Date.now(), host, path: '', mode: 'reset', scheme: '', headers: {} });
        return socket.resetAndDestroy();
      }
      open.set(socket, host);
      socket.once('close', () => open.delete(socket));
      if (s.kind === 'http') {
        socket.unshift(buf);
        httpServer.emit('connection', socket);
        socket.resume();
      } else {
        // Node's TLS reads a net.Socket's handle directly and would miss the bytes already read,
        // so the TLS server gets a stream that replays them first.
        tlsServer.emit('connection', replaying(socket, buf));
      }
    };
    socket.on('data', onData);
  });

  const resetServer = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.resetAndDestroy();
  });

  const port = await listen(front);
  const resetPort = await listen(resetServer);
  const refusedPort = await freeClosedPort();

  // A switch applies to new connections; cut the open ones so kept-alive sockets do not dodge it.
  const cut = (affected: (host: string) => boolean, mode: HostMode) => {
    for (const [socket, host] of open)
      if (affected(host)) mode === 'reset' ? socket.resetAndDestroy() : socket.destroy();
  };

  return {
    port,
    resetPort,
    refusedPort,
    requests,
    globalping,
    modeFor,
    setMode(key, mode, opts = {}) {
      const k = key.toLowerCase();
      modes.set(k, { mode, opts });
      cut((h) => matches(h, k), mode);
    },
    setDefaultMode(mode, opts = {}) {
      fallback = { mode, opts };
      cut(() => true, mode);
    },
    setDns(name, answer) {
      dnsOverrides.set(name.toLowerCase(), answer);
    },
    resetAll() {
      modes.clear();
      fallback = { mode: 'healthy', opts: {} };
      dnsOverrides.clear();
      requests.length = 0;
      globalping.reset();
      cut(() => true, 'healthy');
    },
    hits: (key) => requests.filter((r) => matches(r.host, key.toLowerCase())).length,
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const socket of every) socket.destroy();
      await Promise.all([front, resetServer].map((s) => new Promise((r) => s.close(r))));
      tlsServer.close();
      httpServer.close();
    },
  };
}
