/**
 * System notifications for an episode's start and end. What to send is decided in episodes.ts,
 * the words in src/ui/words.ts (the same as the popup's); this only renders and sends them, and
 * never throws (the OS or the user may disallow them).
 */

import type { Translator } from '../shared/i18n';
import type { Episode } from '../shared/protocol/episode';
import { causeLine } from '../ui/cause-line';
import { counted, type Msg, msg, say } from '../ui/msg';
import { platformNames } from '../ui/words';

export const NOTIF_PREFIX = 'nazar:';

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
}

export interface NotificationText {
  title: string;
  message: string;
}

/** "WhatsApp और Instagram में गड़बड़ी है": "में गड़बड़ी" holds for down and degraded alike, as an episode
 * does not keep each platform's status. "सभी" only when all three are in a Meta-wide episode. */
function outageNotice(e: Episode): { title: Msg; body: Msg } {
  const metaWide = e.scope === 'meta' && e.platforms.length > 1;
  const all = metaWide && e.platforms.length === 3;
  return {
    title: all ? msg('state_meta_all_trouble') : msg('state_trouble', platformNames(e.platforms)),
    body: msg('notif_outage_body', causeLine(e.cause, metaWide && !all)),
  };
}

/** "… फिर से काम कर रहे हैं" and how long it lasted ("गड़बड़ी कुल 1 घंटा 15 मिनट चली।"). */
const backNotice = (e: Episode, lastedMs: number) => ({
  title: counted('state_back', e.platforms.length, platformNames(e.platforms)),
  body: msg('notif_back_body', { span: lastedMs }),
});

const render = (t: Translator, n: { title: Msg; body: Msg }): NotificationText => ({
  title: say(t, n.title),
  message: say(t, n.body),
});

export const outageText = (e: Episode, t: Translator): NotificationText => render(t, outageNotice(e));

/** `lastedMs`: from the episode's start to its end. */
export const backText = (e: Episode, t: Translator, lastedMs: number): NotificationText =>
  render(t, backNotice(e, lastedMs));

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
