import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };
import hi from '../../../public/_locales/hi/messages.json' with { type: 'json' };
import { createReturnWatch, errorPageModel } from '../../../src/errorpage/model';
import { readErrorPageParams } from '../../../src/errorpage/params';
import { createTranslator, type Messages } from '../../../src/shared/i18n';
import { keysOf, say } from '../../../src/ui/msg';
import { report, T0 } from '../ui/fixtures';

const tr = createTranslator(hi as Messages, 'hi');
const q = (o: Record<string, string>) => `?${new URLSearchParams(o).toString()}`;
const fbDns = readErrorPageParams(q({ host: 'www.facebook.com', platform: 'facebook', error: 'dns' }));
const metaDns = report({
  whatsapp: { status: 'down', cause: 'dns', scope: 'meta', evidence: { total: 40, failed: 40, byClass: { dns: 40 } } },
  facebook: { status: 'down', cause: 'dns', scope: 'meta', evidence: { total: 40, failed: 40, byClass: { dns: 40 } } },
  instagram: { status: 'down', cause: 'dns', scope: 'meta', evidence: { total: 40, failed: 40, byClass: { dns: 40 } } },
});

describe('error page model', () => {
  it('DNS failure of Facebook during a Meta outage: heading, lead, shared explanation, DNS explained, hack answer', () => {
    const m = errorPageModel(fbDns, metaDns, T0 + 10 * 60_000, false);
    expect(say(tr, m.heading)).toBe('Facebook नहीं खुल सका');
    expect(say(tr, m.lead!)).toBe('आपका ब्राउज़र इंटरनेट पर www.facebook.com को नहीं ढूंढ पाया।');
    expect(m.explanation?.verdict.cause).toBe('dns');
    expect(m.explanation?.hack).not.toBeNull();
    expect(m.glossary.map((g) => g.key)).toEqual(['explain_gloss_dns']);
    expect(say(tr, m.note!)).toContain('अपने-आप वापस');
    expect(m.canRetry).toBe(true);
  });

  it('before any report: says it is checking, still offers retry', () => {
    const m = errorPageModel(fbDns, null, T0, false);
    expect(m.explanation).toBeNull();
    expect(m.note?.key).toBe('errorpage_checking');
    expect(m.canRetry).toBe(true);
  });

  it('verdict still up: does not claim an outage', () => {
    const m = errorPageModel(fbDns, report({}), T0, false);
    expect(m.explanation).toBeNull();
    expect(m.note?.key).toBe('errorpage_no_verdict');
  });

  it('without a platform there is nothing to retry, and no host is named', () => {
    const p = readErrorPageParams(q({ host: 'evil.example', platform: 'myspace', error: 'dns' }));
    const m = errorPageModel(p, metaDns, T0, false);
    expect(m.canRetry).toBe(false);
    expect(m.lead?.key).toBe('errorpage_no_url');
  });

  it('every key it can produce exists in both locales', () => {
    const all: string[] = [];
    for (const error of ['dns', 'unreachable', 'tls', 'offline', 'unknown', 'nonsense']) {
      for (const host of ['web.whatsapp.com', 'example.com', '']) {
        for (const r of [null, report({}), metaDns]) {
          for (const returning of [false, true]) {
            const m = errorPageModel(readErrorPageParams(q({ host, platform: 'whatsapp', error })), r, T0, returning);
            for (const x of [m.docTitle, m.heading, m.lead, m.note, ...m.glossary]) if (x) all.push(...keysOf(x));
          }
        }
      }
    }
    for (const k of new Set(all)) {
      expect(k in hi, k).toBe(true);
      expect(k in en, k).toBe(true);
    }
  });
});

describe('automatic return', () => {
  it('fires once, only after this page saw a problem and then up', () => {
    const w = createReturnWatch('facebook');
    expect(w.update(report({}))).toBe(false);
    expect(w.update(metaDns)).toBe(false);
    expect(w.update(report({}))).toBe(true);
    expect(w.update(report({}))).toBe(false);
  });

  it('never fires without a platform or a report', () => {
    const w = createReturnWatch(null);
    expect(w.update(metaDns)).toBe(false);
    expect(w.update(report({}))).toBe(false);
    expect(createReturnWatch('facebook').update(null)).toBe(false);
  });
});
