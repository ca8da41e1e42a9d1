/**
 * One explanation, rendered: title, what it means, how sure and why, what to do, since when,
 * and "क्या हैक हुआ?" when it applies. Shared by the popup and the error page.
 */
import type { Translator } from '../shared/i18n';
import type { Explanation } from './explain';
import { type Msg, say } from './msg';
import './ui.css';

interface Props {
  tr: Translator;
  ex: Explanation;
  /** Heading level of the title; sections use the next one. */
  level?: 2 | 3;
}

function Lines({ tr, items }: { tr: Translator; items: Msg[] }) {
  return (
    <ul class="nz-list">
      {items.map((m) => (
        <li key={m.key + JSON.stringify(m.args ?? [])}>{say(tr, m)}</li>
      ))}
    </ul>
  );
}

export function ExplainView({ tr, ex, level = 2 }: Props) {
  const H = level === 2 ? 'h2' : 'h3';
  const S = level === 2 ? 'h3' : 'h4';
  return (
    <article class={`nz-explain nz-tone-${ex.tone}`} data-cause={ex.verdict.cause} data-scope={ex.verdict.scope}>
      <H class="nz-explain-title">{say(tr, ex.title)}</H>
      <section>
        <S>{tr.t('explain_what_means')}</S>
        {ex.meaning.map((m) => (
          <p key={m.key}>{say(tr, m)}</p>
        ))}
      </section>
      <section class={`nz-certainty nz-certainty-${ex.certainty}`}>
        <S>{tr.t('explain_how_sure')}</S>
        <p>{say(tr, ex.certaintyText)}</p>
        <Lines tr={tr} items={ex.reasons} />
      </section>
      {ex.advice.length > 0 && (
        <section>
          <S>{tr.t('explain_what_to_do')}</S>
          <Lines tr={tr} items={ex.advice} />
        </section>
      )}
      {ex.timing.length > 0 && (
        <section>
          <S>{tr.t('explain_when')}</S>
          <Lines tr={tr} items={ex.timing} />
        </section>
      )}
      {ex.hack && (
        <details class="nz-hack">
          <summary>{say(tr, ex.hack.question)}</summary>
          {ex.hack.answer.map((m) => (
            <p key={m.key}>{say(tr, m)}</p>
          ))}
        </details>
      )}
    </article>
  );
}

/** Technical words explained once per screen. */
export function Glossary({ tr, items }: { tr: Translator; items: Msg[] }) {
  if (!items.length) return null;
  return (
    <section class="nz-glossary">
      <h3>{tr.t('explain_terms')}</h3>
      {items.map((m) => (
        <p key={m.key}>{say(tr, m)}</p>
      ))}
    </section>
  );
}
