import { describe, expect, it } from 'vitest';
import { isOwnRequest, originOnly, toTraceEvent } from '../../../src/background/trace-events';

const EXT = 'chrome-extension://abc';

describe('webRequest details → trace events', () => {
  it('keeps only scheme and host of the URL, never path or query', () => {
    const ev = toTraceEvent(
      'onErrorOccurred',
      {
        url: 'https://web.whatsapp.com/chat/91987654321?text=secret',
        type: 'xmlhttprequest',
        timeStamp: 1633362004200,
        error: 'net::ERR_NAME_NOT_RESOLVED',
        tabId: 4,
        frameId: 0,
        requestId: '77',
        initiator: 'https://web.whatsapp.com',
        requestHeaders: [{ name: 'cookie', value: 'x' }],
      },
      EXT,
    );
    expect(ev).toEqual({
      event: 'onErrorOccurred',
      details: {
        url: 'https://web.whatsapp.com/',
        type: 'xmlhttprequest',
        timeStamp: 1633362004200,
        error: 'net::ERR_NAME_NOT_RESOLVED',
        tabId: 4,
        frameId: 0,
        requestId: '77',
        initiator: 'https://web.whatsapp.com/',
      },
    });
    expect(JSON.stringify(ev)).not.toContain('secret');
    expect(JSON.stringify(ev)).not.toContain('cookie');
  });

  it('converts completed and header events with their status, Firefox fields cut to origins', () => {
    const ev = toTraceEvent(
      'onHeadersReceived',
      {
        url: 'https://scontent.cdninstagram.com/v/t51/abc.jpg?x=1',
        type: 'image',
        timeStamp: 5,
        statusCode: 503,
        originUrl: 'https://www.instagram.com/someone/',
        documentUrl: 'https://www.instagram.com/someone/',
      },
      EXT,
    );
    expect(ev).toEqual({
      event: 'onHeadersReceived',
      details: {
        url: 'https://scontent.cdninstagram.com/',
        type: 'image',
        timeStamp: 5,
        statusCode: 503,
        originUrl: 'https://www.instagram.com/',
        documentUrl: 'https://www.instagram.com/',
      },
    });
    const ws = toTraceEvent(
      'onCompleted',
      { url: 'wss://web.whatsapp.com/ws/chat', type: 'websocket', timeStamp: 9, statusCode: 101 },
      EXT,
    );
    expect(ws?.event).toBe('onCompleted');
  });

  it('skips the extension’s own check requests (they reach the engine as probes)', () => {
    const d = { url: 'https://www.instagram.com/favicon.ico', type: 'xmlhttprequest', timeStamp: 1, statusCode: 200 };
    expect(isOwnRequest({ ...d, initiator: EXT }, EXT)).toBe(true);
    expect(toTraceEvent('onCompleted', { ...d, initiator: EXT }, EXT)).toBeNull();
    expect(
      toTraceEvent(
        'onCompleted',
        { ...d, originUrl: `${EXT.replace('chrome', 'moz')}/x` },
        EXT.replace('chrome', 'moz'),
      ),
    ).toBeNull();
    expect(toTraceEvent('onCompleted', d, EXT)).not.toBeNull();
  });

  it('rejects malformed details instead of throwing', () => {
    const bad: unknown[] = [
      null,
      42,
      'x',
      {},
      { url: 'not a url', type: 'image', timeStamp: 1, statusCode: 200 },
      { url: 'ftp://x.facebook.com/', type: 'image', timeStamp: 1, statusCode: 200 },
      { url: 'https://www.facebook.com/', type: 'image', timeStamp: Number.NaN, statusCode: 200 },
      { url: 'https://www.facebook.com/', type: 7, timeStamp: 1, statusCode: 200 },
      { url: 'https://www.facebook.com/', type: 'image', timeStamp: 1 },
    ];
    for (const b of bad) expect(toTraceEvent('onCompleted', b, EXT)).toBeNull();
    expect(
      toTraceEvent('onErrorOccurred', { url: 'https://www.facebook.com/', type: 'image', timeStamp: 1 }, EXT),
    ).toBeNull();
    expect(originOnly(`https://x.com/${'a'.repeat(9000)}`)).toBeNull();
  });
});

describe('originOnly: the quick path gives what URL parsing gives', () => {
  const viaUrl = (url: string) => {
    try {
      const u = new URL(url);
      return ['https:', 'http:', 'wss:', 'ws:'].includes(u.protocol) ? `${u.protocol}//${u.host}/` : null;
    } catch {
      return null;
    }
  };
  it.each([
    'https://web.whatsapp.com/chat/1?x=2',
    'https://web.whatsapp.com',
    'https://web.whatsapp.com?q',
    'https://web.whatsapp.com#frag',
    'wss://web.whatsapp.com/ws/chat',
    'http://s12.cdninstagram.com/v/1',
    'HTTPS://WWW.Facebook.COM/x',
    'https://www.facebook.com:443/x',
    'https://www.facebook.com:8443/x',
    'https://user:pw@www.facebook.com/x',
    'https://www.facebook.com@evil.example/x',
    'https://127.0.0.1/x',
    'https://0x7f.1/x',
    'https://[::1]:8443/x',
    'https://xn--mgbh0fb.xn--kgbechtv/',
    'https://facebook.com./',
    'https://a..b.com/',
    'https://ex ample.com/',
    'https://www.facebook.com\\x',
    'ftp://www.facebook.com/',
    'chrome-extension://abc/x',
    'https:www.facebook.com',
    'https://',
    '',
    'null',
    ' https://www.facebook.com/',
    'about:blank',
    'data:text/html,x',
  ])('%s', (url) => {
    expect(originOnly(url)).toBe(viaUrl(url));
  });
});
