/**
 * The two calls to the Globalping API (https://api.globalping.io, no token), typed by the official
 * `globalping` package's published types, loaded on demand: this module is imported only when the
 * user asks other networks (dynamic import), so neither the worker nor the popup's first render
 * carries it. The CSP's connect-src names the API.
 *
 * Why not the official client's own transport: it calls `fetch` with the browser's defaults, and
 * in Firefox a `POST` from an extension page then carries `Origin: moz-extension://<uuid>`, an id
 * that differs per install, even with the API granted as a host permission (the `GET`s carry none).
 * XMLHttpRequest does the same, and so does `referrerPolicy: 'no-referrer'` in `cors` mode: the
 * Fetch standard's "append a request Origin header" honours the referrer policy only outside `cors`
 * mode. With the host permission Firefox treats the API as the extension's own origin, so a
 * `same-origin` request is allowed and readable, and with `no-referrer` its `POST` says `Origin:
 * null`, the same for everyone (test/browser/other-networks.test.ts records the headers).
 * Chromium has no such permission (it needs none: the API answers CORS, and its Origin is the
 * extension's public id), so there the calls stay `cors`.
 */
import type { CreateMeasurementResponse, MeasurementResponse } from 'globalping';
import type { measurementRequest } from './request';
import type { CallResultLike, GlobalpingLike } from './run';

export const API = 'https://api.globalping.io';

/** Each API call gives up after this long (the whole check has 10 s). */
export const CALL_TIMEOUT_MS = 4_000;

export interface ClientOptions {
  /**
   * The API is granted as a host permission (Firefox's optional one): send `same-origin`, so that
   * the `POST`'s Origin is `null` rather than the per-install `moz-extension://` one.
   */
  granted: boolean;
  timeoutMs?: number;
  /** Tests pass the fake API's; the page uses the browser's. */
  fetch?: typeof fetch;
}

/**
 * The answer as the official client gives it: its JSON body as `data`, `ok` for a 2xx. Like that
 * client, an answer that is neither a JSON body nor the API's JSON error (`{ error }`) throws, so
 * that run.ts says the API was unreachable rather than reading it.
 */
async function call<T>(f: typeof fetch, path: string, init: RequestInit): Promise<CallResultLike & { data: T }> {
  const response = await f(`${API}${path}`, init);
  const json = /\bjson\b/i.test(response.headers.get('content-type') ?? '');
  const data: unknown = json ? await response.json().catch(() => null) : null;
  const apiError = typeof data === 'object' && data !== null && 'error' in data;
  if (response.ok ? data === null : !apiError) throw new Error(`Globalping answered ${response.status}`);
  return { ok: response.ok, data: data as T, response };
}

export function createClient(o: ClientOptions): GlobalpingLike {
  const f = o.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = o.timeoutMs ?? CALL_TIMEOUT_MS;
  // No cookie, no Referer, and no per-install Origin (see above); a fresh timeout per call.
  const base = (): RequestInit => ({
    mode: o.granted ? 'same-origin' : 'cors',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    signal: AbortSignal.timeout(timeoutMs),
  });
  return {
    createMeasurement: (req: ReturnType<typeof measurementRequest>) =>
      call<CreateMeasurementResponse>(f, '/v1/measurements', {
        ...base(),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(req),
      }),
    getMeasurement: (id: string) =>
      call<MeasurementResponse>(f, `/v1/measurements/${encodeURIComponent(id)}`, { ...base(), method: 'GET' }),
  };
}
