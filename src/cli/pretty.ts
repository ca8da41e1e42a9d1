/** A readable timeline for --pretty, in the popup's words from the same locale files (times in IST). */
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import hi from '../../public/_locales/hi/messages.json' with { type: 'json' };
import type { Engine } from '../core/engine';
import { PLATFORMS, type VerdictChange } from '../core/types';
import { formatClock, formatDate } from '../shared/format';
import { createTranslator, keyPart, type Lang, type Messages } from '../shared/i18n';
import { requestCounts } from '../ui/certainty';
import { say } from '../ui/msg';

const ZONE = 'Asia/Kolkata';

/** Imported rather than read from disk, so the bundled CLI (scripts/replay.mjs) carries them. */
export function loadMessages(lang: Lang): Messages {
  return (lang === 'en' ? en : hi) as Messages;
}

export function createPrettyPrinter(lang: Lang, messages: Messages = loadMessages(lang)) {
  const tr = createTranslator(messages, lang);
  let lastDate = '';
  const line = (c: VerdictChange, engine: Engine) => {
    const when = `${formatDate(tr, c.timeStamp, ZONE)}, ${formatClock(tr, c.timeStamp, ZONE)}`;
    const head = tr.t('replay_line', when, tr.t(`platform_${c.platform}`), tr.t(`status_${c.status}`));
    const parts = [head];
    if (c.status === 'down' || c.status === 'degraded') {
      parts.push(tr.t('replay_cause', tr.t(`cause_${keyPart(c.cause)}`), tr.t(`scope_${keyPart(c.scope)}`)));
      const ev = engine.report(c.platform, c.timeStamp).evidence;
      // The popup's own sentence ("पिछले 20 सेकंड में 4 में से 4 अनुरोध नाकाम रहे।").
      if (ev.total > 0) parts.push(say(tr, requestCounts(ev), ZONE));
    }
    const date = formatDate(tr, c.timeStamp, ZONE);
    const sep = date !== lastDate && lastDate !== '' ? '\n' : '';
    lastDate = date;
    return `${sep}${parts.join(' — ')}\n`;
  };
  return {
    changes(changes: readonly VerdictChange[], engine: Engine): string {
      return changes.map((c) => line(c, engine)).join('');
    },
    summary(engine: Engine): string {
      const rows = PLATFORMS.map((id) => {
        const v = engine.verdict(id);
        return `  ${tr.t(`platform_${id}`)}: ${tr.t(`status_${v.status}`)}`;
      });
      return `\n${tr.t('replay_final')}\n${rows.join('\n')}\n`;
    },
  };
}
