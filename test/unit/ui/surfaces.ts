/**
 * Every surface's words for one StatusReport, rendered as the reader sees them (placeholders
 * filled, plural forms chosen), through the same code the surfaces run: the popup's headline and
 * rows, the banner and its chip on each platform's own site, the error page, the badge's title,
 * and the notifications of the outage episode the report would start.
 */
import enMessages from '../../../public/_locales/en/messages.json' with { type: 'json' };
import hiMessages from '../../../public/_locales/hi/messages.json' with { type: 'json' };
import { badgeLook } from '../../../src/background/badge';
import { emptyEpisodeState, stepEpisodes } from '../../../src/background/episodes';
import { backText, outageText } from '../../../src/background/notifications';
import { bannerText } from '../../../src/content/banner-view';
import { bannerTranslator } from '../../../src/content/locales';
import { type Cause, type ErrorClass, PLATFORMS, type PlatformId, type Scope } from '../../../src/core/types';
import { errorPageModel } from '../../../src/errorpage/model';
import { createTranslator, type Lang, type Messages, type Translator } from '../../../src/shared/i18n';
import type { StatusReport } from '../../../src/shared/protocol/messages';
import { explainReport } from '../../../src/ui/explain';
import { meaningOf } from '../../../src/ui/meaning';
import { say } from '../../../src/ui/msg';
import { type PlatformState, report, T0 } from './fixtures';

export const TZ = 'Asia/Kolkata';
const MESSAGES: Record<Lang, Messages> = { hi: hiMessages as Messages, en: enMessages as Messages };
export const translator = (lang: Lang): Translator => createTranslator(MESSAGES[lang], lang);

/** The failed load the error page was opened for, as the browser would report it for each cause. */
const LOAD_ERROR: Record<Cause, ErrorClass> = {
  none: 'unknown',
  offline: 'offline',
  dns: 'dns',
  'local-dns': 'dns',
  unreachable: 'unreachable',
  server: 'server',
  tls: 'tls',
  unknown: 'unknown',
};

export interface Surfaces {
  headline: string;
  sub: string;
  /** "WhatsApp: काम नहीं कर रहा है (सर्वर में गड़बड़ी) [bad]" per platform. */
  rows: string[];
  /** Per platform whose site shows a banner: "line ‖ chip". */
  banner: Partial<Record<PlatformId, string>>;
  /** The error page of each failing platform: heading, then the explanation's title. */
  errorPage: Partial<Record<PlatformId, string>>;
  badge: { kind: string; title: string };
  /** The outage and back notifications this report's episode sends (none when it sends none). */
  notifications: string[];
}

export function renderSurfaces(report: StatusReport, lang: Lang, now: number): Surfaces {
  const tr = translator(lang);
  const s = (m: Parameters<typeof say>[1]) => say(tr, m, TZ);
  const screen = explainReport(report, now);
  const meaning = meaningOf(report);
  const banner: Surfaces['banner'] = {};
  const errorPage: Surfaces['errorPage'] = {};
  for (const p of PLATFORMS) {
    // A content script is sent its own platform's verdict only (no other platform): the banner's words
    // come from that alone, as on the site.
    const b = bannerText(bannerTranslator(lang), p, meaningOf({ platforms: { [p]: report.platforms[p] } }), now, TZ);
    if (b) banner[p] = `${b.line} ‖ ${b.chip}`;
    if (meaning.each[p].side === null) continue;
    const host = { whatsapp: 'web.whatsapp.com', facebook: 'www.facebook.com', instagram: 'www.instagram.com' }[p];
    const model = errorPageModel(
      {
        token: '0123456789abcdef',
        host,
        platform: p,
        errorClass: LOAD_ERROR[meaning.each[p].cause],
      },
      report,
      now,
      false,
    );
    errorPage[p] = [model.heading, model.lead, model.explanation?.title].map((m) => (m ? s(m) : '–')).join(' ‖ ');
  }
  const look = badgeLook(report, tr);
  // Nazar's own probe failed too wherever a platform is down: what an outage notification waits for.
  const checked = Object.fromEntries(
    PLATFORMS.map((p) => {
      const r = report.platforms[p];
      if (r.verdict.status !== 'down') return [p, r];
      const checks = { ...r.evidence.checks, platform: { at: now, ok: false } };
      return [p, { ...r, evidence: { ...r.evidence, checks } }];
    }),
  ) as StatusReport['platforms'];
  const step = stepEpisodes(emptyEpisodeState(), checked, now);
  const notifications = step.actions
    .filter((a) => a.kind === 'notify-outage')
    .flatMap((a) => {
      const out = outageText(a.episode, tr);
      const back = backText(a.episode, tr, 75 * 60_000);
      return [`${out.title} ‖ ${out.message}`, `${back.title} ‖ ${back.message}`];
    });
  return {
    headline: s(screen.headline),
    sub: screen.sub.map(s).join(' '),
    rows: screen.rows.map(
      (r) => `${tr.t(`platform_${r.platform}`)}: ${s(r.label)}${r.detail ? ` (${s(r.detail)})` : ''} [${r.tone}]`,
    ),
    banner,
    errorPage,
    badge: { kind: look.kind, title: look.title.replaceAll('\n', ' ‖ ') },
    notifications,
  };
}

