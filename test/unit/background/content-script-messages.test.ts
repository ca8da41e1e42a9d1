/**
 * Issue 12, messages by sender: a content script (any page on a watched site shares its renderer)
 * may ask only what the banner needs, and gets only its own platform's verdict and the language —
 * no evidence, DNS answers, check results or other platforms, by message or over its live port.
 */
import { describe, expect, it, vi } from 'vitest';
import { createLivePorts } from '../../../src/background/live';
import { handleMessage, type MessageContext, pageUpdate } from '../../../src/background/messages';
import type { PlatformReport } from '../../../src/core/types';
import type { StatusReport } from '../../../src/shared/protocol/messages';
import { DEFAULT_SETTINGS } from '../../../src/shared/protocol/settings';

const report = (status: 'up' | 'down'): PlatformReport => ({
  verdict: {
    platform: 'whatsapp',
    status,
    cause: status === 'up' ? 'none' : 'dns',
    scope: 'meta',
    since: 5,
    updatedAt: 6,
  },
  evidence: {
    windowMs: 30_000,
    total: 9,
    failed: 9,
    byClass: { dns: 9 },
    hosts: ['web.whatsapp.com'],
    firstFailureAt: 1,
    lastSuccessAt: null,
    lastFailureAt: 6,
    checks: { dns: { at: 3, status: 0, answers: 1, inMetaSpace: false }, platform: { at: 3, ok: false } },
  },
});
const STATUS = {
  generatedAt: 7,
  online: true,
  platforms: { whatsapp: report('down'), facebook: report('down'), instagram: report('up') },
  hostPermissions: true,
  lastCheckAt: 3,
  checking: false,
} as unknown as StatusReport;

function ctx(): MessageContext & { calls: string[] } {
  const calls: string[] = [];
  const rec =
    <T>(name: string, v: T) =>
    async (...args: unknown[]) => {
      calls.push(`${name}${args.length ? `:${JSON.stringify(args)}` : ''}`);
      return v;
    };
  return {
    calls,
    extensionId: 'me',
    extensionOrigin: 'chrome-extension://me',
    getStatus: rec('status', STATUS),
    checkNow: rec('check', STATUS),
    getHistory: rec('history', []),
    clearHistory: rec('clear', undefined),
    getSettings: rec('settings', DEFAULT_SETTINGS),
    setSettings: rec('set', DEFAULT_SETTINGS),
    permissionsChanged: rec('perms', undefined),
    openDetails: rec('details', undefined),
    otherNetworks: rec('others', STATUS),
    retryNavigation: (tab, token) => {
      calls.push(`retry:${tab}:${token}`);
      return 'https://web.whatsapp.com/secret/chat';
    },
  };
}

const whatsappTab = { id: 'me', url: 'https://web.whatsapp.com/', tab: { id: 3 } };
const ONLY_VERDICT = {
  generatedAt: 7,
  platforms: {
    whatsapp: {
      verdict: { platform: 'whatsapp', status: 'down', cause: 'dns', scope: 'meta', since: 5, updatedAt: 6 },
    },
  },
};

describe('a content script gets its own platform’s verdict and nothing else', () => {
  it('get-status: the verdict of WhatsApp only, no evidence or checks', async () => {
    const c = ctx();
    expect(await handleMessage({ type: 'get-status' }, whatsappTab, c)).toEqual(ONLY_VERDICT);
  });

  it('get-settings: the language only', async () => {
    expect(await handleMessage({ type: 'get-settings' }, whatsappTab, ctx())).toEqual({ language: 'auto' });
  });

  it('open-details opens its own platform, whatever the message names', async () => {
    const c = ctx();
    expect(await handleMessage({ type: 'open-details', platform: 'instagram' }, whatsappTab, c)).toEqual({ ok: true });
    expect(c.calls).toEqual(['details:["whatsapp"]']);
  });

  it('may not check, change settings, read or clear history, or get a failed URL back', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const c = ctx();
    for (const m of [
      { type: 'check-now' },
      { type: 'get-history' },
      { type: 'clear-history' },
      { type: 'set-settings', patch: { notifications: false } },
      { type: 'permissions-changed' },
      { type: 'retry-navigation', token: '0123456789abcdef0123456789abcdef' },
    ])
      expect(handleMessage(m, whatsappTab, c), m.type).toBeUndefined();
    expect(c.calls).toEqual([]);
    warn.mockRestore();
  });

  it('is no content script on a watched name served on another port or over http', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const c = ctx();
    for (const url of ['https://web.whatsapp.com:8443/', 'http://web.whatsapp.com/', 'https://g.whatsapp.net/'])
      expect(handleMessage({ type: 'get-status' }, { id: 'me', url, tab: { id: 3 } }, c), url).toBeUndefined();
    expect(c.calls).toEqual([]);
    warn.mockRestore();
  });

  it('the extension’s own pages still get everything', async () => {
    const page = { id: 'me', url: 'chrome-extension://me/src/popup/index.html' };
    expect(await handleMessage({ type: 'get-status' }, page, ctx())).toBe(STATUS);
  });

  it('its live port carries the same cut-down verdict; the popup’s port the full report', () => {
    const live = createLivePorts();
    const got: Record<string, unknown[]> = { banner: [], popup: [] };
    const port = (name: string) => ({
      name: 'nazar-live',
      postMessage: (m: unknown) => void got[name]!.push(m),
      onDisconnect: { addListener: () => {} },
    });
    live.add(port('banner'), (u) => pageUpdate(u, 'whatsapp'));
    live.add(port('popup'));
    live.push({ type: 'status', report: STATUS });
    live.push({ type: 'settings', settings: { ...DEFAULT_SETTINGS, language: 'hi' } });
    expect(got.banner).toEqual([
      { type: 'status', report: ONLY_VERDICT },
      { type: 'settings', settings: { language: 'hi' } },
    ]);
    expect(got.popup![0]).toEqual({ type: 'status', report: STATUS });
  });
});
