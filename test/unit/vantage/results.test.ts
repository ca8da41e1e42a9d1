/** Globalping's answers are untrusted: only country, AS number, network, city and the outcome survive, checked. */
import { describe, expect, it } from 'vitest';
import { cleanName, readCreated, readMeasurement } from '../../../src/vantage/results';

const probe = (over: Record<string, unknown> = {}) => ({
  continent: 'AS',
  region: 'Southern Asia',
  country: 'IN',
  state: null,
  city: 'Mumbai',
  asn: 55836,
  network: 'Reliance Jio Infocomm Limited',
  latitude: 19,
  longitude: 72,
  tags: [],
  resolvers: ['private'],
  ...over,
});
const body = (results: unknown[], over: Record<string, unknown> = {}) => ({
  id: 'abc123',
  type: 'http',
  status: 'finished',
  probesCount: results.length,
  results,
  ...over,
});

describe('reading a measurement', () => {
  it('keeps a probe’s country, AS number, network and city, and whether the page opened', () => {
    const m = readMeasurement(
      body([{ probe: probe(), result: { status: 'finished', statusCode: 302, rawOutput: 'x' } }]),
      'http',
    );
    expect(m?.probes).toEqual([
      {
        country: 'IN',
        asn: 55836,
        network: 'Reliance Jio Infocomm Limited',
        city: 'Mumbai',
        ok: true,
        statusCode: 302,
      },
    ]);
  });

  it('counts a 5xx as not opening, and a failed test as failing, without its raw output', () => {
    const m = readMeasurement(
      body([
        { probe: probe(), result: { status: 'finished', statusCode: 503 } },
        { probe: probe(), result: { status: 'failed', rawOutput: '<script>alert(1)</script> ECONNRESET' } },
      ]),
      'http',
    );
    expect(m?.probes.map((p) => [p.ok, p.statusCode, p.error])).toEqual([
      [false, 503, undefined],
      [false, undefined, 'reset'],
    ]);
    expect(JSON.stringify(m)).not.toContain('script');
  });

  it('drops offline, unfinished and malformed items instead of guessing', () => {
    const m = readMeasurement(
      body([
        { probe: probe(), result: { status: 'offline', rawOutput: '' } },
        { probe: probe(), result: { status: 'in-progress', rawOutput: '' } },
        { probe: probe({ country: 'India' }), result: { status: 'finished', statusCode: 200 } },
        { probe: probe({ asn: -1 }), result: { status: 'finished', statusCode: 200 } },
        { probe: probe({ network: 42 }), result: { status: 'finished', statusCode: 200 } },
        { probe: probe(), result: { status: 'finished', statusCode: 'OK' } },
        { probe: probe(), result: { status: 'finished', statusCode: 999 } },
        null,
        'x',
      ]),
      'http',
    );
    expect(m?.probes).toEqual([]);
  });

  it('rejects a body that is not a measurement of the kind asked', () => {
    expect(readMeasurement(body([], { type: 'ping' }), 'http')).toBeNull();
    expect(readMeasurement(body([], { id: '../x' }), 'http')).toBeNull();
    expect(readMeasurement(body([], { status: 'weird' }), 'http')).toBeNull();
    expect(readMeasurement(body([], { results: {} }), 'http')).toBeNull();
    expect(readMeasurement('<html>', 'http')).toBeNull();
  });

  it('reads DNS: resolves only with NOERROR and an A/AAAA record', () => {
    const m = readMeasurement(
      body(
        [
          { probe: probe(), result: { status: 'finished', statusCode: 0, answers: [{ type: 'A', value: '1.2.3.4' }] } },
          { probe: probe(), result: { status: 'finished', statusCode: 0, answers: [] } },
          { probe: probe(), result: { status: 'finished', statusCode: 2, answers: [] } },
        ],
        { type: 'dns' },
      ),
      'dns',
    );
    expect(m?.probes.map((p) => p.ok)).toEqual([true, false, false]);
  });

  it('cleans names: no markup, control or direction characters, bounded length', () => {
    expect(cleanName('Bharti\u202E Airtel <b>Ltd</b>\n', 60)).toBe('Bharti Airtel bLtd/b');
    expect(cleanName('x'.repeat(100), 60)).toHaveLength(60);
    expect(cleanName(undefined, 60)).toBe('');
    expect(cleanName('मुंबई', 40)).toBe('मुंबई');
  });

  it('reads a create answer only with a sane id and count', () => {
    expect(readCreated({ id: 'abc', probesCount: 7 })).toEqual({ id: 'abc', probesCount: 7 });
    expect(readCreated({ id: 'a/b', probesCount: 7 })).toBeNull();
    expect(readCreated({ id: 'abc', probesCount: '7' })).toBeNull();
  });
});