const ALL3: PlatformId[] = ['whatsapp', 'facebook', 'instagram'];
const each = (ps: PlatformId[], st: PlatformState): Partial<Record<PlatformId, PlatformState>> =>
  Object.fromEntries(ps.map((p) => [p, st]));
const down = (cause: Cause, scope: Scope): PlatformState => ({ status: 'down', cause, scope });
const degraded = (cause: Cause, scope: Scope): PlatformState => ({ status: 'degraded', cause, scope });
const unknown: PlatformState = { status: 'unknown', cause: 'none', scope: 'none' };

/** The situations every surface must word right: one, two and three platforms, each status, cause × scope. */
export const SCENARIOS = {
  'fresh install, nothing seen': report(each(ALL3, unknown)),
  'all three working': report({}),
  'only WhatsApp seen, working': report({ facebook: unknown, instagram: unknown }),
  'Instagram down (server), others working': report({ instagram: down('server', 'platform') }),
  'Instagram degraded (server), others working': report({ instagram: degraded('server', 'platform') }),
  'Meta-wide: WhatsApp and Instagram down (server), Facebook working': report(
    each(['whatsapp', 'instagram'], down('server', 'meta')),
  ),
  'Meta-wide: WhatsApp down, Instagram degraded (unreachable), Facebook working': report({
    whatsapp: down('unreachable', 'meta'),
    instagram: degraded('unreachable', 'meta'),
  }),
  'two on their own: WhatsApp down (server), Facebook degraded (unreachable)': report({
    whatsapp: down('server', 'platform'),
    facebook: degraded('unreachable', 'platform'),
  }),
  'Meta-wide: all three down (DNS), 4 October 2021': report(each(ALL3, down('dns', 'meta'))),
  'Meta-wide: all three degraded (server)': report(each(ALL3, degraded('server', 'meta'))),
  'Meta-wide group, only WhatsApp still failing': report({ whatsapp: down('server', 'meta') }),
  'WhatsApp down, cause not known yet': report({ whatsapp: down('unknown', 'none') }),
  'offline: all three': report(each(ALL3, down('offline', 'you')), { online: false }),
  'offline: WhatsApp and Instagram, Facebook not seen': report({
    ...each(['whatsapp', 'instagram'], down('offline', 'you')),
    facebook: unknown,
  }),
  'local DNS: WhatsApp': report({ whatsapp: down('local-dns', 'network') }),
  'local DNS: WhatsApp and Facebook': report(each(['whatsapp', 'facebook'], down('local-dns', 'network'))),
  'TLS interception: all three': report(each(ALL3, down('tls', 'network'))),
  'no permission': report({}, { hostPermissions: false }),
} satisfies Record<string, StatusReport>;
export type ScenarioName = keyof typeof SCENARIOS;
/** 75 minutes after every failure began (at T0, 21:09 IST on 4 October 2021). */
export const NOW = T0 + 75 * 60_000;
