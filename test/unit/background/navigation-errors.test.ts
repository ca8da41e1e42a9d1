import { describe, expect, it } from 'vitest';
import {
  createNavigationErrorHandler,
  MAX_REDIRECTS,
  type NavigationErrorDeps,
  RETRY_TTL_MS,
} from '../../../src/background/navigation-errors';
import { shownHost } from '../../../src/core/catalogue';
import type { ErrorClass, PlatformId, Status } from '../../../src/core/types';

// A stand-in for the engine's classifier: only the strings these tests use.
const CLASSES: Record<string, ErrorClass> = {
  'net::ERR_NAME_NOT_RESOLVED': 'dns',
  NS_ERROR_UNKNOWN_HOST: 'dns',
  'net::ERR_CONNECTION_REFUSED': 'unreachable',
  'net::ERR_CONNECTION_RESET': 'unreachable',
  'net::ERR_CERT_AUTHORITY_INVALID': 'tls',
  'net::ERR_INTERNET_DISCONNECTED': 'offline',
  'net::ERR_ABORTED': 'ignore',
  NS_BINDING_ABORTED: 'ignore',
  'net::ERR_BLOCKED_BY_CLIENT': 'ignore',
  'net::ERR_SOMETHING_NEW': 'unknown',
};
const platformOfHost = (h: string): PlatformId | null =>
  /(^|\.)whatsapp\.com$/.test(h)
    ? 'whatsapp'
    : /(^|\.)facebook\.com$/.test(h)
      ? 'facebook'
      : /(^|\.)instagram\.com$/.test(h)
        ? 'instagram'
        : null;

