/**
 * The real PopupHost. Firefox's `browser.*` and Chromium's MV3 `chrome.*` both return promises
 * for every call used here, so the popup uses them directly with webextension-polyfill's types:
 * the polyfill itself would cost 10 KB of the 35 KB popup budget for no behaviour we need.
 */
import type Browser from 'webextension-polyfill';
import type { Lang, MessageSource, Messages } from '../shared/i18n';
import { ask, connectLive, type RuntimeLike } from '../shared/protocol/client';
import { STORED } from '../shared/protocol/storage';
import type { PopupHost, Stored, StoredName } from './host';

/** The sites Nazar watches, from the manifest itself, so the request matches what was declared. */
const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
const browser = (g.browser ?? g.chrome) as typeof Browser;

/** What the popup reads, in the storage table's areas. */
const READ: readonly StoredName[] = ['report', 'settings', 'history'];

function hostOrigins(): string[] {
  const m = browser.runtime.getManifest() as { host_permissions?: string[] };
  return m.host_permissions ?? [];
}

export function browserHost(): PopupHost {
  return {
    async readStored() {
      const out = {} as Stored;
      await Promise.all(
        READ.map(async (name) => {
          const { key, area } = STORED[name];
          const got = (await browser.storage[area]?.get(key).catch(() => ({}))) as Record<string, unknown> | undefined;
          out[name] = got?.[key];
        }),
      );
      return out;
    },
    send: (req) => ask(browser.runtime, req),
    connect: (handlers) => connectLive(browser.runtime as unknown as RuntimeLike, handlers).stop,
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
        for (const name of READ) {
          const { key, area: where } = STORED[name];
          if (area === where && key in changes) out[name] = changes[key]?.newValue;
        }
        if (Object.keys(out).length) listener(out);
      };
      browser.storage.onChanged.addListener(handler);
      return () => browser.storage.onChanged.removeListener(handler);
    },
  };
}
