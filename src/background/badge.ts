/**
 * The toolbar badge: one look per situation of the one meaning (src/ui/meaning.ts), and a tooltip
 * with the popup's own headline and sub line.
 * `badgeLook` is pure (tested); `applyBadge` writes it through the action API.
 */
import type { Translator } from '../shared/i18n';
import type { StatusReport } from '../shared/protocol/messages';
import { causeLine } from '../ui/cause-line';
import { type Meaning, meaningOf } from '../ui/meaning';
import { type Msg, msg, say } from '../ui/msg';
import { headlineOf } from '../ui/words';

export type BadgeKind = 'ok' | 'degraded' | 'down' | 'you' | 'network' | 'no-permission';

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
  // The user's own side: a neutral colour, so it never reads as "WhatsApp is broken".
  you: { text: 'off', color: '#5f6368' },
  // The user's internet company or network (local DNS, interception): neutral too. Its mark is the
  // "partly" one, as the engine can move between this and a platform's degraded verdict while a
  // network flaps (case 11): the mark stays put, the colour and title say whose side it is.
  network: { text: '~', color: '#5f6368' },
  'no-permission': { text: '?', color: '#1a73e8' },
};

function kindOf(m: Meaning): BadgeKind {
  switch (m.situation) {
    case 'no-permission':
      return 'no-permission';
    case 'you':
      return 'you';
    case 'network':
      return 'network';
    case 'outage':
      return m.severity === 'degraded' ? 'degraded' : 'down';
    default:
      return 'ok';
  }
}

/** The tooltip: "नज़र", the popup's headline and sub line, and for an outage its cause when there is one. */
function titleOf(m: Meaning): Msg[] {
  // Without permission the badge is the way in: it says to click it.
  if (m.situation === 'no-permission') return [msg('badge_title_name'), msg('badge_title_no_permission')];
  const h = headlineOf(m);
  const causes = new Set(m.named.map((p) => m.each[p].cause));
  const [cause] = causes;
  const why = m.situation === 'outage' && causes.size === 1 && cause ? [causeLine(cause, false)] : [];
  return [msg('badge_title_name'), h.headline, ...h.sub, ...why];
}

export function badgeLook(r: StatusReport, t: Translator): BadgeLook {
  const m = meaningOf(r);
  const kind = kindOf(m);
  return {
    kind,
    ...LOOKS[kind],
    title: titleOf(m)
      .map((line) => say(t, line))
      .join('\n'),
  };
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
