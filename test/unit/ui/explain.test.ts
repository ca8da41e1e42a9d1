import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAUSES, PLATFORMS, SCOPES, STATUSES } from '../../../src/core/types';
import { createTranslator, type Messages } from '../../../src/shared/i18n';
import { decodeReport } from '../../../src/shared/protocol/report';
import { certaintyOf, requestCounts } from '../../../src/ui/certainty';
import { type Explanation, explainGroup, explainReport, type Screen } from '../../../src/ui/explain';
import { keysOf, type Msg, say } from '../../../src/ui/msg';
import { report, STATES, T0 } from './fixtures';

const load = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
  ) as Messages;
const hiMsgs = load('hi');
const enMsgs = load('en');
const hi = createTranslator(hiMsgs, 'hi');
const en = createTranslator(enMsgs, 'en');
const IST = 'Asia/Kolkata';

function explanationMsgs(e: Explanation): Msg[] {
  return [
    e.title,
    ...e.meaning,
    e.certaintyText,
    ...e.reasons,
    ...e.advice,
    ...e.timing,
    ...(e.hack ? [e.hack.question, ...e.hack.answer] : []),
  ];
}
function screenMsgs(s: Screen): Msg[] {
  return [
    s.headline,
    ...s.sub,
    ...(s.lastChecked ? [s.lastChecked] : []),
    ...s.rows.flatMap((r) => [r.label, ...(r.detail ? [r.detail] : [])]),
    ...s.glossary,
    ...s.explanations.flatMap(explanationMsgs),
  ];
}

describe('every cause × scope × status yields existing keys in both locales', () => {
  for (const cause of CAUSES)
    for (const scope of SCOPES)
      for (const status of STATUSES)
        it(`${cause} × ${scope} × ${status}`, () => {
          const states = Object.fromEntries(PLATFORMS.map((p) => [p, { status, cause, scope }]));
          const screen = explainReport(report(states), T0 + 3_600_000);
          const keys = screenMsgs(screen).flatMap(keysOf);
          for (const k of keys) {
            expect(hiMsgs, k).toHaveProperty(k);
            expect(enMsgs, k).toHaveProperty(k);
          }
          const text = screenMsgs(screen).map((m) => say(hi, m, IST));
          for (const s of text) {
            expect(s).not.toMatch(/\$[A-Z0-9_]+\$|\$\d/); // every placeholder filled
            expect(s).not.toContain('!');
          }
          if (status === 'down' || status === 'degraded') {
            expect(screen.explanations.length).toBeGreaterThan(0);
            expect(screen.explanations[0]?.advice.length ?? 0).toBeGreaterThan(cause === 'none' ? -1 : 0);
          }
        });
});

