/**
 * How sure we are, chosen from the evidence (never invented), and the reasons in numbers.
 * Levels follow hindi-style.md: पक्का है → लगता है → हो सकता है कि… → पक्का नहीं कह सकते.
 */
import type { Cause, Evidence, PlatformId, Scope } from '../core/types';
import { counted, type Msg, msg } from './msg';

export type Certainty = 'sure' | 'likely' | 'possible' | 'unsure';

/** Does each active check support (+1), contradict (-1) or say nothing (0) about this cause? */
function checkVotes(cause: Cause, scope: Scope, ev: Evidence, online: boolean | null): number[] {
  const { control, dns, platform } = ev.checks;
  const userSide = cause === 'offline' || scope === 'you';
  const votes: number[] = [];
  if (control) votes.push(userSide === !control.ok ? 1 : -1);
  if (online === false) votes.push(userSide ? 1 : 0);
  if (dns && (cause === 'dns' || cause === 'local-dns')) {
    const resolved = dns.status === 0 && dns.answers > 0 && dns.inMetaSpace !== false;
    // An independent resolver failing too means the names are gone everywhere (dns);
    // it answering means only the user's own resolver fails (local-dns).
    votes.push(resolved === (cause === 'local-dns') ? 1 : -1);
  }
  if (platform && !userSide && cause !== 'local-dns') votes.push(platform.ok ? -1 : 1);
  return votes;
}

export function certaintyOf(
  cause: Cause,
  scope: Scope,
  ev: Evidence,
  online: boolean | null,
): { level: Certainty; agree: number; disagree: number } {
  const votes = checkVotes(cause, scope, ev, online);
  const agree = votes.filter((v) => v > 0).length;
  const disagree = votes.filter((v) => v < 0).length;
  // Counts are whole numbers ≥ 0 with failed ≤ total: so the engine builds them, and decodeReport
  // makes them so from anything; they are not clamped again here.
  const failed = ev.failed;
  const ratio = ev.total > 0 ? failed / ev.total : 0;
  let level: Certainty = 'unsure';
  if (cause === 'unknown' || cause === 'none') level = failed > 0 || agree > 0 ? 'possible' : 'unsure';
  else if (failed >= 10 && ratio >= 0.8 && agree >= 1 && disagree === 0) level = 'sure';
  else if (disagree === 0 && ((failed >= 5 && ratio >= 0.5) || agree >= 2 || (agree >= 1 && failed >= 3)))
    level = 'likely';
  else if (failed >= 1 || agree >= 1) level = 'possible';
  // A check that contradicts the verdict caps how sure we can sound.
  if (disagree > 0 && level === 'possible' && agree === 0 && failed < 3) level = 'unsure';
  return { level, agree, disagree };
}

/** "पिछले 2 मिनट में 40 में से 40 अनुरोध नाकाम रहे।" — with Hindi number agreement. */
export function requestCounts(ev: Evidence): Msg {
  const secs = Math.max(1, Math.round(ev.windowMs / 1000));
  const window =
    secs < 60 ? counted('evidence_window_seconds', secs) : counted('evidence_window_minutes', Math.round(secs / 60));
  const { total, failed } = ev;
  if (total === 0) return msg('evidence_none_seen', window);
  if (failed === 0) return counted('evidence_all_ok', total, window);
  if (failed === total) return counted('evidence_all_failed', total, window);
  return counted('evidence_some_failed', failed, total, window);
}

/** The reasons behind the certainty, each with its numbers or the check that said so. */
export function reasons(platform: PlatformId, ev: Evidence, online: boolean | null): Msg[] {
  const out: Msg[] = [requestCounts(ev)];
  const { control, dns, platform: probe } = ev.checks;
  if (online === false) out.push(msg('evidence_browser_offline'));
  if (control) out.push(msg(control.ok ? 'evidence_control_ok' : 'evidence_control_failed'));
  if (dns) {
    if (dns.status === 0 && dns.answers > 0)
      out.push(dns.inMetaSpace === false ? msg('evidence_dns_foreign') : msg('evidence_dns_ok'));
    else if (dns.status === 2) out.push(msg('evidence_dns_servfail'));
    else if (dns.status === 3) out.push(msg('evidence_dns_nxdomain'));
    else out.push(msg('evidence_dns_other', String(dns.status)));
  }
  if (probe) {
    const name = msg(`platform_${platform}`);
    if (probe.ok) out.push(msg('evidence_probe_ok', name));
    else if (probe.statusCode) out.push(msg('evidence_probe_http', name, String(probe.statusCode)));
    else out.push(msg('evidence_probe_failed', name));
  }
  const hosts = ev.hosts.filter((h) => typeof h === 'string' && h.length > 0 && h.length < 256).slice(0, 3);
  if (hosts.length) out.push(msg('evidence_hosts', hosts.join(', ')));
  return out;
}
