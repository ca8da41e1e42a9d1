/**
 * What Firefox for Android lacks or limits (no toolbar badge, notifications that may be missing,
 * storage.session that may refuse a write) degrades quietly: detection goes on, nothing throws,
 * and the console hears about it at most once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { createBadgeWriter } from '../../../src/background/badge';
import { actionApi, notificationsApi, onNotificationClicked, sessionArea } from '../../../src/background/capabilities';
import { failure, fakeDeps, memoryArea } from './fakes';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
  vi.doUnmock('webextension-polyfill');
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a browser without the badge, notifications or storage.session', () => {
  it('still detects an outage, keeps it in history, and says nothing in the console', async () => {
    const warn = vi.spyOn(console, 'warn');
    const f = fakeDeps({
      action: actionApi(undefined),
      notifications: notificationsApi(undefined),
      storage: { session: sessionArea(undefined), local: memoryArea() },
    });
    const w = createBackground(f.deps);
    await w.ready;
    for (let i = 0; i < 5; i++) w.event(failure());
    await w.flush();
    await settle();
    expect((await w.status()).platforms.instagram.verdict.status).toBe('down');
    expect(await w.getHistory()).toHaveLength(1);
    expect(f.notifications).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the session state in memory, so the worker reads back what it wrote while it lives', async () => {
    const area = sessionArea(undefined);
    await area.set({ a: { n: 1 }, b: 2 });
    const got = await area.get(['a', 'c']);
    expect(got).toEqual({ a: { n: 1 } });
    // A copy, not the stored object.
    (got.a as { n: number }).n = 9;
    expect(await area.get(['a'])).toEqual({ a: { n: 1 } });
  });
});

describe('the action badge, method by method', () => {
  it('sets what the browser has and skips the rest, with the API as `this`', async () => {
    const warn = vi.spyOn(console, 'warn');
    const titles: string[] = [];
    const action = {
      titles,
      setTitle(this: { titles: string[] }, d: { title: string }) {
        this.titles.push(d.title);
      },
    };
    const write = createBadgeWriter(actionApi(action));
    await write({ kind: 'down', text: '×', color: '#c5221f', title: 'नज़र\nInstagram' });
    expect(titles).toEqual(['नज़र\nInstagram']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('passes every call through where the browser has them all', async () => {
    const calls: string[] = [];
    const action = {
      setBadgeText: (d: { text: string }) => void calls.push(`text ${d.text}`),
      setBadgeBackgroundColor: (d: { color: string }) => void calls.push(`color ${d.color}`),
      setTitle: (d: { title: string }) => void calls.push(`title ${d.title}`),
    };
    await createBadgeWriter(actionApi(action))({ kind: 'degraded', text: '~', color: '#e37400', title: 't' });
    expect(calls).toEqual(['color #e37400', 'text ~', 'title t']);
  });
});

describe('notifications', () => {
  it('are used only where they can be created', () => {
    const real = { create: async (id: string) => id };
    expect(notificationsApi(undefined)).toBeUndefined();
    expect(notificationsApi({})).toBeUndefined();
    expect(notificationsApi(real)).toBe(real);
  });

  it('click listener: registered where there is a click event, skipped without a throw elsewhere', () => {
    const added: unknown[] = [];
    const fn = () => {};
    expect(onNotificationClicked(undefined, fn)).toBe(false);
    expect(onNotificationClicked({ create: () => {} }, fn)).toBe(false);
    expect(onNotificationClicked({ onClicked: { addListener: (l: unknown) => added.push(l) } }, fn)).toBe(true);
    expect(added).toEqual([fn]);
  });
});

describe('storage.session refusing writes (its quota)', () => {
  it('is reported once for many writes; the state in memory and the local area are unaffected', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const refusing = {
      get: async () => ({}),
      set: async () => {
        throw new Error('QuotaExceededError: storage.session quota exceeded');
      },
    };
    const local = memoryArea();
    const f = fakeDeps({ storage: { session: sessionArea(refusing), local } });
    const w = createBackground(f.deps);
    await w.ready;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) w.event(failure());
      await w.flush();
    }
    await w.setSettings({ language: 'en' });
    await settle();
    const refusals = warn.mock.calls.filter((c) => String(c[0]).includes('storage.session refused'));
    expect(refusals).toHaveLength(1);
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('storage write failed'))).toEqual([]);
    expect((await w.status()).platforms.instagram.verdict.status).toBe('down');
    expect(local.data['nazar:settings']).toMatchObject({ language: 'en' });
  });
});

/** A Firefox-for-Android-like `browser`: no action, no storage.session, and notifications as given. */
function phoneBrowser(notifications: object | undefined) {
  const listeners: string[] = [];
  const event = (name: string) => ({ addListener: () => void listeners.push(name) });
  const browser = {
    runtime: {
      id: 'nazar@nazar-extension.org',
      getManifest: () => ({ host_permissions: ['*://*.instagram.com/*'] }),
      getURL: (p: string) => `moz-extension://uuid/${p}`,
      onMessage: event('runtime.onMessage'),
      onConnect: event('runtime.onConnect'),
      onInstalled: event('runtime.onInstalled'),
      onStartup: event('runtime.onStartup'),
    },
    i18n: { getUILanguage: () => 'hi' },
    storage: { local: memoryArea() },
    notifications,
    webRequest: {
      onErrorOccurred: event('webRequest.onErrorOccurred'),
      onHeadersReceived: event('webRequest.onHeadersReceived'),
      onCompleted: event('webRequest.onCompleted'),
    },
    alarms: { create: () => {}, clear: async () => true, onAlarm: event('alarms.onAlarm') },
    tabs: { create: async () => ({}), update: async () => ({}), goBack: async () => {} },
    permissions: {
      contains: async () => true,
      onAdded: event('permissions.onAdded'),
      onRemoved: event('permissions.onRemoved'),
    },
  };
  return { browser, listeners };
}

describe('the background script in such a browser', () => {
  it.each([
    ['no notifications API', undefined],
    ['notifications without click events', { create: async () => 'id' }],
  ])(
    '%s: starts without a throw, registers every listener it has events for, says nothing of what is missing',
    async (_, notifications) => {
      const warn = vi.spyOn(console, 'warn');
      const { browser, listeners } = phoneBrowser(notifications);
      vi.doMock('webextension-polyfill', () => ({ default: browser }));
      await import('../../../src/background/index');
      expect(listeners.sort()).toEqual([
        'alarms.onAlarm',
        'permissions.onAdded',
        'permissions.onRemoved',
        'runtime.onConnect',
        'runtime.onInstalled',
        'runtime.onMessage',
        'runtime.onStartup',
        'webRequest.onCompleted',
        'webRequest.onErrorOccurred', // the platforms' requests
        'webRequest.onErrorOccurred', // Nazar's own checks: the browser's reason for a failed check
        'webRequest.onHeadersReceived',
      ]);
      await settle();
      // (A first start with nothing stored does say so: "engine state not restored: no saved state".)
      const said = warn.mock.calls.map((c) => String(c[0]));
      expect(said.filter((w) => /badge|notification|storage|action/i.test(w))).toEqual([]);
    },
  );
});
