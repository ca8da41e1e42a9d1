/**
 * Issue 12: the error page replaces the browser's own only while the tab is still on the failed
 * load — never over a navigation the user has just started — and its address holds a token, never
 * the failed URL's path or query; a URL on a port other than the default is left to the browser.
 */
import { describe, expect, it } from 'vitest';
import {
  createNavigationErrorHandler,
  REDIRECT_DELAY_MS,
  SETTLE_MS,
  type TabState,
} from '../../../src/background/navigation-errors';
import { classifyError, platformOfHost } from '../../../src/core';
import { shownHost } from '../../../src/core/catalogue';

const FAILED = 'https://www.facebook.com/groups/42/?ref=chat';

/** A handler whose deferred steps run when the test says, and whose tab is what the test says. */
function setup(tabAt: (look: number) => TabState | undefined = () => ({ url: FAILED, status: 'complete' })) {
  const redirects: string[] = [];
  const queue: { fn: () => void; ms: number }[] = [];
  let looks = 0;
  const handler = createNavigationErrorHandler({
    redirect: (_id, url) => void redirects.push(url),
    goBack: () => undefined,
    classify: classifyError,
    platformOfHost,
    verdictOf: () => ({ status: 'down', cause: 'dns' }),
    errorPageUrl: 'chrome-extension://id/src/errorpage/index.html',
    shownHost,
    tabState: async () => tabAt(looks++),
    now: () => 1_000,
    defer: (fn, ms) => void queue.push({ fn, ms }),
  });
  /** Runs the deferred steps (and the tab look-ups they start) until none is left; returns the waits. */
  const settle = async () => {
    const waited: number[] = [];
    while (queue.length) {
      const next = queue.shift()!;
      waited.push(next.ms);
      next.fn();
      await new Promise((r) => setTimeout(r, 0));
    }
    return waited;
  };
  return { handler, redirects, settle };
}

const failure = (over: Record<string, unknown> = {}) => ({
  url: FAILED,
  type: 'main_frame',
  tabId: 4,
  frameId: 0,
  error: 'net::ERR_NAME_NOT_RESOLVED',
  requestId: 'r1',
  ...over,
});

describe('the error-page redirect', () => {
  it('goes ahead when the tab has settled on the failed load; its address holds no path or query', async () => {
    const { handler, redirects, settle } = setup();
    handler.onMainFrameError(failure());
    expect(await settle()).toEqual([REDIRECT_DELAY_MS]);
    expect(redirects).toHaveLength(1);
    const q = new URL(redirects[0]!).searchParams;
    expect([...q.keys()].sort()).toEqual(['error', 'host', 'platform', 't']);
    expect(redirects[0]).not.toMatch(/groups|ref%3D|ref=|chat/);
  });

  it('never overrides a navigation the user has just started (a later top-level load of the tab)', async () => {
    const { handler, redirects, settle } = setup();
    handler.onMainFrameError(failure());
    handler.onMainFrame(4, 'r2');
    await settle();
    expect(redirects).toEqual([]);
  });

  it('not when the tab shows another address, or has a navigation pending', async () => {
    for (const tab of [
      { url: 'https://www.google.com/', status: 'complete' },
      { url: undefined, status: 'complete' },
      { url: FAILED, status: 'complete', pendingUrl: 'https://example.com/' },
      undefined,
    ]) {
      const { handler, redirects, settle } = setup(() => tab);
      handler.onMainFrameError(failure());
      await settle();
      expect(redirects, JSON.stringify(tab)).toEqual([]);
    }
  });

  it('waits for the browser’s own error page to finish loading', async () => {
    const { handler, redirects, settle } = setup((look) => ({
      url: `${FAILED}#top`,
      status: look < 2 ? 'loading' : 'complete',
    }));
    handler.onMainFrameError(failure());
    await settle();
    expect(redirects).toHaveLength(1);
  });

  it(`gives up when the tab never settles within ${SETTLE_MS / 1_000} s (another navigation is loading)`, async () => {
    const { handler, redirects, settle } = setup(() => ({ url: FAILED, status: 'loading' }));
    handler.onMainFrameError(failure());
    const waited = await settle();
    expect(redirects).toEqual([]);
    expect(waited.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(REDIRECT_DELAY_MS + SETTLE_MS);
  });

  it('one redirect when Chrome reports the same failure twice', async () => {
    const { handler, redirects, settle } = setup();
    handler.onMainFrameError(failure());
    expect(handler.onMainFrameError(failure())).toBeNull();
    await settle();
    expect(redirects).toHaveLength(1);
  });

  it('leaves a URL on a port other than the default to the browser', async () => {
    const { handler, redirects, settle } = setup(() => ({ url: 'https://web.whatsapp.com:81/', status: 'complete' }));
    expect(handler.onMainFrameError(failure({ url: 'https://web.whatsapp.com:81/' }))).toBeNull();
    await settle();
    expect(redirects).toEqual([]);
  });

  it('names a host a page could have chosen by its catalogue domain only', async () => {
    const scam = 'https://call-1800-000-2-for-help.whatsapp.net/x';
    const { handler, redirects, settle } = setup(() => ({ url: scam, status: 'complete' }));
    handler.onMainFrameError(failure({ url: scam }));
    await settle();
    expect(new URL(redirects[0]!).searchParams.get('host')).toBe('whatsapp.net');
    expect(redirects[0]).not.toContain('call-1800');
    // The failed URL itself is given back only for this tab and token.
    const token = new URL(redirects[0]!).searchParams.get('t')!;
    expect(handler.allowRetry(5, token)).toBeNull();
    expect(handler.allowRetry(4, token)).toBe(scam);
  });
});
