/** What the person can do, for every cause × scope. Order matters: the most useful step first. */
import type { Cause, Scope } from '../core/types';

export type AdviceKey =
  | 'advice_check_connection'
  | 'advice_switch_network'
  | 'advice_wait_auto'
  | 'advice_change_dns'
  | 'advice_isp'
  | 'advice_wait'
  | 'advice_other_app'
  | 'advice_no_fixed_apps'
  | 'advice_no_rumours'
  | 'advice_tls_clock'
  | 'advice_tls_portal'
  | 'advice_retry_later';

export function adviceFor(cause: Cause, scope: Scope): AdviceKey[] {
  if (cause === 'none') return [];
  if (cause === 'offline' || (scope === 'you' && cause !== 'tls'))
    return ['advice_check_connection', 'advice_switch_network', 'advice_wait_auto'];
  if (cause === 'tls')
    return ['advice_tls_clock', 'advice_tls_portal', 'advice_switch_network', 'advice_no_fixed_apps'];
  if (cause === 'local-dns') return ['advice_switch_network', 'advice_change_dns', 'advice_isp'];
  if (scope === 'network') return ['advice_switch_network', 'advice_isp', 'advice_wait'];
  if (cause === 'unknown') return ['advice_retry_later', 'advice_switch_network', 'advice_no_rumours'];
  // The platform's or Meta's own fault: nothing on the user's side will fix it.
  return ['advice_wait', 'advice_other_app', 'advice_no_fixed_apps', 'advice_no_rumours'];
}
