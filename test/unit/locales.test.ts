/**
 * The two locales must stay interchangeable: same keys, same named placeholders with the same
 * positional content, and every "$NAME$" used in a message must be declared. Modelled on Dark
 * Reader's tests/unit/config/locales.tests.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../../src/shared/i18n';

const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;
const hi = load('hi');
const en = load('en');

const usedPlaceholders = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('locales', () => {
  it('hi and en have the same keys', () => {
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
  });

  it('every key is a valid Chrome message name', () => {
    for (const key of Object.keys(hi)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it.each(Object.keys(hi))('%s: same placeholders in both locales, all declared', (key) => {
    const a = hi[key]!;
    const b = en[key]!;
    expect(Object.keys(a.placeholders ?? {}).sort()).toEqual(Object.keys(b.placeholders ?? {}).sort());
    for (const [name, ph] of Object.entries(a.placeholders ?? {})) {
      expect(ph.content, `${key}.${name}`).toBe(b.placeholders?.[name]?.content);
    }
    for (const m of [a, b]) {
      const declared = Object.keys(m.placeholders ?? {}).map((n) => n.toLowerCase());
      for (const used of usedPlaceholders(m.message)) expect(declared, `${key} uses $${used}$`).toContain(used);
    }
  });

  it('Hindi text follows the style guide: no "!", no pipe for danda, no space before danda', () => {
    for (const [key, { message }] of Object.entries(hi)) {
      expect(message, key).not.toMatch(/!/);
      expect(message, key).not.toMatch(/\|/);
      expect(message, key).not.toMatch(/ ।/);
    }
  });

  it('no message is empty', () => {
    for (const [key, { message }] of [...Object.entries(hi), ...Object.entries(en)])
      expect(message.trim(), key).not.toBe('');
  });
});
