import { describe, expect, it } from 'vitest';
import { CheckFetchError, createOwnErrorLog, fetchWithBrowserErrors } from '../../../src/background/checks/own-errors';
import { probePlatform } from '../../../src/background/checks/probes';
import { classifyError } from '../../../src/core';

const rejecting: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('own error log', () => {
  it('finds the error for the same origin and path, ignoring the query, only since the check began', () => {
    const log = createOwnErrorLog();
    log.record('https://cloudflare-dns.com/dns-query?name=www.facebook.com&type=A', 'net::ERR_CONNECTION_RESET', 1000);
    expect(log.find('https://cloudflare-dns.com/dns-query?name=web.whatsapp.com', 900)).toBe(
      'net::ERR_CONNECTION_RESET',
    );
    expect(log.find('https://cloudflare-dns.com/dns-query', 1001)).toBeUndefined();
    expect(log.find('https://www.facebook.com/favicon.ico', 0)).toBeUndefined();
    expect(log.find('not a url', 0)).toBeUndefined();
  });

  it('stays small however many requests fail', () => {
    const log = createOwnErrorLog();
    for (let i = 0; i < 10_000; i++) log.record(`https://h${i}.facebook.com/x`, 'net::ERR_FAILED', i);
    expect(log.find('https://h9999.facebook.com/x', 0)).toBe('net::ERR_FAILED');
    expect(log.find('https://h0.facebook.com/x', 0)).toBeUndefined();
  });
});

describe('fetchWithBrowserErrors', () => {
  it('carries the browser string seen by our listener, even when the event comes after the rejection', async () => {
    const log = createOwnErrorLog();
    const f = fetchWithBrowserErrors(rejecting, log, () => 5000);
    setTimeout(() => log.record('https://www.instagram.com/favicon.ico', 'net::ERR_NAME_NOT_RESOLVED', 5000), 30);
    const err = await f('https://www.instagram.com/favicon.ico').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFetchError);
    expect((err as CheckFetchError).browserError).toBe('net::ERR_NAME_NOT_RESOLVED');
  });

  it('rethrows the original error when no browser string arrives', async () => {
    const f = fetchWithBrowserErrors(rejecting, createOwnErrorLog(), () => 0, 50);
    const err = await f('https://www.instagram.com/favicon.ico').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(err).not.toBeInstanceOf(CheckFetchError);
  });

  it('lets a platform probe report a resolver failure as dns, not unknown', async () => {
    const log = createOwnErrorLog();
    log.record('https://www.instagram.com/favicon.ico', 'NS_ERROR_UNKNOWN_HOST', 10);
    const ev = await probePlatform(
      { fetch: fetchWithBrowserErrors(rejecting, log, () => 10), now: () => 20 },
      'instagram',
    );
    expect(ev).toMatchObject({ event: 'probe', target: 'instagram', ok: false, error: 'NS_ERROR_UNKNOWN_HOST' });
    expect(classifyError((ev as { error: string }).error)).toBe('dns');
  });
});
