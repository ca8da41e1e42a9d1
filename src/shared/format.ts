/**
 * Times and durations the way Hindi UI and news write them ("रात 9:09 बजे", "2 घंटे 15 मिनट").
 * ICU's relative-time "अब" is not what people say; we write अभी-अभी instead (hindi-style.md §3).
 */
import type { Translator } from './i18n';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "रात 9:09 बजे" / "9:09 pm". */
export function formatClock(tr: Translator, at: number, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone };
  if (tr.lang === 'hi') {
    const s = new Intl.DateTimeFormat('hi-IN', { ...opts, dayPeriod: 'long' }).format(at);
    return tr.t('time_clock', s);
  }
  return new Intl.DateTimeFormat('en-IN', opts).format(at);
}

/** "4 अक्टूबर" / "4 October": a date with the full month, never a bare "कल". */
export function formatDate(tr: Translator, at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(tr.lang === 'hi' ? 'hi-IN' : 'en-IN', {
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(at);
}

/** "2 घंटे 15 मिनट", "1 दिन 3 घंटे", "40 सेकंड"; under 10 s it is "अभी-अभी". */
export function formatDuration(tr: Translator, ms: number): string {
  const d = Math.max(0, ms);
  if (d < 10_000) return tr.t('duration_just_now');
  if (d < MIN) return tr.plural('duration_seconds', Math.floor(d / 1000));
  if (d < HOUR) return tr.plural('duration_minutes', Math.floor(d / MIN));
  if (d < DAY) {
    const h = Math.floor(d / HOUR);
    const m = Math.floor((d % HOUR) / MIN);
    const hs = tr.plural('duration_hours', h);
    return m ? tr.t('duration_pair', hs, tr.plural('duration_minutes', m)) : hs;
  }
  const days = Math.floor(d / DAY);
  const h = Math.floor((d % DAY) / HOUR);
  const ds = tr.plural('duration_days', days);
  return h ? tr.t('duration_pair', ds, tr.plural('duration_hours', h)) : ds;
}

/** How long a finished span lasted (an episode in history): never "just now", which means a moment. */
export function formatSpan(tr: Translator, ms: number): string {
  return Math.max(0, ms) < 10_000 ? tr.t('duration_under_10s') : formatDuration(tr, ms);
}
