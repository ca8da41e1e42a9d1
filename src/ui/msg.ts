/**
 * A message to show, as data: a locale key plus its substitutions. The view models build these
 * (pure, testable without a browser); `say()` turns one into text with a Translator at the edge.
 * Substitutions can be nested messages, times and durations, so formatting stays in one place.
 */
import { formatClock, formatDate, formatDuration, formatSpan } from '../shared/format';
import type { Translator } from '../shared/i18n';

export type Arg =
  | string
  | number
  | Msg
  | { clock: number }
  | { date: number }
  | { duration: number }
  /** How long a span lasted: like a duration, but under 10 s it is "10 सेकंड से कम", never a moment. */
  | { span: number }
  | { list: Msg[] };

export interface Msg {
  key: string;
  args?: Arg[];
  /** When set, `key` is a plural base: `<key>_zero|_one|_other` is picked by this count (also $1). */
  count?: number;
}

export const msg = (key: string, ...args: Arg[]): Msg => ({ key, args });
export const counted = (key: string, count: number, ...args: Arg[]): Msg => ({ key, count, args });

const isMsg = (a: Arg): a is Msg => typeof a === 'object' && 'key' in a;

/** "A", "A और B", "A, B और C": Hindi and English join lists the same way. */
function joinList(tr: Translator, items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1] ?? '';
  return tr.t('list_and', items.slice(0, -1).join(', '), last);
}

export function sayArg(tr: Translator, a: Arg, timeZone?: string): string | number {
  if (typeof a === 'string' || typeof a === 'number') return a;
  if (isMsg(a)) return say(tr, a, timeZone);
  if ('clock' in a) return formatClock(tr, a.clock, timeZone);
  if ('date' in a) return formatDate(tr, a.date, timeZone);
  if ('duration' in a) return formatDuration(tr, a.duration);
  if ('span' in a) return formatSpan(tr, a.span);
  return joinList(
    tr,
    a.list.map((m) => say(tr, m, timeZone)),
  );
}

export function say(tr: Translator, m: Msg, timeZone?: string): string {
  const args = (m.args ?? []).map((a) => sayArg(tr, a, timeZone));
  return m.count === undefined ? tr.t(m.key, ...args) : tr.plural(m.key, m.count, ...args);
}

/** Every locale key a message needs (plural bases expanded to the form its count picks). */
export function keysOf(m: Msg): string[] {
  const own =
    m.count === undefined ? [m.key] : [`${m.key}_${m.count === 0 ? 'zero' : m.count === 1 ? 'one' : 'other'}`];
  for (const a of m.args ?? []) {
    if (typeof a !== 'object') continue;
    if (isMsg(a)) own.push(...keysOf(a));
    else if ('list' in a) {
      own.push('list_and');
      for (const x of a.list) own.push(...keysOf(x));
    }
  }
  return own;
}
