import { describe, expect, it, vi } from 'vitest';
import { handleMessage, type MessageContext } from '../../../src/background/messages';

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
    getStatus: rec('status', { generatedAt: 1 } as never),
    checkNow: rec('check', { generatedAt: 2 } as never),
    getHistory: rec('history', []),
    clearHistory: rec('clear', undefined),
    getSettings: rec('settings', {} as never),
    setSettings: rec('set', {} as never),
    permissionsChanged: rec('perms', undefined),
    openDetails: rec('details', undefined),
    otherNetworks: rec('others', { generatedAt: 3 } as never),
    retryNavigation: (tab, token, purpose) => {
      calls.push(`retry:${tab}:${token}:${purpose}`);
      return null;
    },
  };
}

const page = { id: 'me', url: 'chrome-extension://me/src/popup/index.html' };
const TOKEN = '0123456789abcdef0123456789abcdef';
const content = { id: 'me', url: 'https://web.whatsapp.com/', tab: { id: 3 } };

describe('background message handling', () => {
  it('answers every request type from trusted senders', async () => {
    const c = ctx();
    expect(await handleMessage({ type: 'get-status' }, page, c)).toEqual({ generatedAt: 1 });
    expect(await handleMessage({ type: 'check-now' }, page, c)).toEqual({ generatedAt: 2 });
    expect(await handleMessage({ type: 'get-history' }, page, c)).toEqual([]);
    expect(await handleMessage({ type: 'clear-history' }, page, c)).toEqual({ ok: true });
    await handleMessage({ type: 'get-settings' }, page, c);
    await handleMessage({ type: 'set-settings', patch: { notifications: false } }, page, c);
    await handleMessage({ type: 'permissions-changed' }, page, c);
    await handleMessage({ type: 'open-details', platform: 'instagram' }, content, c);
    await handleMessage({ type: 'retry-navigation', token: TOKEN }, { ...page, tab: { id: 9 } }, c);
    await handleMessage({ type: 'retry-navigation', token: TOKEN, purpose: 'back' }, { ...page, tab: { id: 9 } }, c);
    expect(c.calls).toEqual([
      'status',
      'check',
      'history',
      'clear',
      'settings',
      'set:[{"notifications":false}]',
      'perms',
      // A content script opens the details of its own platform, whatever it names.
      'details:["whatsapp"]',
      `retry:9:${TOKEN}:retry`,
      `retry:9:${TOKEN}:back`,
    ]);
  });

  it('ignores forged senders and malformed messages, and logs them', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const c = ctx();
    const forged = [
      [{ type: 'get-status' }, undefined],
      [{ type: 'get-status' }, { id: 'other-extension', url: 'chrome-extension://other/x' }],
      [{ type: 'get-status' }, { id: 'me', url: 'https://evil.example/', tab: { id: 1 } }],
      [{ type: 'get-status' }, { id: 'me', url: 'https://web.whatsapp.com.evil.example/', tab: { id: 1 } }],
      [{ type: 'clear-history' }, { id: 'me', url: 'chrome-extension://me.evil/x' }],
    ] as const;
    for (const [m, s] of forged) expect(handleMessage(m, s, c)).toBeUndefined();
    const malformed: unknown[] = [
      null,
      'get-status',
      { type: 'get-status', extra: 1 },
      { type: 'drop-tables' },
      { type: 'set-settings', patch: { notifications: 'yes' } },
      { type: 'set-settings', patch: { checks: { evil: true } } },
      { type: 'open-details', platform: 'myspace' },
      { type: 'retry-navigation', url: 'https://web.whatsapp.com/' },
      { type: 'retry-navigation', token: 'javascript:alert(1)' },
      { type: 'retry-navigation', token: 'a'.repeat(5000) },
      { type: 'retry-navigation', token: TOKEN, purpose: 'forward' },
      { type: 'retry-navigation', token: TOKEN, purpose: 'back', extra: 1 },
    ];
    for (const m of malformed) expect(handleMessage(m, page, c)).toBeUndefined();
    expect(c.calls).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(forged.length + malformed.length);
    warn.mockRestore();
  });
});
