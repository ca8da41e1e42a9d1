/**
 * A failed fetch tells the extension only "TypeError: Failed to fetch". The browser's real reason
 * (net::ERR_NAME_NOT_RESOLVED, NS_ERROR_UNKNOWN_HOST, a certificate error…) reaches our own
 * webRequest.onErrorOccurred listener, because the checks are requests to watched hosts too.
 * This log keeps that string for a moment, so a failed check can report the real cause: without
 * it a resolver failure on the user's side could never be told from an unknown fault.
 * In memory only, keyed by origin + path (no query), a handful of entries.
 */

const MAX_ENTRIES = 32;
const KEEP_MS = 30_000;

export interface OwnErrorLog {
  record(url: string, error: string, at: number): void;
  /** The browser's error for a request to `url` seen at or after `since`, if any. */
  find(url: string, since: number): string | undefined;
}

const keyOf = (url: string): string | null => {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return null;
  }
};

export function createOwnErrorLog(): OwnErrorLog {
  const entries = new Map<string, { error: string; at: number }>();
  return {
    record(url, error, at) {
      const key = keyOf(url);
      if (!key || typeof error !== 'string') return;
      entries.delete(key);
      entries.set(key, { error: error.slice(0, 200), at });
      for (const [k, v] of entries) {
        if (entries.size <= MAX_ENTRIES && at - v.at <= KEEP_MS) break;
        entries.delete(k);
      }
    },
    find(url, since) {
      const key = keyOf(url);
      const e = key ? entries.get(key) : undefined;
      return e && e.at >= since ? e.error : undefined;
    },
  };
}

/** Carries the browser's own error string on a rejected fetch (read by probes.ts). */
export class CheckFetchError extends TypeError {
  constructor(readonly browserError: string) {
    super(`Failed to fetch (${browserError})`);
    this.name = 'CheckFetchError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wraps fetch so that a rejection carries the browser's error string when our listener saw it.
 * The webRequest event and the rejection race, so wait a little for the event: up to a second, as
 * a busy Firefox event page (the first failures of an outage arrive together) was seen to deliver
 * it later than 150 ms, and a failed check then read as "unknown" instead of "offline".
 */
export function fetchWithBrowserErrors(
  base: typeof fetch,
  log: OwnErrorLog,
  now: () => number,
  waitMs = 1_000,
): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const started = now();
    try {
      return await base(input, init);
    } catch (e) {
      if (init?.signal?.aborted) throw e; // our own timeout: the engine reads it as unknown/timeout
      for (let waited = 0; ; waited += 25) {
        const err = log.find(url, started);
        if (err) throw new CheckFetchError(err);
        if (waited >= waitMs) throw e;
        await sleep(25);
      }
    }
  };
}
