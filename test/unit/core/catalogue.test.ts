import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attribute,
  CATALOGUE,
  HOST_MATCH_PATTERNS,
  isWatchedPageUrl,
  ownerOfHost,
  ownerOfUrl,
  platformOfHost,
} from '../../../src/core/catalogue';
import { hostOf } from '../../../src/core/host';

describe('platformOfHost', () => {
  it.each([
    ['web.whatsapp.com', 'whatsapp'],
    ['whatsapp.com', 'whatsapp'],
    ['mmg.whatsapp.net', 'whatsapp'],
    ['media-del1-1.cdn.whatsapp.net', 'whatsapp'],
    ['static.whatsapp.net', 'whatsapp'],
    ['wa.me', 'whatsapp'],
    ['www.facebook.com', 'facebook'],
    ['edge-chat.facebook.com', 'facebook'],
    ['star.c10r.facebook.com', 'facebook'],
    ['m.facebook.com', 'facebook'],
    ['fb.com', 'facebook'],
    ['scontent.fdel1-1.fna.fbcdn.net', 'facebook'],
    ['static.xx.fbcdn.net', 'facebook'],
    ['www.messenger.com', 'facebook'],
    ['cdn.fbsbx.com', 'facebook'],
    ['www.instagram.com', 'instagram'],
    ['i.instagram.com', 'instagram'],
    ['scontent.cdninstagram.com', 'instagram'],
    ['WWW.Facebook.COM.', 'facebook'],
    ['connect.facebook.net', null],
    ['evilfacebook.com', null],
    ['facebook.com.evil.in', null],
    ['notwhatsapp.net', null],
    ['example.com', null],
    ['', null],
  ])('%s → %s', (host, platform) => {
    expect(platformOfHost(host)).toBe(platform);
  });
});

describe('hostOf and ownerOfUrl', () => {
  it.each([
    ['https://web.whatsapp.com/path?q=1', 'web.whatsapp.com'],
    ['wss://web.whatsapp.com:443/ws/chat', 'web.whatsapp.com'],
    ['https://user:pw@www.Facebook.com./x', 'www.facebook.com'],
    ['https://www.instagram.com?x', 'www.instagram.com'],
    ['https://[2a03:2880::1]:8443/', '2a03:2880::1'],
    ['not a url', ''],
    ['moz-extension://abc/page.html', 'abc'],
  ])('%s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });

  it('the fast path agrees with the general one, unusual URLs included', () => {
    for (const url of [
      'https://WEB.WHATSAPP.COM/',
      'https://www.facebook.com:8443/',
      'https://x@i.instagram.com/',
      'https://fbcdn.net.',
      'https://example.org/facebook.com',
      'https:///',
      'https://www.instagram.com?x=/a',
      'wss://web.whatsapp.com/ws',
    ]) {
      const host = hostOf(url);
      expect(ownerOfUrl(url), url).toBe(host ? ownerOfHost(host) : null);
    }
    expect(ownerOfUrl('https://WEB.WHATSAPP.COM/')).toBe('whatsapp');
    expect(ownerOfUrl('https://example.org/facebook.com')).toBeNull();
    expect(ownerOfUrl('https://scontent.fdel1-1.fna.fbcdn.net/x')).toBe('shared-cdn');
    expect(ownerOfUrl('https://connect.facebook.net/en_US/sdk.js')).toBe('meta-sdk');
  });
});

describe('attribute', () => {
  it('attributes Meta’s shared CDN by the page that loaded it', () => {
    expect(attribute('scontent.cdninstagram.com', 'www.instagram.com', false)).toEqual({
      platform: 'instagram',
      weightFactor: 1,
    });
    expect(attribute('scontent.xx.fbcdn.net', 'www.instagram.com', false)).toEqual({
      platform: 'instagram',
      weightFactor: 1,
    });
    expect(attribute('scontent.xx.fbcdn.net', 'web.whatsapp.com', false)).toEqual({
      platform: 'whatsapp',
      weightFactor: 1,
    });
    expect(attribute('scontent.xx.fbcdn.net', '', false)).toEqual({ platform: 'facebook', weightFactor: 0.5 });
  });

  it('a Meta host loaded by a non-Meta site is no platform evidence', () => {
    expect(attribute('connect.facebook.net', 'www.ndtv.com', false)).toEqual({ platform: null, other: false });
    expect(attribute('www.facebook.com', 'www.ndtv.com', false)).toEqual({ platform: null, other: false });
    expect(attribute('connect.facebook.net', '', false)).toEqual({ platform: null, other: false });
    expect(attribute('connect.facebook.net', 'www.facebook.com', false)).toEqual({
      platform: 'facebook',
      weightFactor: 1,
    });
    // A link from a news site to Facebook is a real visit.
    expect(attribute('www.facebook.com', 'www.ndtv.com', true)).toEqual({ platform: 'facebook', weightFactor: 1 });
    expect(attribute('www.ndtv.com', '', false)).toEqual({ platform: null, other: true });
  });
});

describe('isWatchedPageUrl', () => {
  it.each([
    ['https://web.whatsapp.com/', true],
    ['https://www.facebook.com/groups/1', true],
    ['https://web.facebook.com/', true],
    ['https://m.facebook.com/', true],
    ['https://www.instagram.com/p/abc/', true],
    ['http://web.whatsapp.com/', false],
    ['https://i.instagram.com/api/v1/', false],
    ['https://www.facebook.com.evil.in/', false],
    ['javascript:alert(1)', false],
    ['', false],
  ])('%s → %s', (url, watched) => {
    expect(isWatchedPageUrl(url)).toBe(watched);
  });
  it('never throws on non-strings', () => {
    expect(isWatchedPageUrl(undefined as unknown as string)).toBe(false);
  });
});

describe('manifest host_permissions', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
  };
  const covers = (host: string) =>
    manifest.host_permissions.some((pattern) => {
      const m = /^(\*|https?|wss?):\/\/(\*\.)?([^/]+)\//.exec(pattern);
      if (!m) return false;
      return m[2] ? host === m[3] || host.endsWith(`.${m[3]}`) : host === m[3];
    });

  it('cover every catalogue domain and its subdomains', () => {
    for (const domain of Object.keys(CATALOGUE)) {
      expect(covers(domain), domain).toBe(true);
      expect(covers(`sub.${domain}`), `sub.${domain}`).toBe(true);
    }
  });

  it('the exported match patterns cover the catalogue too', () => {
    expect(HOST_MATCH_PATTERNS.length).toBe(Object.keys(CATALOGUE).length * 2);
  });
});
