import { describe, expect, it } from 'vitest';
import { createNavigationErrorHandler } from '../../../src/background/navigation-errors';
import { platformOfHost, shownHost } from '../../../src/core/catalogue';
import { readErrorPageParams, safeTarget } from '../../../src/errorpage/params';

const q = (o: Record<string, string>) => `?${new URLSearchParams(o).toString()}`;

describe('error page URL validation', () => {
  const follow = [
    ['https://www.facebook.com/', 'facebook'],
    ['https://web.whatsapp.com/', 'whatsapp'],
    ['http://instagram.com/p/abc?x=1#y', 'instagram'],
    ['https://M.FACEBOOK.COM/home', 'facebook'],
  ] as const;
  for (const [url, platform] of follow) {
    it(`follows ${url}`, () => {
      const t = safeTarget(url);
      expect(t?.platform).toBe(platform);
      expect(new URL(t!.url).href).toBe(new URL(url).href);
    });
  }

  const refuse = [
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'chrome://settings',
    'file:///etc/passwd',
    'https://example.com/',
    'https://facebook.com.evil.example/',
    'https://evilfacebook.com/',
    'https://user:pass@www.facebook.com/',
    'https://www.facebook.com@evil.example/',
    'not a url',
    '',
    `https://www.facebook.com/${'a'.repeat(5000)}`,
  ];
  for (const url of refuse) {
    it(`refuses ${url.slice(0, 40)}`, () => expect(safeTarget(url)).toBeNull());
  }

  it('refuses a URL on a port other than the default', () => {
    expect(safeTarget('https://web.whatsapp.com:81/')).toBeNull();
  });

  it('names a host only when it belongs to the platform named', () => {
    const p = readErrorPageParams(q({ host: 'www.instagram.com', platform: 'facebook', error: 'dns' }));
    expect(p.platform).toBe('facebook');
    expect(p.host).toBeNull();
    expect(p.errorClass).toBe('dns');
  });

  it('shows a host a page chose as its catalogue domain, and ignores unknown classes, platforms and tokens', () => {
    const p = readErrorPageParams(
      q({ host: 'call-1800-000-2-for-help.whatsapp.net', platform: 'myspace', error: 'boom', t: 'x' }),
    );
    expect(p.host).toBe('whatsapp.net');
    expect(p.platform).toBe('whatsapp');
    expect(p.errorClass).toBeNull();
    expect(p.token).toBeNull();
    expect(readErrorPageParams('?host=evil.example').host).toBeNull();
    expect(readErrorPageParams('').platform).toBeNull();
  });

  it('reads back exactly what the navigation handler writes, which holds no path or query', () => {
    let written = '';
    const h = createNavigationErrorHandler({
      redirect: (_t, url) => {
        written = url;
      },
      goBack: () => undefined,
      classify: () => 'dns',
      platformOfHost,
      verdictOf: () => ({ status: 'down', cause: 'dns' }),
      errorPageUrl: 'chrome-extension://id/src/errorpage/index.html',
      shownHost,
      now: () => 1,
      defer: (fn) => fn(),
    });
    const original = 'https://www.facebook.com/groups/1?ref=bookmarks&x=ä';
    h.onMainFrameError({ url: original, type: 'main_frame', tabId: 1, frameId: 0, error: 'x' });
    expect(written).not.toMatch(/groups|bookmarks|ref=/);
    const p = readErrorPageParams(new URL(written).search);
    expect(p.host).toBe('www.facebook.com');
    expect(p.platform).toBe('facebook');
    expect(p.errorClass).toBe('dns');
    expect(h.allowRetry(1, p.token!)).toBe(original);
  });
});
