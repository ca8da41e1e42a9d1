import { describe, expect, it } from 'vitest';
import { bannerText as bannerOfMeaning, recoveredText } from '../../../src/content/banner-view';
import { bannerTranslator } from '../../../src/content/locales';
import {
  CAUSES,
  type Cause,
  PLATFORMS,
  type PlatformId,
  type PlatformReport,
  SCOPES,
  type Scope,
  STATUSES,
  type Status,
} from '../../../src/core/types';
import type { Translator } from '../../../src/shared/i18n';
import { decodePageReport as pickReport } from '../../../src/shared/protocol/report';
import { meaningOf } from '../../../src/ui/meaning';

const TZ = 'Asia/Kolkata';
// 4 Oct 2021, 15:39 UTC = 21:09 IST.
const SINCE = Date.UTC(2021, 9, 4, 15, 39);
const NOW = SINCE + 35 * 60_000;

function report(status: Status, cause: Cause, scope: Scope, since: number | null = SINCE): PlatformReport {
  return {
    verdict: { platform: 'instagram', status, cause, scope, since, updatedAt: NOW },
    evidence: {
      windowMs: 120_000,
      total: 40,
      failed: 31,
      byClass: { server: 31 },
      hosts: ['www.instagram.com'],
      firstFailureAt: SINCE,
      lastSuccessAt: null,
      lastFailureAt: NOW,
      checks: {},
    },
  };
}

/** The banner on `p`'s site when only `p` has a report (the others not seen), read as the content script reads it. */
const bannerText = (tr: Translator, p: PlatformId, r: PlatformReport, now: number, tz: string) =>
  bannerOfMeaning(tr, p, meaningOf({ platforms: { [p]: pickReport({ platforms: { [p]: r } }, p)! } }), now, tz);

const hi = bannerTranslator('hi');
const en = bannerTranslator('en');

describe('banner text', () => {
  it('says what, since when and why, in Hindi', () => {
    const b = bannerText(hi, 'instagram', report('down', 'server', 'platform'), NOW, TZ)!;
    expect(b.line).toBe('रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी।');
    expect(b.details).toBe('ज़्यादा जानकारी');
    expect(b.close).toBe('बंद करें');
    expect(b.region).toContain('Instagram');
  });

  it('says it in English when asked', () => {
    const b = bannerText(en, 'instagram', report('degraded', 'unreachable', 'platform'), NOW, TZ)!;
    expect(b.line).toBe('Since 9:09 pm: Instagram is only partly working. Cause: Servers cannot be reached.');
  });

  it('names all of Meta only when all three fail Meta-wide (2021)', () => {
    const all = {
      whatsapp: report('down', 'dns', 'meta'),
      facebook: report('down', 'dns', 'meta'),
      instagram: report('down', 'dns', 'meta'),
    };
    const b = bannerOfMeaning(hi, 'whatsapp', meaningOf({ platforms: all }), NOW, TZ)!;
    expect(b.line).toBe('रात 9:09 बजे से Meta की सभी सेवाएं ठप हैं। वजह: DNS में वेब पता नहीं मिल रहा।');
  });

  it('puts the user-side cause plainly, never as the platform not working', () => {
    const b = bannerText(hi, 'whatsapp', report('down', 'offline', 'you'), NOW, TZ)!;
    expect(b.line).toBe('रात 9:09 बजे से WhatsApp नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: आपका इंटरनेट नहीं चल रहा।');
    expect(b.chip).toBe('आपका इंटरनेट नहीं चल रहा — पूरा संदेश देखें');
  });

  it('leaves out "since" when the start is unknown', () => {
    expect(bannerText(hi, 'facebook', report('down', 'tls', 'network', null), NOW, TZ)!.line).toBe(
      'Facebook नहीं खुल रहा, पर गड़बड़ी उसकी नहीं लगती। वजह: सुरक्षित कनेक्शन नहीं बन पा रहा।',
    );
  });

  it('adds the date, with the full month, when the outage started more than 20 hours ago', () => {
    const b = bannerText(hi, 'instagram', report('down', 'server', 'platform'), SINCE + 30 * 3600_000, TZ)!;
    expect(b.line).toBe('4 अक्टूबर, रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी।');
  });

  it('shows a banner only for degraded and down, for every cause, scope and language', () => {
    for (const tr of [hi, en]) {
      for (const status of STATUSES) {
        for (const cause of CAUSES) {
          for (const scope of SCOPES) {
            for (const p of PLATFORMS) {
              const b = bannerText(tr, p, report(status, cause, scope), NOW, TZ);
              if (status === 'degraded' || status === 'down') {
                expect(b).not.toBeNull();
                // No raw key left untranslated, no "!" (hindi-style.md), Latin digits only.
                expect(b!.line).not.toMatch(/banner_|cause_|platform_|state_|\$|!|[०-९]/);
                if (tr === hi) expect(b!.line.endsWith('।')).toBe(true);
              } else {
                expect(b).toBeNull();
              }
            }
          }
        }
      }
    }
  });

  it('never says "no problem" as the cause of a problem', () => {
    expect(bannerText(hi, 'instagram', report('down', 'none', 'platform'), NOW, TZ)!.line).toBe(
      'रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह अभी पक्की नहीं है।',
    );
  });

  it('survives unknown strings from a newer background', () => {
    const r = report('down', 'server', 'platform');
    (r.verdict as { cause: string }).cause = 'quantum';
    (r.verdict as { since: unknown }).since = 'yesterday';
    expect(() => bannerText(hi, 'instagram', r, NOW, TZ)).not.toThrow();
    expect(bannerText(hi, 'instagram', r, NOW, TZ)!.line).toBe('Instagram काम नहीं कर रहा है। वजह अभी पक्की नहीं है।');
  });

  it('has a "fixed" note', () => {
    expect(recoveredText(hi, 'instagram')).toBe('Instagram फिर से काम कर रहा है।');
    expect(recoveredText(en, 'whatsapp')).toBe('WhatsApp is working again.');
  });
});
