/**
 * The content script's line to the background: the `nazar-live` port for pushed updates, plus a
 * `get-status`/`get-settings` ask at start and after each reconnect (the port of a stopped
 * service worker disconnects; a new one is opened with back-off).
 *
 * "Extension context invalidated": after the extension is reloaded or updated, this old script
 * keeps running in the page but can no longer talk to anyone. Then `runtime.id` is gone (or
 * connect throws); we call `onGone` once so the banner and all listeners are removed quietly.
 */
import { CAUSES, type PlatformId, type PlatformReport, SCOPES, STATUSES } from '../core/types';
import { LIVE_PORT } from '../shared/messages';
import type { LanguageSetting } from '../shared/settings';

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

export interface LiveHandlers {
  /** This platform's verdict: all a content script is sent (no other platform, no check results). */
  onReport(report: PageReport): void;
  onLanguage(language: LanguageSetting): void;
  onGone(): void;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** What the banner reads: its platform's verdict (all the background sends a content script). */
export type PageReport = Pick<PlatformReport, 'verdict'>;

/** This platform's verdict from a PageStatus-shaped value, or null when it is not one. */
export function pickReport(x: unknown, platform: PlatformId): PageReport | null {
  if (!isObj(x) || !isObj(x.platforms)) return null;
  const r = (x.platforms as Record<string, unknown>)[platform];
  if (!isObj(r) || !isObj(r.verdict)) return null;
  const v = r.verdict;
  if (typeof v.status !== 'string') return null;
  // Values outside the engine's vocabulary read as "nothing known", never as a fault.
  const known = (STATUSES as readonly unknown[]).includes(v.status);
  return {
    verdict: {
      ...(v as unknown as PlatformReport['verdict']),
      status: known ? (v.status as PlatformReport['verdict']['status']) : 'unknown',
      cause: (CAUSES as readonly unknown[]).includes(v.cause)
        ? (v.cause as PlatformReport['verdict']['cause'])
        : 'unknown',
      scope: (SCOPES as readonly unknown[]).includes(v.scope)
        ? (v.scope as PlatformReport['verdict']['scope'])
        : 'none',
      since: typeof v.since === 'number' && Number.isFinite(v.since) ? v.since : null,
    },
  };
}

export function pickLanguage(x: unknown): LanguageSetting | null {
  if (!isObj(x)) return null;
  const l = x.language;
  return l === 'auto' || l === 'hi' || l === 'en' ? l : null;
}

/** Dispatches one pushed LiveUpdate; anything malformed is dropped. */
export function handleLiveMessage(msg: unknown, platform: PlatformId, h: LiveHandlers): void {
  if (!isObj(msg)) return;
  if (msg.type === 'status') {
    const r = pickReport(msg.report, platform);
    if (r) h.onReport(r);
  } else if (msg.type === 'settings') {
    const l = pickLanguage(msg.settings);
    if (l) h.onLanguage(l);
  }
}

const MAX_BACKOFF_MS = 30_000;

export function startLive(runtime: RuntimeLike, platform: PlatformId, h: LiveHandlers): { stop(): void } {
  let port: Port | null = null;
  let stopped = false;
  let backoff = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const alive = () => {
    try {
      return Boolean(runtime.id);
    } catch {
      return false;
    }
  };

  function gone() {
    if (stopped) return;
    stop();
    h.onGone();
  }

  function ask() {
    const send = (m: unknown) => {
      try {
        return runtime.sendMessage(m);
      } catch {
        return Promise.reject(new Error('invalidated'));
      }
    };
    send({ type: 'get-settings' }).then(
      (s) => {
        const l = pickLanguage(s);
        if (l && !stopped) h.onLanguage(l);
      },
      () => {},
    );
    send({ type: 'get-status' }).then(
      (s) => {
        const r = pickReport(s, platform);
        if (r && !stopped) h.onReport(r);
      },
      () => {},
    );
  }

  function connect() {
    timer = undefined;
    if (stopped) return;
    if (!alive()) return gone();
    try {
      port = runtime.connect({ name: LIVE_PORT });
    } catch {
      return gone();
    }
    port.onMessage.addListener((msg) => {
      backoff = 1000;
      if (!stopped) handleLiveMessage(msg, platform, h);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (stopped) return;
      if (!alive()) return gone();
      // The worker was stopped or restarted: reconnect later, and ask again for the current state.
      timer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
    ask();
  }

  function stop() {
    stopped = true;
    if (timer) clearTimeout(timer);
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
