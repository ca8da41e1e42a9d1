/**
 * The browser APIs that Firefox for Android lacks or limits, looked at once when the background
 * starts. The worker always gets something that works, and a missing feature costs at most one
 * console line, never an exception at start-up (which would leave later listeners unregistered):
 * - the action badge: Android has no toolbar (the action is a menu item); a missing method is a no-op;
 * - notifications: a missing API means none are sent (the banner on the page still speaks);
 * - storage.session: missing, the state is kept in memory for as long as the background lives; a
 *   write it refuses (its quota) is reported once, not at every write.
 */
import type { ActionApi } from './badge';
import type { StorageAreaLike } from './deps';
import type { NotificationsApi } from './notifications';

const isFn = (o: unknown, name: string): boolean => !!o && typeof (o as Record<string, unknown>)[name] === 'function';

/** The action API as far as this browser has it; each missing method does nothing. */
export function actionApi(action: unknown): ActionApi {
  const a = action as ActionApi;
  const none = () => undefined;
  return {
    setBadgeText: isFn(a, 'setBadgeText') ? (d) => a.setBadgeText(d) : none,
    setBadgeBackgroundColor: isFn(a, 'setBadgeBackgroundColor') ? (d) => a.setBadgeBackgroundColor(d) : none,
    setTitle: isFn(a, 'setTitle') ? (d) => a.setTitle(d) : none,
  };
}

/** The notifications API, or undefined when this browser cannot create notifications. */
export function notificationsApi(n: unknown): NotificationsApi | undefined {
  return isFn(n, 'create') ? (n as NotificationsApi) : undefined;
}

/** Registers a notification-click listener where notifications have click events; says whether it did. */
export function onNotificationClicked(n: unknown, listener: (id: string) => void): boolean {
  const event = (n as { onClicked?: unknown } | undefined)?.onClicked;
  if (!isFn(event, 'addListener')) return false;
  (event as { addListener(fn: (id: string) => void): void }).addListener(listener);
  return true;
}

/** A storage area kept in this background's memory (lost when it stops). */
export function memorySessionArea(): StorageAreaLike {
  const data = new Map<string, unknown>();
  return {
    async get(keys) {
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}

/**
 * storage.session where it exists, else memory. A write it refuses is reported once and then
 * dropped quietly: the state is still in the background's memory, only a restart loses it.
 */
export function sessionArea(area: unknown, warn: (...a: unknown[]) => void = console.warn): StorageAreaLike {
  if (!isFn(area, 'get') || !isFn(area, 'set')) return memorySessionArea();
  const real = area as StorageAreaLike;
  let warned = false;
  return {
    get: (keys) => real.get(keys),
    async set(items) {
      try {
        await real.set(items);
      } catch (e) {
        if (!warned) warn('nazar: storage.session refused a write; state is kept in memory only', e);
        warned = true;
      }
    },
  };
}
