/**
 * The real PopupHost. Firefox's `browser.*` and Chromium's MV3 `chrome.*` both return promises
 * for every call used here, so the popup uses them directly with webextension-polyfill's types:
 * the polyfill itself would cost 10 KB of the 35 KB popup budget for no behaviour we need.
 */
import type Browser from 'webextension-polyfill';
import type { Lang, MessageSource, Messages } from '../shared/i18n';
import { LIVE_PORT } from '../shared/messages';
import { STORAGE } from '../shared/storage-keys';
import type { PopupHost, Stored } from './host';

/** The sites Nazar watches, from the manifest itself, so the request matches what was declared. */
const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
const browser = (g.browser ?? g.chrome) as typeof Browser;

/** Which storage area holds each stored key (see storage-keys.ts). */
const WHERE = [
  ['report', 'session'],
  ['settings', 'local'],
  ['history', 'local'],
] as const;

function hostOrigins(): string[] {
  const m = browser.runtime.getManifest() as { host_permissions?: string[] };
  return m.host_permissions ?? [];
}

export function browserHost(): PopupHost {
  return {
    async readStored() {
      const [session, local] = await Promise.all([
        browser.storage.session?.get(STORAGE.report).catch(() => ({})) ?? Promise.resolve({}),
        browser.storage.local.get([STORAGE.settings, STORAGE.history]).catch(() => ({})),
      ]);
      const s = session as Record<string, unknown>;
      const l = local as Record<string, unknown>;
      return { report: s[STORAGE.report], settings: l[STORAGE.settings], history: l[STORAGE.history] };
    },
    send: (req) => browser.runtime.sendMessage(req),
    connect(onUpdate, onGone) {
      let port: ReturnType<typeof browser.runtime.connect> | null = null;
      try {
        port = browser.runtime.connect({ name: LIVE_PORT });
        port.onMessage.addListener((m: unknown) => onUpdate(m));
        port.onDisconnect.addListener(() => {
          port = null;
          onGone();
        });
      } catch {
        onGone();
      }
      return () => port?.disconnect();
    },
    async loadMessages(lang: Lang): Promise<MessageSource> {
      // The browser's locale is the one needed (the usual case): no file to fetch and parse, which
      // was most of the popup's first-render time.
      if (browser.i18n.getMessage('locale_code') === lang)
        return (key, subs) => browser.i18n.getMessage(key, subs) || undefined;
      const res = await fetch(browser.runtime.getURL(`_locales/${lang}/messages.json`));
      return (await res.json()) as Messages;
    },
    requestHostPermissions() {
      // No await before this call: it must run inside the click's user gesture.
      return browser.permissions.request({ origins: hostOrigins() });
    },
    onStored(listener) {
      const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const out: Partial<Stored> = {};
        for (const [key, where] of WHERE)
          if (area === where && STORAGE[key] in changes) out[key] = changes[STORAGE[key]]?.newValue;
        if (Object.keys(out).length) listener(out);
      };
      browser.storage.onChanged.addListener(handler);
      return () => browser.storage.onChanged.removeListener(handler);
    },
  };
}
