/**
 * System notifications for an episode's start and end. What to send is decided in episodes.ts;
 * this only words and sends them, and never throws (the OS or the user may disallow them).
 */

import type { Episode } from '../shared/history';
import { keyPart, type Translator } from '../shared/i18n';
import { platformList } from './translate';

export const NOTIF_PREFIX = 'nazar:';

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
}

export interface NotificationText {
  title: string;
  message: string;
}

export function outageText(e: Episode, t: Translator): NotificationText {
  const who = e.scope === 'meta' && e.platforms.length > 1 ? t.t('platform_meta') : platformList(t, e.platforms);
  return {
    title: t.t('notif_outage_title', who),
    message: t.plural(
      'notif_outage_body',
      e.platforms.length,
      platformList(t, e.platforms),
      t.t(`cause_${keyPart(e.cause)}`),
    ),
  };
}

export function backText(e: Episode, t: Translator, duration: string): NotificationText {
  return {
    title: t.plural('notif_back_title', e.platforms.length, platformList(t, e.platforms)),
    message: t.t('notif_back_body', duration),
  };
}

/** The notification id carries the episode, so a click can open that episode's details. */
export const notificationId = (kind: 'outage' | 'back', e: Episode) => `${NOTIF_PREFIX}${kind}:${e.id}`;

export async function sendNotification(
  api: NotificationsApi | undefined,
  id: string,
  text: NotificationText,
  iconUrl: string,
): Promise<boolean> {
  if (!api) return false;
  try {
    await api.create(id, { type: 'basic', iconUrl, title: text.title, message: text.message });
    return true;
  } catch (e) {
    console.warn('nazar: notification not shown', e);
    return false;
  }
}