function setup(initial: Status = 'down') {
  const redirects: Array<[number, string]> = [];
  const backs: number[] = [];
  let clock = 1_000_000;
  const verdicts: Record<PlatformId, { status: Status; cause: string }> = {
    whatsapp: { status: initial, cause: 'dns' },
    facebook: { status: initial, cause: 'dns' },
    instagram: { status: initial, cause: 'dns' },
  };
  const deps: NavigationErrorDeps = {
    redirect: (tabId, url) => redirects.push([tabId, url]),
    goBack: (tabId) => backs.push(tabId),
    classify: (e) => CLASSES[e] ?? 'unknown',
    platformOfHost,
    verdictOf: (p) => verdicts[p],
    errorPageUrl: 'chrome-extension://abc/src/errorpage/index.html',
    shownHost,
    now: () => clock,
    defer: (fn) => fn(),
  };
  const handler = createNavigationErrorHandler(deps);
  return {
    handler,
    redirects,
    backs,
    verdicts,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const fail = (over: Partial<{ url: string; type: string; tabId: number; frameId: number; error: string }> = {}) => ({
  url: 'https://www.facebook.com/some/path?q=1',
  type: 'main_frame',
  tabId: 7,
  frameId: 0,
  error: 'net::ERR_NAME_NOT_RESOLVED',
  ...over,
});

describe('which failures are redirected', () => {
  const errors = Object.keys(CLASSES);
  const types = ['main_frame', 'sub_frame', 'xmlhttprequest', 'image', 'script'];
  const hosts = [
    ['https://www.facebook.com/', 'facebook'],
    ['https://m.facebook.com/x', 'facebook'],
    ['https://web.whatsapp.com/', 'whatsapp'],
    ['https://www.instagram.com/p/1', 'instagram'],
    ['https://example.com/', null],
    ['https://facebook.com.evil.example/', null],
    ['https://notfacebook.com/', null],
  ] as const;
  for (const error of errors) {
    for (const type of types) {
      for (const [url, platform] of hosts) {
        const cls = CLASSES[error]!;
        const expected =
          type === 'main_frame' && platform !== null && ['dns', 'unreachable', 'tls', 'offline'].includes(cls);
        it(`${error} × ${type} × ${url} → ${expected ? 'error page' : 'untouched'}`, () => {
          const { handler, redirects } = setup();
          const out = handler.onMainFrameError(fail({ url, type, error }));
          expect(out !== null).toBe(expected);
          expect(redirects.length).toBe(expected ? 1 : 0);
          if (expected) {
            const target = new URL(redirects[0]![1]);
            expect(redirects[0]![0]).toBe(7);
            expect(target.protocol).toBe('chrome-extension:');
            expect(target.pathname).toBe('/src/errorpage/index.html');
            // No path or query of the failed URL: a token, the platform, the class, a known host.
            expect(target.searchParams.get('url')).toBeNull();
            expect(target.searchParams.get('t')).toMatch(/^[0-9a-f]{32}$/);
            expect(target.searchParams.get('host')).toBe(new URL(url).hostname);
            expect(target.searchParams.get('platform')).toBe(platform);
            expect(target.searchParams.get('error')).toBe(cls);
          }
        });
      }
    }
  }

  it('leaves sub-frames alone even when typed main_frame by mistake (frameId ≠ 0)', () => {
    const { handler, redirects } = setup();
    expect(handler.onMainFrameError(fail({ frameId: 3 }))).toBeNull();
    expect(redirects).toEqual([]);
  });

  it('leaves loads without a tab alone (tabId -1: the extension’s own or prefetch requests)', () => {
    const { handler, redirects } = setup();
    expect(handler.onMainFrameError(fail({ tabId: -1 }))).toBeNull();
    expect(redirects).toEqual([]);
  });

  it('survives malformed details', () => {
    const { handler, redirects } = setup();
    const bad: unknown[] = [
      null,
      undefined,
      42,
      {},
      { type: 'main_frame' },
      fail({ url: 'not a url' }),
      fail({ url: 'ftp://www.facebook.com/' }),
      { ...fail(), error: 7 },
      { ...fail(), tabId: '7' },
      { ...fail(), tabId: 1.5 },
    ];
    for (const d of bad) {
      expect(() => handler.onMainFrameError(d as never)).not.toThrow();
    }
    expect(redirects).toEqual([]);
  });
});

/** The token in the error-page address the handler last redirected to. */
const tokenOf = (redirects: Array<[number, string]>) =>
  new URL(redirects[redirects.length - 1]![1]).searchParams.get('t') ?? '';

describe('no redirect loops', () => {
  it('lets the retried load through once when the verdict is unchanged, then redirects again', () => {
    const { handler, redirects } = setup();
    expect(handler.onMainFrameError(fail())).not.toBeNull();
    // The error page gets the failed URL back only with its token, for its own tab.
    expect(handler.allowRetry(7, tokenOf(redirects))).toBe('https://www.facebook.com/some/path?q=1');
    expect(handler.onMainFrameError(fail())).toBeNull();
    expect(redirects.length).toBe(1);
    // A later failing load (not a retry) gets the error page again.
    expect(handler.onMainFrameError(fail())).not.toBeNull();
    expect(redirects.length).toBe(2);
  });

  it('redirects a retried load again when the verdict changed since the retry', () => {
    const { handler, redirects, verdicts } = setup();
    handler.onMainFrameError(fail());
    handler.allowRetry(7, tokenOf(redirects));
    verdicts.facebook = { status: 'down', cause: 'unreachable' };
    expect(handler.onMainFrameError(fail())).not.toBeNull();
    expect(redirects.length).toBe(2);
  });

  it('matches the retry by platform, so facebook.com → www.facebook.com still counts', () => {
    const { handler, redirects } = setup();
    handler.onMainFrameError(fail({ url: 'https://facebook.com/' }));
    handler.allowRetry(7, tokenOf(redirects));
    expect(handler.onMainFrameError(fail({ url: 'https://www.facebook.com/' }))).toBeNull();
    expect(redirects.length).toBe(1);
  });

  it('a retry in one tab does not let another tab or another platform through', () => {
    const { handler, redirects } = setup();
    handler.onMainFrameError(fail());
    handler.allowRetry(7, tokenOf(redirects));
    expect(handler.onMainFrameError(fail({ tabId: 8 }))).not.toBeNull();
    handler.onMainFrameError(fail({ tabId: 9 }));
    handler.allowRetry(9, tokenOf(redirects));
    expect(handler.onMainFrameError(fail({ tabId: 9, url: 'https://www.instagram.com/' }))).not.toBeNull();
    expect(redirects.length).toBe(4);
  });

  it('forgets a stale retry allowance', () => {
    const { handler, redirects, advance } = setup();
    handler.onMainFrameError(fail());
    handler.allowRetry(7, tokenOf(redirects));
    advance(RETRY_TTL_MS + 1);
    expect(handler.onMainFrameError(fail())).not.toBeNull();
    expect(redirects.length).toBe(2);
  });

  it('ignores retry requests with a token that is not this tab’s, or bad input', () => {
    const { handler, redirects } = setup();
    handler.onMainFrameError(fail());
    const token = tokenOf(redirects);
    expect(handler.allowRetry(8, token)).toBeNull();
    expect(handler.allowRetry(7, 'f'.repeat(32))).toBeNull();
    expect(handler.allowRetry(7, 'javascript:alert(1)')).toBeNull();
    expect(handler.allowRetry(-1, token)).toBeNull();
    expect(handler.allowRetry(7, 42 as never)).toBeNull();
    expect(handler.onMainFrameError(fail())).not.toBeNull();
    expect(redirects.length).toBe(2);
  });

  it('Back from the error page: the failed entry reloads and fails, and the tab steps back once more', () => {
    const { handler, redirects, backs, verdicts } = setup();
    handler.onMainFrameError(fail());
    handler.allowRetry(7, tokenOf(redirects), 'back');
    // Whatever the verdict is by then: Back must leave, not land on the browser's page.
    verdicts.facebook = { status: 'down', cause: 'unreachable' };
    expect(handler.onMainFrameError(fail())).toBeNull();
    expect(backs).toEqual([7]);
    expect(redirects.length).toBe(1);
    // Used up: the next failing load of the site is a new one, and gets the error page.
    expect(handler.onMainFrameError(fail())).not.toBeNull();
    expect(backs).toEqual([7]);
  });

  it("a retry replaces the page's Back allowance: the retried load is let through, no step back", () => {
    const { handler, redirects, backs } = setup();
    handler.onMainFrameError(fail());
    handler.allowRetry(7, tokenOf(redirects), 'back');
    handler.allowRetry(7, tokenOf(redirects), 'retry');
    expect(handler.onMainFrameError(fail())).toBeNull();
    expect(backs).toEqual([]);
    expect(redirects.length).toBe(1);
  });

  it('a Back allowance of one tab or platform does not move another tab', () => {
    const { handler, redirects, backs } = setup();
    handler.onMainFrameError(fail());
    handler.allowRetry(7, tokenOf(redirects), 'back');
    expect(handler.onMainFrameError(fail({ tabId: 8 }))).not.toBeNull();
    handler.onMainFrameError(fail({ tabId: 9 }));
    handler.allowRetry(9, tokenOf(redirects), 'back');
    expect(handler.onMainFrameError(fail({ tabId: 9, url: 'https://www.instagram.com/' }))).not.toBeNull();
    expect(backs).toEqual([]);
  });

  it('caps redirects per tab even if something unforeseen loops', () => {
    const { handler, redirects, advance } = setup();
    for (let i = 0; i < MAX_REDIRECTS + 3; i++) handler.onMainFrameError(fail());
    expect(redirects.length).toBe(MAX_REDIRECTS);
    advance(31_000);
    expect(handler.onMainFrameError(fail())).not.toBeNull();
  });
});

describe('redirect timing', () => {
  it('redirects a moment later by default, not synchronously', async () => {
    const redirects: string[] = [];
    const h = createNavigationErrorHandler({
      redirect: (_t, url) => redirects.push(url),
      goBack: () => undefined,
      classify: () => 'dns',
      platformOfHost: () => 'facebook',
      verdictOf: () => ({ status: 'down', cause: 'dns' }),
      errorPageUrl: 'moz-extension://x/src/errorpage/index.html',
      shownHost,
      now: () => 0,
    });
    h.onMainFrameError(fail());
    expect(redirects).toEqual([]);
    await new Promise((r) => setTimeout(r, 400));
    expect(redirects.length).toBe(1);
  });
});
