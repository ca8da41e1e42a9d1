/**
 * The sentences of a check from other networks, built from its one meaning (meaning.ts) as
 * messages (ui/msg.ts): each names the one platform checked, with the numbers it rests on.
 */
import { keyPart } from '../shared/i18n';
import { counted, type Msg, msg } from '../ui/msg';
import type { OthersMeaning } from './meaning';

export interface OthersWords {
  /** The answer, first the finding, then what it means. */
  lines: Msg[];
  /** A line under the list: the partial mark, the source and time. */
  notes: Msg[];
  tone: 'ok' | 'bad' | 'warn' | 'unknown';
}

export function othersWordsOf(m: OthersMeaning): OthersWords {
  const p = msg(`platform_${m.platform}`);
  const where = msg(m.inIndia ? 'on_where_india' : 'on_where_other');
  const n = m.main.ok + m.main.failed;
  const names = { list: m.names.map((x) => msg('on_name', x)) };
  const notes: Msg[] = [];
  if (m.partial) notes.push(msg('on_partial', m.expected, m.answered));
  if (m.phase === 'running')
    return { lines: [msg('on_running'), msg('on_progress', m.expected, m.answered)], notes, tone: 'unknown' };
  if (m.phase === 'rate-limited')
    return {
      lines: [m.retryAt ? msg('on_rate_limited', { clock: m.retryAt }) : msg('on_rate_limited_later')],
      notes,
      tone: 'warn',
    };
  if (m.phase === 'unavailable')
    return { lines: [msg('on_unavailable', msg(`on_why_${keyPart(m.why ?? 'unreachable')}`))], notes, tone: 'unknown' };
  const lines: Msg[] = [];
  switch (m.answer) {
    case 'others-fail':
      lines.push(msg('on_fail', where, p, n, m.main.failed, names), msg('on_fail_so', p));
      break;
    case 'others-ok':
      lines.push(msg('on_ok', where, p, n, m.main.ok, names), msg('on_ok_so'));
      break;
    case 'mixed':
      lines.push(msg('on_mixed', n, m.main.ok, p, m.main.failed), msg('on_mixed_so'));
      break;
    default:
      lines.push(counted('on_too_few', m.answered));
  }
  if (m.abroad) lines.push(msg('on_abroad', m.abroad.ok + m.abroad.failed, m.abroad.ok));
  if (m.dns) lines.push(msg('on_dns', m.dns.ok + m.dns.failed, m.dns.ok, m.host));
  const tone = m.answer === 'others-fail' ? 'bad' : m.answer === 'others-ok' ? 'ok' : 'warn';
  return { lines, notes, tone };
}
