/**
 * The toolbar badge: one look per state, and a tooltip that says which platform and why.
 * `badgeLook` is pure (tested); `applyBadge` writes it through the action API.
 */
import { PLATFORMS } from '../core/types';
import { keyPart, type Translator } from '../shared/i18n';
import type { StatusReport } from '../shared/messages';
import { isOutage } from './episodes';

export type BadgeKind = 'ok' | 'degraded' | 'down' | 'you' | 'no-permission';

export interface BadgeLook {
  kind: BadgeKind;
  text: string;
  color: string;
  title: string;
}

const LOOKS: Record<BadgeKind, { text: string; color: string }> = {
  // All fine: no badge at all (a quiet toolbar is the good news).
  ok: { text: '', color: '#188038' },
  degraded: { text: '~', color: '#e37400' },
  down: { text: '×', color: '#c5221f' },
  // The user's own connection: a neutral colour, so it never reads as "WhatsApp is broken".
  you: { text: 'off', color: '#5f6368' },
  'no-permission': { text: '?', color: '#1a73e8' },
};

function kindOf(r: StatusReport): BadgeKind {
  if (!r.hostPermissions) return 'no-permission';
  const verdicts = PLATFORMS.map((p) => r.platforms[p].verdict);
  const yours = verdicts.some(
    (v) => (v.status === 'down' || v.status === 'degraded') && (v.cause === 'offline' || v.scope === 'you'),
  );
  if (r.online === false || yours) return 'you';
  const outages = PLATFORMS.filter((p) => isOutage(r.platforms[p]));
  if (outages.some((p) => r.platforms[p].verdict.status === 'down')) return 'down';
  if (outages.length > 0) return 'degraded';
  return 'ok';
}

export function badgeLook(r: StatusReport, t: Translator): BadgeLook {
  const kind = kindOf(r);
  const name = t.t('badge_title_name');
  let lines: string[];
  if (kind === 'no-permission') lines = [t.t('badge_title_no_permission')];
  else if (kind === 'you') lines = [t.t('badge_title_you')];
  else if (kind === 'ok') lines = [t.t('badge_title_ok')];
  else {
    lines = PLATFORMS.filter((p) => isOutage(r.platforms[p])).map((p) => {
      const v = r.platforms[p].verdict;
      return t.t('badge_title_line', t.t(`platform_${p}`), t.t(`status_${v.status}`), t.t(`cause_${keyPart(v.cause)}`));
    });
  }
  return { kind, ...LOOKS[kind], title: [name, ...lines].join('\n') };
}

export interface ActionApi {
  setBadgeText(d: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(d: { color: string }): Promise<void> | void;
  setTitle(d: { title: string }): Promise<void> | void;
}

/** Writes the look only when it changed (the action API is a cross-process call). */
export function createBadgeWriter(action: ActionApi) {
  let lastApplied = '';
  return async (look: BadgeLook): Promise<void> => {
    const key = `${look.text}|${look.color}|${look.title}`;
    if (key === lastApplied) return;
    lastApplied = key;
    try {
      await action.setBadgeBackgroundColor({ color: look.color });
      await action.setBadgeText({ text: look.text });
      await action.setTitle({ title: look.title });
    } catch (e) {
      lastApplied = '';
      console.warn('nazar: could not update the badge', e);
    }
  };
}
