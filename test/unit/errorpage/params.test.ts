import { describe, expect, it } from 'vitest';
import { createNavigationErrorHandler } from '../../../src/background/navigation-errors';
import { platformOfHost } from '../../../src/core/catalogue';
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

  it('takes the platform from the URL, not from the parameter', () => {
    const p = readErrorPageParams(q({ url: 'https://www.instagram.com/', platform: 'facebook', error: 'dns' }));
    expect(p.platform).toBe('instagram');
    expect(p.errorClass).toBe('dns');
    expect(p.target?.host).toBe('www.instagram.com');
  });

  it('shows a refused URL as text only, and ignores unknown classes and platforms', () => {
    const p = readErrorPageParams(q({ url: 'javascript:alert(1)', platform: 'myspace', error: 'boom' }));
    expect(p.target).toBeNull();
    expect(p.shownUrl).toBe('javascript:alert(1)');
    expect(p.platform).toBeNull();
    expect(p.errorClass).toBeNull();
    expect(readErrorPageParams('').target).toBeNull();
    expect(readErrorPageParams('?url=%E0%A4').target).toBeNull();
  });

  it('reads back exactly what the navigation handler writes', () => {
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
      now: () => 1,
      defer: (fn) => fn(),
    });
    const original = 'https://www.facebook.com/groups/1?ref=bookmarks&x=ä';
    h.onMainFrameError({ url: original, type: 'main_frame', tabId: 1, frameId: 0, error: 'x' });
    const p = readErrorPageParams(new URL(written).search);
    expect(p.target?.url).toBe(new URL(original).href);
    expect(p.platform).toBe('facebook');
    expect(p.errorClass).toBe('dns');
  });
});
