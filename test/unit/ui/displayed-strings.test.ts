/**
 * Case 16 at the unit level: strings that reach the screen from outside (the error page's URL
 * parameter, evidence and history read from storage) cannot carry bidi overrides or non-hostnames.
 */
import { describe, expect, it } from 'vitest';
import { readErrorPageParams } from '../../../src/errorpage/params';
import { decodeHistory } from '../../../src/shared/protocol/history';
import { decodeReport } from '../../../src/shared/protocol/report';

const OVERRIDES = ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F'];

describe('displayed strings from outside', () => {
  it('the error page names no host carrying a bidi control character', () => {
    for (const c of OVERRIDES) {
      const p = readErrorPageParams(
        `?${new URLSearchParams({ host: `web.whatsapp.com${c}gnp.exe`, platform: 'whatsapp' })}`,
      );
      expect(p.host).toBeNull();
    }
  });

  it('evidence hosts from storage are kept only when they are hostnames', () => {
    const r = decodeReport({
      platforms: {
        instagram: {
          verdict: { status: 'down', cause: 'server', scope: 'platform' },
          evidence: {
            total: 3,
            failed: 3,
            hosts: [
              '<img src=x onerror=alert(1)>',
              'evil\u202Emoc.koobecaf',
              'i.instagram.com',
              'https://x.com/a',
              42,
              'static.cdninstagram.com',
            ],
          },
        },
      },
    });
    expect(r?.platforms.instagram.evidence.hosts).toEqual(['i.instagram.com', 'static.cdninstagram.com']);
  });

  it('history hosts from storage are kept only when they are hostnames', () => {
    const h = decodeHistory([
      {
        id: 'a',
        platforms: ['facebook'],
        start: 1_700_000_000_000,
        end: 1_700_000_600_000,
        cause: 'dns',
        scope: 'meta',
        worst: 'down',
        peak: { failed: 5, total: 5, byClass: {}, hosts: ['www.facebook.com', '<b>x</b>', 'a\u202Eb.com'] },
      },
    ]);
    expect(h[0]?.peak.hosts).toEqual(['www.facebook.com']);
  });
});
