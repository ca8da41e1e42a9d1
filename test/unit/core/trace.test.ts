import { describe, expect, it } from 'vitest';
import { parseTraceLine, validateEvent } from '../../../src/core/trace';

const details = { url: 'https://web.whatsapp.com/ws/chat?token=secret', type: 'websocket', timeStamp: 1000 };

describe('parseTraceLine', () => {
  it.each([
    ['not json', 'not valid JSON'],
    ['{"event":', 'not valid JSON'],
    ['[1,2]', 'not a JSON object'],
    ['null', 'not a JSON object'],
    ['"onCompleted"', 'not a JSON object'],
    ['{}', 'missing event'],
    ['{"event":7}', 'event is not a string'],
    ['{"event":"onBeforeRequest","details":{}}', 'unknown event "onBeforeRequest"'],
    ['{"event":"onCompleted"}', 'missing details'],
    ['{"event":"onCompleted","details":"x"}', 'details is not an object'],
    ['{"event":"onCompleted","details":{"type":"image","timeStamp":1,"statusCode":200}}', 'missing details.url'],
    [
      '{"event":"onCompleted","details":{"url":5,"type":"image","timeStamp":1,"statusCode":200}}',
      'details.url is not a string',
    ],
    ['{"event":"onCompleted","details":{"url":"https://a/","timeStamp":1,"statusCode":200}}', 'missing details.type'],
    [
      '{"event":"onCompleted","details":{"url":"https://a/","type":"image","statusCode":200}}',
      'missing details.timeStamp',
    ],
    [
      '{"event":"onCompleted","details":{"url":"https://a/","type":"image","timeStamp":"1","statusCode":200}}',
      'details.timeStamp is not a finite number',
    ],
    [
      '{"event":"onCompleted","details":{"url":"https://a/","type":"image","timeStamp":1e999,"statusCode":200}}',
      'details.timeStamp is not a finite number',
    ],
    [
      '{"event":"onCompleted","details":{"url":"https://a/","type":"image","timeStamp":1}}',
      'missing details.statusCode',
    ],
    [
      '{"event":"onErrorOccurred","details":{"url":"https://a/","type":"image","timeStamp":1}}',
      'missing details.error',
    ],
    [
      '{"event":"onErrorOccurred","details":{"url":"https://a/","type":"image","timeStamp":1,"error":404}}',
      'details.error is not a string',
    ],
    ['{"event":"connectivity","timeStamp":1}', 'missing online'],
    ['{"event":"connectivity","online":true}', 'missing timeStamp'],
    ['{"event":"connectivity","timeStamp":1,"online":"yes"}', 'online is not a boolean'],
    ['{"event":"probe","timeStamp":1,"target":"control","url":"http://x/"}', 'missing ok'],
    ['{"event":"probe","timeStamp":1,"target":"orkut","url":"http://x/","ok":true}', 'unknown probe target "orkut"'],
    [
      '{"event":"probe","timeStamp":1,"target":"control","url":"http://x/","ok":false,"statusCode":"500"}',
      'statusCode is not a finite number',
    ],
    ['{"event":"dns","timeStamp":1,"name":"a","status":0}', 'missing answers'],
    ['{"event":"dns","timeStamp":1,"name":"a","status":"0","answers":1}', 'status is not a finite number'],
    [
      '{"event":"dns","timeStamp":1,"name":"a","status":0,"answers":1,"addresses":"1.2.3.4"}',
      'addresses is not an array',
    ],
  ])('%s → %s', (line, reason) => {
    expect(parseTraceLine(line)).toEqual({ ok: false, reason });
  });

  it('accepts every event kind and tolerates extra fields', () => {
    const lines = [
      { event: 'onCompleted', details: { ...details, statusCode: 101, extra: { deep: [1, 2] }, requestId: '17' } },
      { event: 'onHeadersReceived', details: { ...details, statusCode: 503, requestId: 17 } },
      { event: 'onErrorOccurred', details: { ...details, error: 'NS_ERROR_UNKNOWN_HOST', proxyInfo: null, ip: null } },
      { event: 'connectivity', timeStamp: 5, online: false, why: 'test' },
      {
        event: 'probe',
        timeStamp: 5,
        target: 'whatsapp',
        url: 'https://web.whatsapp.com/',
        ok: false,
        error: 'net::ERR_TIMED_OUT',
      },
      { event: 'dns', timeStamp: 5, name: 'web.whatsapp.com', status: 2, answers: 0, addresses: [] },
    ];
    for (const l of lines) expect(parseTraceLine(JSON.stringify(l)).ok, l.event).toBe(true);
  });

  it('keeps hostnames, never paths or queries', () => {
    const r = parseTraceLine(
      JSON.stringify({
        event: 'onCompleted',
        details: {
          ...details,
          statusCode: 200,
          initiator: 'https://web.whatsapp.com',
          documentUrl: 'https://web.whatsapp.com/private/chat?id=9',
        },
      }),
    );
    expect(r.ok).toBe(true);
    const text = JSON.stringify(r);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('private');
    expect(r.ok && r.event.event === 'onCompleted' && r.event.details.url).toBe('https://web.whatsapp.com/');
  });

  it('copes with a huge field without keeping it', () => {
    const r = parseTraceLine(
      JSON.stringify({
        event: 'onCompleted',
        details: { ...details, url: `https://www.facebook.com/${'a'.repeat(2_000_000)}`, statusCode: 200 },
      }),
    );
    expect(r.ok && JSON.stringify(r.event).length).toBeLessThan(500);
    const e = parseTraceLine(
      JSON.stringify({ event: 'onErrorOccurred', details: { ...details, error: 'E'.repeat(1_000_000) } }),
    );
    expect(e.ok && JSON.stringify(e.event).length).toBeLessThan(1000);
  });

  it('validateEvent never throws, whatever it is given', () => {
    for (const v of [
      undefined,
      null,
      0,
      '',
      [],
      { event: null },
      { event: 'dns', timeStamp: Number.NaN },
      Object.create(null),
    ]) {
      expect(validateEvent(v).ok).toBe(false);
    }
  });
});
