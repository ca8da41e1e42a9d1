/**
 * The official Globalping client, loaded on demand: this module is imported only when the user
 * asks other networks (dynamic import), so neither the worker nor the popup's first render carries
 * it. It talks to https://api.globalping.io (the CSP's connect-src names it) without a token.
 */
import { Globalping } from 'globalping';
import type { GlobalpingLike } from './run';

/** Each API call gives up after this long (the whole check has 10 s). */
export const CALL_TIMEOUT_MS = 4_000;

export function createClient(): GlobalpingLike {
  return new Globalping({ timeout: CALL_TIMEOUT_MS }) as unknown as GlobalpingLike;
}
