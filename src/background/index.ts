/**
 * The background entry (Chrome: service worker; Firefox: event page, the same code): the browser's
 * APIs handed to background.ts, and every listener registered synchronously on the first run of
 * this script, as both browsers require for events to wake it. Nothing else: what an event means
 * is decided in background.ts and state.ts.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { classifyError, Engine, isWatchedPageUrl, platformOfHost } from '../core';
import { senderRole } from '../shared/protocol/guards';
import { LIVE_PORT } from '../shared/protocol/messages';
import { createBackground } from './background';
import { actionApi, notificationsApi, onNotificationClicked, sessionArea } from './capabilities';
import { createOwnErrorLog, fetchWithBrowserErrors } from './checks/own-errors';
import { handleMessage } from './messages';
import { NOTIF_PREFIX } from './notifications';
import { isOwnRequest, mainFrameLoad, toTraceEvent, type WebRequestKind } from './trace-events';

const manifest = browser.runtime.getManifest();
const hostPermissions = (manifest.host_permissions ?? []) as string[];
const extensionOrigin = browser.runtime.getURL('').replace(/\/$/, '');
/** Watched-site patterns only (the check endpoints have paths, which permissions.contains rejects). */
const watchedPatterns = hostPermissions.filter((p) => p.endsWith('/*') && p.startsWith('*://'));
/** The check endpoints (connectivity, DoH): only our own requests go there. */
const checkPatterns = hostPermissions.filter((p) => !watchedPatterns.includes(p));

/** The browser's reasons for our own checks' failures (a fetch rejection hides them). */
const ownErrors = createOwnErrorLog();

const background = createBackground({
  factory: Engine,
  core: { isWatchedPageUrl, platformOfHost, classify: classifyError },
  // What Firefox for Android lacks or limits degrades quietly (capabilities.ts).
  storage: { session: sessionArea(browser.storage.session), local: browser.storage.local },
  action: actionApi(browser.action),
  notifications: notificationsApi(browser.notifications),
  alarms: browser.alarms,
  tabs: browser.tabs,
  permissions: browser.permissions,
  fetch: fetchWithBrowserErrors((input, init) => fetch(input, init), ownErrors, Date.now),
  now: Date.now,
  extensionId: browser.runtime.id,
  extensionOrigin,
  getURL: (path) => browser.runtime.getURL(path),
  hostOrigins: watchedPatterns,
});

function onRequest(kind: WebRequestKind) {
  return (details: unknown) => {
    if (kind === 'onErrorOccurred' && isOwnRequest(details as object, extensionOrigin)) {
      const d = details as { url?: unknown; error?: unknown };
      if (typeof d.url === 'string' && typeof d.error === 'string') ownErrors.record(d.url, d.error, Date.now());
    }
    const ev = toTraceEvent(kind, details, extensionOrigin);
    background.event(ev, mainFrameLoad(kind, details, ev));
  };
}

const filter = { urls: watchedPatterns };
browser.webRequest.onErrorOccurred.addListener(onRequest('onErrorOccurred'), filter);
// The check endpoints' failures are no platform's evidence, but their reason is: a failed
// connectivity check means "offline" only when the browser says why (offline, DNS, unreachable).
browser.webRequest.onErrorOccurred.addListener(
  (d) => {
    if (isOwnRequest(d, extensionOrigin)) ownErrors.record(d.url, d.error, Date.now());
  },
  { urls: checkPatterns },
);
browser.webRequest.onHeadersReceived.addListener(onRequest('onHeadersReceived'), filter);
browser.webRequest.onCompleted.addListener(onRequest('onCompleted'), filter);

// The browser's own online/offline signal, where the background can see it (Chrome's worker and
// Firefox's event page both have navigator.onLine and the events). Every start says where things
// stand now, online too: a background stopped while offline misses the "online" event.
const connectivity = (online: boolean) => background.event({ event: 'connectivity', timeStamp: Date.now(), online });
if (typeof navigator !== 'undefined' && typeof navigator.onLine === 'boolean') {
  globalThis.addEventListener?.('online', () => connectivity(true));
  globalThis.addEventListener?.('offline', () => connectivity(false));
  connectivity(navigator.onLine);
}

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) =>
  handleMessage(msg, sender, {
    extensionId: browser.runtime.id,
    extensionOrigin,
    getStatus: background.status,
    checkNow: background.checkNow,
    getHistory: background.getHistory,
    clearHistory: background.clearHistory,
    getSettings: background.getSettings,
    setSettings: background.setSettings,
    permissionsChanged: background.permissionsChanged,
    openDetails: background.openDetails,
    otherNetworks: background.otherNetworks,
    retryNavigation: background.retryNavigation,
  }),
);

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== LIVE_PORT) return;
  const role = senderRole(port.sender, browser.runtime.id, extensionOrigin);
  if (!role) {
    console.warn('nazar: refused a live port from an untrusted sender');
    port.disconnect();
    return;
  }
  // A content script's port carries its own platform's verdict only (see messages.ts).
  void background.connect(port, role.kind === 'content-script' ? role.platform : undefined);
});

browser.alarms.onAlarm.addListener((alarm) => void background.onAlarm(alarm.name));

onNotificationClicked(browser.notifications, (id) => {
  if (!id.startsWith(NOTIF_PREFIX)) return;
  void background.openDetails().catch((e) => console.warn('nazar: could not open details', e));
  void browser.notifications.clear?.(id).catch(() => {});
});

browser.permissions.onAdded.addListener(() => void background.permissionsChanged());
browser.permissions.onRemoved.addListener(() => void background.permissionsChanged());
// Both only need the worker to be alive and restored, which loading this script already does.
browser.runtime.onInstalled.addListener(() => void background.permissionsChanged());
browser.runtime.onStartup.addListener(() => void background.permissionsChanged());
