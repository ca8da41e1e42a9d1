import { expect, it } from 'vitest';
import { platformOfPage } from '../../../src/core/platforms';

it('knows exactly the content-script hosts', () => {
  expect(platformOfPage('web.whatsapp.com')).toBe('whatsapp');
  expect(platformOfPage('m.facebook.com')).toBe('facebook');
  expect(platformOfPage('www.instagram.com')).toBe('instagram');
  for (const h of ['example.com', 'instagram.com.evil.test', 'toString', '__proto__', 'constructor', '']) {
    expect(platformOfPage(h)).toBeNull();
  }
});
