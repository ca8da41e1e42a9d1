/** Platform reports for the background's pure logic (episodes, reactions): a status per platform, the rest typical. */
import { PLATFORMS, type PlatformId, type PlatformReport, type Status } from '../../../src/core/types';

/** `over`: [status, cause, scope] per platform (default up); a `down` one's own probe failed too, at `t`. */
export function reports(
  over: Partial<Record<PlatformId, [Status, PlatformReport['verdict']['cause'], PlatformReport['verdict']['scope']?]>>,
  t = 0,
) {
  const out = {} as Record<PlatformId, PlatformReport>;
  for (const p of PLATFORMS) {
    const [status, cause, scope] = over[p] ?? ['up', 'none', 'none'];
    out[p] = {
      verdict: {
        platform: p,
        status,
        cause,
        scope: scope ?? (status === 'up' ? 'none' : 'platform'),
        since: t,
        updatedAt: t,
      },
      evidence: {
        windowMs: 60_000,
        total: 10,
        failed: status === 'up' ? 0 : 8,
        byClass: status === 'up' ? {} : { server: 8 },
        hosts: status === 'up' ? [] : [`www.${p}.com`],
        firstFailureAt: null,
        lastSuccessAt: null,
        lastFailureAt: null,
        // Nazar's own probe of a platform that is down failed too (what an outage notification needs).
        checks: status === 'down' ? { platform: { at: t, ok: false, errorClass: 'unreachable' } } : {},
      },
    };
  }
  return out;
}
