/**
 * The answer of "check from other networks" read as the user reads it, placeholders filled, in
 * Hindi and English: numbers and network names, one platform named, nothing claimed beyond the
 * answers, and the same thresholds as the engine (core/vantage.ts).
 */
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };
import hi from '../../../public/_locales/hi/messages.json' with { type: 'json' };
import { createTranslator, type Lang, type Messages } from '../../../src/shared/i18n';
import { say } from '../../../src/ui/msg';
import { OWN_MESSAGES, withOwnWords } from '../../../src/vantage/i18n';
import { othersMeaningOf } from '../../../src/vantage/meaning';
import type { ShownProbe } from '../../../src/vantage/results';
import type { RunState } from '../../../src/vantage/run';
import { othersWordsOf } from '../../../src/vantage/words';

const tr = (lang: Lang) => withOwnWords(createTranslator((lang === 'hi' ? hi : en) as Messages, lang));
const IN = (asn: number, network: string, ok: boolean): ShownProbe => ({
  country: 'IN',
  asn,
  network,
  city: 'Mumbai',
  ok,
});
const india = (ok: boolean[]) =>
  [
    IN(55836, 'Reliance Jio Infocomm Limited', ok[0]!),
    IN(24560, 'Bharti Airtel Ltd.', ok[1]!),
    IN(55410, 'Vodafone Idea Ltd', ok[2]!),
    IN(9829, 'National Internet Backbone', ok[3]!),
    IN(24309, 'Atria Convergence Technologies Ltd.', ok[4]!),
  ].slice(0, ok.length);
const abroad = (ok: boolean): ShownProbe[] => [
  { country: 'SG', asn: 16509, network: 'Amazon.com, Inc.', city: 'Singapore', ok },
  { country: 'DE', asn: 3320, network: 'Deutsche Telekom AG', city: 'Frankfurt', ok },
];
const run = (phase: RunState['phase'], probes: ShownProbe[], extra: Partial<RunState> = {}): RunState => ({
  phase,
  platform: 'whatsapp',
  kinds: { http: { probes, expected: 7, finished: phase === 'done' } },
  startedAt: 0,
  endedAt: 1,
  ...extra,
});
const read = (lang: Lang, s: RunState) => {
  const w = othersWordsOf(othersMeaningOf(s));
  return [...w.lines, ...w.notes].map((m) => say(tr(lang), m, 'Asia/Kolkata')).join(' ');
};

describe('the words of a check from other networks', () => {
  it('other networks fail too: says how many of India’s, names them, and puts it on the platform’s side', () => {
    const s = run('done', [...india([false, false, false, false, false]), ...abroad(false)]);
    expect(read('hi', s)).toBe(
      'भारत के दूसरे नेटवर्क पर भी WhatsApp नहीं खुल रहा: 5 में से 5 नेटवर्क (Jio, Airtel, Vi, BSNL और ACT) पर नहीं खुला। यानी गड़बड़ी WhatsApp की तरफ़ से लगती है, आपके नेटवर्क में नहीं। भारत के बाहर: 2 में से 0 नेटवर्क पर खुला।',
    );
    expect(read('en', s)).toBe(
      "WhatsApp does not open from other networks in India either: not from 5 of 5 networks (Jio, Airtel, Vi, BSNL and ACT). So the fault seems to be on WhatsApp's side, not in your network. Outside India: opens from 0 of 2 networks.",
    );
  });

  it('other networks open it: the user’s network or ISP', () => {
    const s = run('done', [...india([true, true, true, true, false]), ...abroad(true)]);
    expect(read('hi', s)).toContain(
      'भारत के दूसरे नेटवर्क पर WhatsApp खुल रहा है: 5 में से 4 नेटवर्क (Jio, Airtel, Vi और BSNL) पर खुला।',
    );
    expect(read('hi', s)).toContain('यानी गड़बड़ी आपके नेटवर्क या आपकी इंटरनेट कंपनी में लगती है।');
    expect(read('en', s)).toContain(
      'WhatsApp opens from other networks in India: from 4 of 5 networks (Jio, Airtel, Vi and BSNL).',
    );
  });

  it('speaks of India’s networks only when India’s answers alone carry the claim', () => {
    // 1 of 2 in India fails; the answer "others fail" rests on 5 failures abroad.
    const abroad5 = ['SG', 'DE', 'GB', 'US', 'JP'].map(
      (country, i): ShownProbe => ({ country, asn: 100 + i, network: `Net ${country}, Ltd.`, city: '', ok: false }),
    );
    const s = run('done', [...india([false, true]), ...abroad5]);
    const hiText = read('hi', s);
    expect(hiText).not.toContain('भारत के दूसरे नेटवर्क पर भी');
    expect(hiText).toContain('7 में से 6 नेटवर्क');
    // A name with a comma stays one name in the list.
    expect(hiText).toContain('Net SG');
    expect(hiText).not.toContain('Ltd.');
    expect(read('en', s)).toContain('not from 6 of 7 networks');
  });

  it('a mixed answer is said as mixed, with no conclusion', () => {
    const s = run('done', [...india([true, true, false, false, true])]);
    expect(read('hi', s)).toBe(
      'जवाब मिला-जुला है: 5 में से 3 नेटवर्क पर WhatsApp खुल रहा है, 2 पर नहीं। इससे पक्का नहीं कह सकते कि गड़बड़ी कहां है।',
    );
    expect(read('en', s)).toBe(
      'The answer is mixed: WhatsApp opens from 3 of 5 networks, not from 2. So we cannot say for sure where the fault is.',
    );
  });

  it('too few answers settle nothing; a partial answer is marked partial', () => {
    const s = run('partial', india([false, false]));
    expect(read('hi', s)).toBe(
      'सिर्फ़ 2 जांच कंप्यूटरों ने जवाब दिया; इतने कम जवाबों से कुछ नहीं कह सकते। अधूरा जवाब: 10 सेकंड में 7 जांच कंप्यूटरों में से सिर्फ़ 2 ने जवाब दिया।',
    );
    expect(read('en', run('partial', india([false])))).toContain('Only 1 probe answered');
  });

  it('rate-limited: says so and when a retry is possible', () => {
    const at = Date.UTC(2026, 11, 2, 8, 0);
    expect(read('hi', run('rate-limited', [], { retryAt: at }))).toBe(
      'Globalping ने अभी और जांच से मना कर दिया है: एक घंटे में जितनी जांचें हो सकती हैं, उतनी हो चुकी हैं। दोपहर 1:30 बजे के बाद फिर कोशिश कर सकते हैं।',
    );
    expect(read('en', run('rate-limited', [], { retryAt: null }))).toContain('Try again later.');
  });

  it('unavailable: says why and that nothing is guessed', () => {
    for (const why of ['unreachable', 'timeout', 'no-probes', 'rejected'] as const) {
      const hiText = read('hi', run('unavailable', [], { why }));
      expect(hiText).toMatch(/^दूसरे नेटवर्क की राय अभी नहीं मिल सकी: .+। इसलिए हम कोई अंदाज़ा नहीं लगा रहे।$/);
      expect(read('en', run('unavailable', [], { why }))).toMatch(/So we are not guessing\.$/);
    }
  });

  it('its own words have the same keys in both languages and follow the Hindi style rules', () => {
    expect(Object.keys(OWN_MESSAGES.hi).sort()).toEqual(Object.keys(OWN_MESSAGES.en).sort());
    for (const [k, v] of Object.entries(OWN_MESSAGES.hi)) {
      expect(v.message, k).not.toContain('!');
      expect(v.message, k).not.toMatch(/ ।|\|/);
    }
  });
});
