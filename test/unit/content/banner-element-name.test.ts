/** Issue 12: the banner's host element has no fixed, guessable name a page could look for or style. */
import { expect, it } from 'vitest';
import { bannerTagName } from '../../../src/content/banner-dom';

it('is a valid custom element name, different on every page load', () => {
  const names = new Set(Array.from({ length: 200 }, () => bannerTagName()));
  expect(names.size).toBe(200);
  for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9]{5}-[a-z0-9]{6}$/);
  expect([...names].some((n) => n.includes('nazar'))).toBe(false);
});

it('takes every character from the random source', () => {
  expect(bannerTagName(() => new Uint8Array(12))).toBe('aaaaaa-aaaaaa');
  // 25 → 'z' (letters only first); then 26…36 over [a-z0-9]: '0'…'9', and 36 wraps to 'a'.
  expect(bannerTagName(() => Uint8Array.from({ length: 12 }, (_, i) => i + 25))).toBe('z01234-56789a');
});
