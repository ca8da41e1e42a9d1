/**
 * The background's parts that only wire browser calls together, kept out of background.ts: the write
 * chain onto the storage table's areas, and the error-page redirects.
 */
import { shownHost } from '../core/catalogue';
import type { PlatformId, Status } from '../core/types';
import { STORED, type StorageAreaName } from '../shared/protocol/storage';
import type { BackgroundDeps } from './deps';
import { createNavigationErrorHandler } from './navigation-errors';
import { createWriteChain } from './write-chain';

/** Minimum time between storage writes, from the end of one to the start of the next. */
export const WRITE_INTERVAL_MS = 2_250;

/** The keys an area holds, by the storage table. */
export const keysIn = (area: StorageAreaName): string[] =>
  Object.values(STORED)
    .filter((item) => item.area === area)
    .map((item) => item.key);

/** Every write goes to the area the storage table names for its key, in one serialized, throttled chain. */
export function createStorageChain(deps: BackgroundDeps) {
  const sessionKeys = keysIn('session');
  return createWriteChain({
    // At most one write per 2 s as storage sees it. Under load the browser reports a write tens of
    // milliseconds late or early (measured: 1,961 ms between two 2,000 ms-spaced writes in a storm),
    // so the chain keeps a quarter second of margin.
    minIntervalMs: deps.writeIntervalMs ?? WRITE_INTERVAL_MS,
    now: deps.now,
    async write(batch) {
      const session: Record<string, unknown> = {};
      const local: Record<string, unknown> = {};
      for (const [k, v] of batch) (sessionKeys.includes(k) ? session : local)[k] = v;
      await Promise.all([
        Object.keys(session).length ? deps.storage.session.set(session) : null,
        Object.keys(local).length ? deps.storage.local.set(local) : null,
      ]);
    },
  });
}

/** Failed top-level loads of a watched site go to the error page (navigation-errors.ts). */
export function navigationErrors(
  deps: BackgroundDeps,
  verdictOf: (p: PlatformId) => { status: Status; cause: string },
) {
  return createNavigationErrorHandler({
    redirect: (tabId, url) => deps.tabs.update(tabId, { url }).catch((e) => console.warn('nazar: redirect failed', e)),
    // No earlier entry (the site was opened in a new tab): the browser's own page stays.
    goBack: (tabId) => deps.tabs.goBack(tabId).catch(() => undefined),
    classify: deps.core.classify,
    platformOfHost: deps.core.platformOfHost,
    verdictOf,
    errorPageUrl: deps.getURL('src/errorpage/index.html'),
    shownHost,
    ...(deps.tabs.get ? { tabState: deps.tabs.get } : {}),
    now: deps.now,
  });
}
