/**
 * Case 16 at the unit level: strings that reach the screen from outside (the error page's URL
 * parameter, evidence and history read from storage) cannot carry bidi overrides or non-hostnames.
 */
import { describe, expect, it } from 'vitest';
import { readErrorPageParams } from '../../../src/errorpage/params';
import { normalizeHistory } from '../../../src/popup/history-data';
import { normalizeReport } from '../../../src/ui/report';

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const OVERRIDES = ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F'];

describe('displayed strings from outside', () => {
  it('the error page shows a refused URL without any bidi control character', () => {
    for (const c of OVERRIDES) {
      const q = new URLSearchParams({ url: `javascript:alert(1)//<img src=x>${c}gnp.exe` });
      const p = readErrorPageParams(`?${q}`);
      expect(p.target).toBeNull();
      expect(BIDI.test(p.shownUrl), JSON.stringify(p.shownUrl)).toBe(false);
      // Still recognisably the same text (nothing else changed).
      expect(p.shownUrl.startsWith('javascript:alert(1)//<img src=x>')).toBe(true);
      expect(p.shownUrl.endsWith('gnp.exe')).toBe(true);
    }
  });

  it('evidence hosts from storage are kept only when they are hostnames', () => {
    const r = normalizeReport({
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
    const h = normalizeHistory([
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
