import { describe, expect, it } from 'vitest';
import { formatDuration, formatSpan } from '../../../src/shared/format';
import { createTranslator, keyPart, type Messages, resolveLang } from '../../../src/shared/i18n';

const messages: Messages = {
  hello: { message: 'नमस्ते $NAME$', placeholders: { name: { content: '$1' } } },
  two: { message: '$A$ में से $B$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
  price: { message: '$$5' },
  req_zero: { message: 'कोई अनुरोध नहीं' },
  req_one: { message: '$N$ अनुरोध', placeholders: { n: { content: '$1' } } },
  req_other: { message: '$N$ अनुरोध', placeholders: { n: { content: '$1' } } },
  duration_just_now: { message: 'अभी-अभी' },
  duration_under_10s: { message: '10 सेकंड से कम' },
  duration_seconds_other: { message: '$N$ सेकंड', placeholders: { n: { content: '$1' } } },
  duration_minutes_other: { message: '$N$ मिनट', placeholders: { n: { content: '$1' } } },
  duration_hours_one: { message: '$N$ घंटा', placeholders: { n: { content: '$1' } } },
  duration_hours_other: { message: '$N$ घंटे', placeholders: { n: { content: '$1' } } },
  duration_days_other: { message: '$N$ दिन', placeholders: { n: { content: '$1' } } },
  duration_pair: { message: '$A$ $B$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
};
const tr = createTranslator(messages, 'hi');

describe('createTranslator', () => {
  it.each([
    ['hello', ['आप'], 'नमस्ते आप'],
    ['two', [40, 31], '40 में से 31'],
    ['two', [123456, 7], '1,23,456 में से 7'],
    ['price', [], '$5'],
    ['missing_key', [], 'missing_key'],
  ] as const)('%s %j → %s', (key, subs, out) => {
    expect(tr.t(key, ...subs)).toBe(out);
  });

  it('does not interpret markup or substitution syntax inside substitutions', () => {
    expect(tr.t('hello', '<img src=x onerror=alert(1)> $1')).toBe('नमस्ते <img src=x onerror=alert(1)> $1');
  });

  it.each([
    [0, 'कोई अनुरोध नहीं'],
    [1, '1 अनुरोध'],
    [40, '40 अनुरोध'],
  ])('plural %i → %s', (n, out) => {
    expect(tr.plural('req', n)).toBe(out);
  });
});

describe("createTranslator over a lookup (the browser's own i18n)", () => {
  // A stand-in for browser.i18n.getMessage: renders from the same messages, '' when missing.
  const calls: string[] = [];
  const getMessage = (key: string, subs: string[]) => {
    calls.push(key);
    return Object.hasOwn(messages, key) ? createTranslator(messages, 'hi').t(key, ...subs) : '';
  };
  const viaLookup = createTranslator((key, subs) => getMessage(key, subs) || undefined, 'hi');

  it.each([
    ['hello', ['आप']],
    ['two', [123456, 7]],
    ['price', []],
    ['missing_key', []],
  ] as const)('%s %j: the same words as from the file', (key, subs) => {
    expect(viaLookup.t(key, ...subs)).toBe(tr.t(key, ...subs));
  });

  it('numbers reach the lookup already formatted, and plurals pick the same form', () => {
    expect(viaLookup.t('two', 123456, 7)).toBe('1,23,456 में से 7');
    for (const n of [0, 1, 40]) expect(viaLookup.plural('req', n)).toBe(tr.plural('req', n));
    expect(calls).toContain('req_zero');
  });

  it("a plural renders once: the form's own message, or `_other` when the locale has no such form", () => {
    calls.length = 0;
    expect(viaLookup.plural('req', 0)).toBe('कोई अनुरोध नहीं');
    expect(calls).toEqual(['req_zero']);
    calls.length = 0;
    expect(viaLookup.plural('duration_seconds', 1)).toBe('1 सेकंड');
    expect(calls).toEqual(['duration_seconds_one', 'duration_seconds_other']);
    expect(tr.plural('nothing_like_it', 3)).toBe('nothing_like_it_other');
  });

  it('a key named like an object property is missing, not found on the prototype', () => {
    expect(tr.t('constructor')).toBe('constructor');
    expect(tr.t('toString')).toBe('toString');
  });
});

describe('formatDuration', () => {
  it.each([
    [3_000, 'अभी-अभी'],
    [40_000, '40 सेकंड'],
    [5 * 60_000, '5 मिनट'],
    [60 * 60_000, '1 घंटा'],
    [135 * 60_000, '2 घंटे 15 मिनट'],
    [26 * 3600_000, '1 दिन 2 घंटे'],
  ])('%i ms → %s', (ms, out) => {
    expect(formatDuration(tr, ms)).toBe(out);
  });
});

describe('formatSpan (how long a finished episode lasted)', () => {
  it.each([
    [0, '10 सेकंड से कम'],
    [3_000, '10 सेकंड से कम'],
    [-5, '10 सेकंड से कम'],
    [40_000, '40 सेकंड'],
    [135 * 60_000, '2 घंटे 15 मिनट'],
  ])('%i ms → %s (never "just now")', (ms, out) => {
    expect(formatSpan(tr, ms)).toBe(out);
  });
});

describe('resolveLang and keyPart', () => {
  // Hindi first whatever the browser's UI language: English only when the user picks it.
  it.each([
    ['auto', 'hi'],
    ['hi', 'hi'],
    ['en', 'en'],
  ] as const)('%s → %s', (setting, out) => {
    expect(resolveLang(setting)).toBe(out);
  });

  it('maps enum values to message-name parts', () => {
    expect(keyPart('local-dns')).toBe('local_dns');
  });
});
