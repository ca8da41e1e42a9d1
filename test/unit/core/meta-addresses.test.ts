import { describe, expect, it } from 'vitest';
import { isMetaAddress } from '../../../src/core/meta-addresses';

describe('isMetaAddress', () => {
  it.each([
    ['157.240.16.35', true],
    ['157.240.0.0', true],
    ['157.241.0.1', false],
    ['31.13.79.246', true],
    ['31.13.64.1', true],
    ['31.13.128.1', false],
    ['179.60.195.36', true],
    ['185.60.216.35', true],
    ['129.134.30.12', true],
    ['163.70.128.60', true],
    ['8.8.8.8', false],
    ['127.0.0.1', false],
    ['10.10.34.35', false],
    ['2a03:2880:f12f:83:face:b00c:0:25de', true],
    ['2A03:2880::1', true],
    ['2a03:2881::1', false],
    ['2620:0:1c00::1', true],
    ['::ffff:157.240.16.35', true],
    ['::ffff:8.8.8.8', false],
    ['2001:4860:4860::8888', false],
    ['::1', false],
  ])('%s → %s', (ip, meta) => {
    expect(isMetaAddress(ip)).toBe(meta);
  });

  it('treats garbage as not Meta, never throwing', () => {
    for (const v of [
      '',
      '1.2.3',
      '256.1.1.1',
      '1.2.3.4.5',
      'a:b:c:d:e:f:g:h:i',
      '2a03:2880::1::2',
      'facebook.com',
      'x'.repeat(1000),
      null,
      42,
      {},
    ]) {
      expect(isMetaAddress(v)).toBe(false);
    }
  });
});
