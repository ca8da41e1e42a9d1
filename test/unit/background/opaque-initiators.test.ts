/**
 * Issue 12 in the background's conversion of webRequest details: an initiator, originUrl or
 * documentUrl that is present but no web origin stays present (as "null"), so the engine can tell
 * it from a load the user started (none at all); a port a page chose is kept in the URL.
 */
import { describe, expect, it } from 'vitest';
import { pageOrigin, toTraceEvent } from '../../../src/background/trace-events';

const EXT = 'chrome-extension://me';

describe('opaque initiators stay opaque', () => {
  for (const raw of [
    'null',
    'about:srcdoc',
    'data:text/html,<script>',
    'blob:https://evil.example/1',
    'chrome-extension://other',
  ])
    it(`${raw.slice(0, 24)} → "null"`, () => expect(pageOrigin(raw)).toBe('null'));

  it('an absent one stays absent; a web origin is cut to its origin', () => {
    expect(pageOrigin(undefined)).toBeUndefined();
    expect(pageOrigin('')).toBeUndefined();
    expect(pageOrigin('https://web.whatsapp.com/some/chat?id=1')).toBe('https://web.whatsapp.com/');
  });

  it('toTraceEvent keeps them, and the port of the URL', () => {
    const chromium = toTraceEvent(
      'onErrorOccurred',
      {
        url: 'https://web.whatsapp.com:81/x?y=1',
        type: 'main_frame',
        timeStamp: 1,
        error: 'net::ERR_CONNECTION_REFUSED',
        initiator: 'null',
      },
      EXT,
    );
    expect(chromium?.event === 'onErrorOccurred' && chromium.details).toMatchObject({
      url: 'https://web.whatsapp.com:81/',
      initiator: 'null',
    });
    const firefox = toTraceEvent(
      'onErrorOccurred',
      {
        url: 'https://g.whatsapp.net/x',
        type: 'xmlhttprequest',
        timeStamp: 1,
        error: 'NS_ERROR_UNKNOWN_HOST',
        originUrl: 'about:srcdoc',
        documentUrl: 'about:srcdoc',
      },
      EXT,
    );
    expect(firefox?.event === 'onErrorOccurred' && firefox.details).toMatchObject({
      originUrl: 'null',
      documentUrl: 'null',
    });
  });
});