describe('headlines', () => {
  const at = T0 + 2 * 3_600_000 + 15 * 60_000;
  it('user offline says so first and plainly', () => {
    const s = explainReport(STATES.offline, at);
    expect(say(hi, s.headline)).toBe('आपका इंटरनेट नहीं चल रहा');
    expect(s.explanations[0]?.userSide).toBe(true);
    expect(s.explanations).toHaveLength(1); // one fact about the user, not three platform problems
    expect(s.explanations[0]?.hack).toBeNull();
  });
  it('the 2021 Meta DNS outage', () => {
    const s = explainReport(STATES.meta2021, at);
    expect(say(hi, s.headline)).toBe('Meta की सभी सेवाएं ठप हैं');
    const e = s.explanations[0]!;
    expect(e.platforms).toEqual(['whatsapp', 'facebook', 'instagram']);
    expect(e.certainty).toBe('sure');
    const reasons = e.reasons.map((m) => say(hi, m));
    expect(reasons).toContain('पिछले 2 मिनट में 40 में से 40 अनुरोध नाकाम रहे।');
    expect(reasons.some((r) => r.startsWith('आपका इंटरनेट चल रहा है'))).toBe(true);
    expect(reasons).toContain('दूसरे DNS (Cloudflare) को भी वेब पता नहीं मिला (SERVFAIL)।');
    expect(say(hi, e.hack!.question)).toBe('क्या WhatsApp, Facebook और Instagram हैक हुए?');
    expect(e.hack!.answer.map((m) => m.key)).toContain('hack_2021');
    expect(e.timing.map((m) => say(hi, m, IST))).toEqual(['गड़बड़ी शुरू हुई: रात 9:09 बजे', 'अब तक: 2 घंटे 15 मिनट']);
    expect(s.glossary.map((m) => m.key)).toEqual(['explain_gloss_dns']);
  });
  it('Instagram 5xx names the platform and the others that work', () => {
    const s = explainReport(STATES.instagram5xx, T0 + 600_000);
    expect(say(hi, s.headline)).toBe('Instagram काम नहीं कर रहा है');
    expect(s.sub.map((m) => say(hi, m))).toEqual(['WhatsApp और Facebook ठीक चल रहे हैं।']);
    expect(say(en, s.headline)).toBe('Instagram is not working');
    const e = s.explanations[0]!;
    expect(e.reasons.map((m) => say(hi, m))).toContain('पिछले 2 मिनट में 40 अनुरोधों में से 31 नाकाम रहे।');
    expect(e.reasons.map((m) => say(hi, m))).toContain('नज़र की अपनी जांच में Instagram के सर्वर ने गड़बड़ी बताई (HTTP 503)।');
    expect(say(hi, e.hack!.question)).toBe('क्या Instagram हैक हुआ?');
    expect(s.glossary.map((m) => m.key)).toEqual(['explain_gloss_server']);
  });
  it('local DNS advises changing DNS and blames the network, not the platform', () => {
    const s = explainReport(STATES.localDns, T0 + 60_000);
    expect(say(hi, s.headline)).toBe('गड़बड़ी आपकी इंटरनेट कंपनी में लगती है');
    const e = s.explanations[0]!;
    expect(e.advice.map((m) => m.key)).toContain('advice_change_dns');
    expect(e.hack).toBeNull();
    expect(e.certainty).toBe('likely');
  });
  it('all fine, no data, missing permission', () => {
    expect(say(hi, explainReport(STATES.allFine, T0).headline)).toBe('WhatsApp, Facebook और Instagram ठीक चल रहे हैं');
    expect(explainReport(null, T0).headline.key).toBe('state_nothing_seen');
    const p = explainReport(STATES.noPermission, T0);
    expect(p.permissionMissing).toBe(true);
    expect(p.headline.key).toBe('state_no_permission');
    // Nothing is watched without permission: no stale "working" rows.
    expect(p.rows.map((r) => r.status)).toEqual(['unknown', 'unknown', 'unknown']);
  });
  it('the focused platform comes first on the details page, but the user side always leads', () => {
    const mixed = report({
      whatsapp: { status: 'down', cause: 'server', scope: 'platform' },
      instagram: { status: 'degraded', cause: 'unreachable', scope: 'platform' },
    });
    expect(explainReport(mixed, T0).explanations[0]?.platforms).toEqual(['whatsapp']);
    expect(explainReport(mixed, T0, 'instagram').explanations[0]?.platforms).toEqual(['instagram']);
  });
});

