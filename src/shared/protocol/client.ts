/**
 * The one way the extension's pages (popup, error page) and its content script (the banner) talk
 * to the background: requests with `ask`, and the `nazar-live` port with `connectLive`, on which
 * the background pushes the status and the settings at connect and then every change.
 *
 * `connectLive` reconnects with back-off when the port drops (a stopped service worker, a sleeping
 * event page), and keeps only the newest report by `generatedAt`: an older one arriving late (a
 * storage change Firefox reports seconds after the push) never replaces a newer one on screen.
 *
 * "Extension context invalidated": after the extension is reloaded or updated, an old content
 * script keeps running in the page but can no longer talk to anyone. Then `runtime.id` is gone (or
 * connect throws); `onGone` is called once, so the page removes what it shows, quietly.
 */
import { LIVE_PORT, type Request } from './messages';
import { decodeSettings, type Settings } from './settings';
import { obj } from './values';

export interface Port {
  onMessage: { addListener(fn: (msg: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

export interface RuntimeLike {
  readonly id: string | undefined;
  connect(info: { name: string }): Port;
  sendMessage(msg: unknown): Promise<unknown>;
}

/** A report of any shape the client reads: the popup's StatusReport, the banner's PageReport. */
export interface Dated {
  generatedAt: number;
}

export interface LiveHandlers<R extends Dated> {
  /** The background's reading of a pushed report (its own decoder per surface), or null to drop it. */
  decode(raw: unknown): R | null;
  onReport(report: R): void;
  onSettings(settings: Settings): void;
  /** The extension context is gone for good (reloaded, updated, removed). */
  onGone?(): void;
}

export const FIRST_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 30_000;

/**
 * A gate that passes a report on only when it is at least as new as the newest passed so far;
 * null (unreadable) never passes. Every route a report takes (storage, port, reply) goes through one.
 */
export function newestOnly<R extends Dated>(onReport: (report: R) => void): (report: R | null) => boolean {
  let newest = Number.NEGATIVE_INFINITY;
  return (report) => {
    if (!report || report.generatedAt < newest) return false;
    newest = report.generatedAt;
    onReport(report);
    return true;
  };
}

/**
 * A request to the background; rejects when no one answers or the extension context is gone (async,
 * so that a sendMessage that throws at once rejects too).
 */
export async function ask(runtime: Pick<RuntimeLike, 'sendMessage'>, request: Request): Promise<unknown> {
  return runtime.sendMessage(request);
}

/** One pushed message, checked: a report (read with `decode`), settings, or null for anything else. */
export function decodeLiveUpdate<R>(
  raw: unknown,
  decode: (raw: unknown) => R | null,
): { report: R } | { settings: Settings } | null {
  const u = obj(raw);
  if (u.type === 'status') {
    const report = decode(u.report);
    return report ? { report } : null;
  }
  if (u.type === 'settings' && u.settings && typeof u.settings === 'object')
    return { settings: decodeSettings(u.settings) };
  return null;
}

export function connectLive<R extends Dated>(runtime: RuntimeLike, h: LiveHandlers<R>): { stop(): void } {
  let port: Port | null = null;
  let stopped = false;
  let backoff = FIRST_BACKOFF_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const keep = newestOnly<R>((r) => h.onReport(r));

  const alive = () => {
    try {
      return Boolean(runtime.id);
    } catch {
      return false;
    }
  };

  /** Opens the port; once the extension context is gone (no runtime.id, or connect throws), stops for good. */
  function connect(): void {
    try {
      if (stopped) return;
      if (!runtime.id) throw 0;
      port = runtime.connect({ name: LIVE_PORT });
    } catch {
      stop();
      h.onGone?.();
      return;
    }
    port.onMessage.addListener((msg) => {
      backoff = FIRST_BACKOFF_MS;
      const u = stopped ? null : decodeLiveUpdate(msg, h.decode);
      if (u && 'report' in u) keep(u.report);
      else if (u) h.onSettings(u.settings);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (stopped) return;
      // The background was stopped or restarted: reconnect later; it pushes the current state again.
      if (!alive()) return connect();
      timer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
    try {
      port?.disconnect();
    } catch {
      // Already gone.
    }
    port = null;
  }

  connect();
  return { stop };
}
