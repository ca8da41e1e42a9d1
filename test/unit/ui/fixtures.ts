/** Builders for StatusReports in the states the popup and error page must explain. */
import {
  type Cause,
  type Evidence,
  PLATFORMS,
  type PlatformId,
  type Scope,
  type Status,
} from '../../../src/core/types';
import type { StatusReport } from '../../../src/shared/protocol/messages';
import { emptyEvidence } from '../../../src/shared/protocol/report';

export const T0 = Date.UTC(2021, 9, 4, 15, 39); // 21:09 IST, 4 October 2021

export interface PlatformState {
  status: Status;
  cause: Cause;
  scope: Scope;
  evidence?: Partial<Evidence>;
}

export function report(
  states: Partial<Record<PlatformId, PlatformState>>,
  extra: Partial<StatusReport> = {},
  t0 = T0,
): StatusReport {
  const platforms = Object.fromEntries(
    PLATFORMS.map((p) => {
      const s = states[p] ?? { status: 'up', cause: 'none', scope: 'none' };
      return [
        p,
        {
          verdict: { platform: p, status: s.status, cause: s.cause, scope: s.scope, since: t0, updatedAt: t0 + 60_000 },
          evidence: { ...emptyEvidence(), ...s.evidence },
        },
      ];
    }),
  ) as StatusReport['platforms'];
  return {
    generatedAt: t0,
    online: true,
    platforms,
    hostPermissions: true,
    lastCheckAt: null,
    checking: false,
    ...extra,
  };
}

export function statesAt(T0: number) {
  const metaDns: PlatformState = {
    status: 'down',
    cause: 'dns',
    scope: 'meta',
    evidence: {
      windowMs: 120_000,
      total: 40,
      failed: 40,
      hosts: ['web.whatsapp.com'],
      firstFailureAt: T0,
      checks: { control: { at: T0 + 5000, ok: true }, dns: { at: T0 + 5000, status: 2, answers: 0 } },
    },
  };

  return {
    allFine: report({}, {}, T0),
    meta2021: report({ whatsapp: metaDns, facebook: metaDns, instagram: metaDns }, {}, T0),
    instagram5xx: report(
      {
        instagram: {
          status: 'down',
          cause: 'server',
          scope: 'platform',
          evidence: {
            total: 40,
            failed: 31,
            firstFailureAt: T0,
            checks: { control: { at: T0, ok: true }, platform: { at: T0, ok: false, statusCode: 503 } },
          },
        },
      },
      {},
      T0,
    ),
    offline: report(
      Object.fromEntries(
        PLATFORMS.map((p) => [
          p,
          {
            status: 'down',
            cause: 'offline',
            scope: 'you',
            evidence: { total: 12, failed: 12, firstFailureAt: T0, checks: { control: { at: T0, ok: false } } },
          },
        ]),
      ),
      { online: false },
      T0,
    ),
    localDns: report(
      {
        whatsapp: {
          status: 'down',
          cause: 'local-dns',
          scope: 'network',
          evidence: {
            total: 8,
            failed: 8,
            firstFailureAt: T0,
            checks: { control: { at: T0, ok: true }, dns: { at: T0, status: 0, answers: 2, inMetaSpace: true } },
          },
        },
      },
      {},
      T0,
    ),
    noPermission: report({}, { hostPermissions: false }, T0),
  };
}

export const STATES = statesAt(T0);