describe('evidence counts in Hindi with number agreement', () => {
  const ev = (total: number, failed: number, windowMs = 120_000) => ({
    ...STATES.allFine.platforms.whatsapp.evidence,
    total,
    failed,
    windowMs,
  });
  const cases: [number, number, number, string][] = [
    [1, 1, 120_000, 'पिछले 2 मिनट में 1 में से 1 अनुरोध नाकाम रहा।'],
    [40, 40, 120_000, 'पिछले 2 मिनट में 40 में से 40 अनुरोध नाकाम रहे।'],
    [40, 3, 120_000, 'पिछले 2 मिनट में 40 अनुरोधों में से 3 नाकाम रहे।'],
    [40, 1, 60_000, 'पिछले 1 मिनट में 40 अनुरोधों में से 1 नाकाम रहा।'],
    [1, 0, 30_000, 'पिछले 30 सेकंड में 1 अनुरोध भेजा गया और वह कामयाब रहा।'],
    [40, 0, 120_000, 'पिछले 2 मिनट में 40 अनुरोध भेजे गए और सभी कामयाब रहे।'],
    [0, 0, 120_000, 'पिछले 2 मिनट में इन साइटों को भेजा गया कोई अनुरोध नहीं दिखा।'],
    [1234, 1234, 120_000, 'पिछले 2 मिनट में 1,234 में से 1,234 अनुरोध नाकाम रहे।'],
  ];
  it.each(cases)('total %i, failed %i', (total, failed, windowMs, expected) => {
    expect(say(hi, requestCounts(ev(total, failed, windowMs)))).toBe(expected);
  });
  it('English too', () => {
    expect(say(en, requestCounts(ev(40, 3)))).toBe('In the last 2 minutes, 3 of 40 requests failed.');
    expect(say(en, requestCounts(ev(1, 1, 60_000)))).toBe('In the last 1 minute, 1 of 1 request failed.');
  });
});

describe('certainty is chosen from the evidence', () => {
  const base = STATES.allFine.platforms.whatsapp.evidence;
  const ok = { at: T0, ok: true };
  it('many failures and an agreeing check → sure', () => {
    expect(
      certaintyOf('server', 'platform', { ...base, total: 40, failed: 38, checks: { control: ok } }, true).level,
    ).toBe('sure');
  });
  it('many failures, no check → likely', () => {
    expect(certaintyOf('server', 'platform', { ...base, total: 40, failed: 38 }, true).level).toBe('likely');
  });
  it('one failure → possible', () => {
    expect(certaintyOf('unreachable', 'platform', { ...base, total: 10, failed: 1 }, true).level).toBe('possible');
  });
  it('a contradicting check lowers certainty', () => {
    const ev = { ...base, total: 40, failed: 38, checks: { control: ok } };
    expect(certaintyOf('offline', 'you', ev, null).level).not.toBe('sure');
    expect(certaintyOf('offline', 'you', { ...ev, total: 2, failed: 1 }, null).level).toBe('unsure');
  });
  it('independent DNS answering supports local-dns and contradicts dns', () => {
    const ev = { ...base, total: 20, failed: 20, checks: { dns: { at: T0, status: 0, answers: 2 } } };
    expect(certaintyOf('local-dns', 'network', ev, true).level).toBe('sure');
    expect(certaintyOf('dns', 'meta', ev, true).level).toBe('possible');
  });
  it('nothing seen → unsure', () => {
    expect(certaintyOf('unknown', 'none', base, null).level).toBe('unsure');
  });
});

describe('bad input never crashes', () => {
  const junk: unknown[] = [
    null,
    undefined,
    42,
    'report',
    [],
    { platforms: 'x' },
    {
      platforms: {
        whatsapp: {
          verdict: { status: 'exploded', cause: 7 },
          evidence: { total: -5, failed: 'a', hosts: [1, 'a.com'] },
        },
      },
    },
    { platforms: {}, hostPermissions: 'no', online: 'yes', generatedAt: Number.NaN },
  ];
  it.each(junk.map((j) => [j]))('%j', (raw) => {
    const r = decodeReport(raw);
    const s = explainReport(r, T0);
    for (const m of screenMsgs(s)) expect(typeof say(hi, m)).toBe('string');
    if (r) {
      for (const p of PLATFORMS) expect(STATUSES).toContain(r.platforms[p].verdict.status);
      expect(r.hostPermissions).toBe(true);
    }
  });
  it('failed is capped by total and unknown strings become unknown', () => {
    const r = decodeReport({
      platforms: {
        facebook: { verdict: { status: 'down', cause: 'aliens', scope: 'mars' }, evidence: { total: 3, failed: 9 } },
      },
    })!;
    expect(r.platforms.facebook.verdict).toMatchObject({ status: 'down', cause: 'unknown', scope: 'none' });
    expect(r.platforms.facebook.evidence.failed).toBe(3);
    expect(explainGroup(r, ['facebook'], T0).certainty).toBe('possible');
  });
});
