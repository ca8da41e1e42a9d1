import { describe, expect, it } from 'vitest';
import { badgeLook } from '../../../src/background/badge';
import { backText, notificationId, outageText } from '../../../src/background/notifications';
import { translatorFor } from '../../../src/background/translate';
import { PLATFORMS, type PlatformId, type PlatformReport } from '../../../src/core/types';
import type { StatusReport } from '../../../src/shared/protocol/messages';

function report(
  over: Partial<Record<PlatformId, Partial<PlatformReport['verdict']>>>,
  extra: Partial<StatusReport> = {},
): StatusReport {
  const platforms = {} as Record<PlatformId, PlatformReport>;
  for (const p of PLATFORMS) {
    platforms[p] = {
      verdict: { platform: p, status: 'up', cause: 'none', scope: 'none', since: 0, updatedAt: 0, ...over[p] },
      evidence: {
        windowMs: 1,
        total: 0,
        failed: 0,
        byClass: {},
        hosts: [],
        firstFailureAt: null,
        lastSuccessAt: null,
        lastFailureAt: null,
        checks: {},
      },
    };
  }
  return {
    generatedAt: 0,
    online: true,
    platforms,
    hostPermissions: true,
    lastCheckAt: null,
    checking: false,
    ...extra,
  };
}

const hi = translatorFor('hi');
const en = translatorFor('en');

describe('badge', () => {
  it('all fine: no badge text, a calm tooltip', () => {
    const look = badgeLook(report({}), hi);
    expect(look.kind).toBe('ok');
    expect(look.text).toBe('');
    expect(look.title).toContain('नज़र');
  });

  it('each state has its own look', () => {
    const down = badgeLook(report({ instagram: { status: 'down', cause: 'server', scope: 'platform' } }), hi);
    const degraded = badgeLook(report({ instagram: { status: 'degraded', cause: 'server', scope: 'platform' } }), hi);
    const you = badgeLook(report({ whatsapp: { status: 'down', cause: 'offline', scope: 'you' } }), hi);
    const offlineSignal = badgeLook(report({}, { online: false }), hi);
    const noPerm = badgeLook(report({}, { hostPermissions: false }), hi);
    const looks = [badgeLook(report({}), hi), down, degraded, you, noPerm];
    expect(looks.map((l) => l.kind)).toEqual(['ok', 'down', 'degraded', 'you', 'no-permission']);
    expect(new Set(looks.map((l) => `${l.text}|${l.color}`)).size).toBe(5);
    expect(offlineSignal.kind).toBe('you');
  });

  it('the tooltip says which platform and why, in the chosen language', () => {
    const r = report({
      whatsapp: { status: 'down', cause: 'dns', scope: 'meta' },
      facebook: { status: 'down', cause: 'dns', scope: 'meta' },
      instagram: { status: 'down', cause: 'local-dns', scope: 'network' },
    });
    // Instagram's own network keeps it from opening: not part of the outage the title names.
    expect(badgeLook(r, hi).title).toBe(
      'नज़र\nWhatsApp और Facebook काम नहीं कर रहे हैं\nगड़बड़ी Meta की तरफ़ लगती है।\nवजह: DNS में वेब पता नहीं मिल रहा।',
    );
    expect(badgeLook(r, en).title).toBe(
      "Nazar\nWhatsApp and Facebook are not working\nThe problem seems to be on Meta's side.\nCause: Web address not found in DNS.",
    );
  });
});

describe('notification wording', () => {
  const ep = {
    id: '1-1',
    platforms: ['whatsapp', 'facebook', 'instagram'] as PlatformId[],
    start: 0,
    end: 3_600_000,
    cause: 'dns' as const,
    scope: 'meta' as const,
    worst: 'down' as const,
    peak: { failed: 1, total: 1, byClass: {}, hosts: [] },
  };
  it('names the platforms and the cause, with Hindi agreement and no placeholders left', () => {
    const o = outageText(ep, hi);
    expect(o.title).toBe('Meta की सभी सेवाओं में गड़बड़ी है');
    expect(o.message).toBe('वजह: DNS में वेब पता नहीं मिल रहा। ज़्यादा जानकारी के लिए क्लिक करें।');
    const one = outageText({ ...ep, platforms: ['instagram'], scope: 'platform', cause: 'server' }, hi);
    expect(one.title).toBe('Instagram में गड़बड़ी है');
    expect(one.message).toBe('वजह: सर्वर में गड़बड़ी। ज़्यादा जानकारी के लिए क्लिक करें।');
    const b = backText({ ...ep, platforms: ['instagram'] }, en, 3_600_000);
    expect(b.title).toBe('Instagram is working again');
    expect(b.message).toBe('The problem lasted 1 hour.');
    for (const s of [o.title, o.message, b.title, b.message]) expect(s).not.toMatch(/\$|notif_|!/);
    expect(notificationId('outage', ep)).not.toBe(notificationId('back', ep));
  });
});
