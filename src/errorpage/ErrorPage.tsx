/** The error page's view: heading, what happened, the shared explanation, retry. Text only via JSX. */
import type { Translator } from '../shared/i18n';
import { ExplainView, Glossary } from '../ui/ExplainView';
import { say } from '../ui/msg';
import type { ErrorPageModel } from './model';

interface Props {
  tr: Translator;
  model: ErrorPageModel;
  onRetry(): void;
}

export function ErrorPage({ tr, model, onRetry }: Props) {
  return (
    <main class="ep" lang={tr.lang}>
      <h1 class="ep-heading">{say(tr, model.heading)}</h1>
      {model.lead && <p class="ep-lead">{say(tr, model.lead)}</p>}
      {model.canRetry && (
        <p class="ep-actions">
          <button type="button" class="ep-retry" onClick={onRetry}>
            {tr.t('errorpage_retry')}
          </button>
        </p>
      )}
      {model.note && (
        <p class="ep-note" role="status">
          {say(tr, model.note)}
        </p>
      )}
      {/* "Check from other networks" is loaded here after the first render (src/vantage/load.ts). */}
      <div id="on" />
      {model.explanation && <ExplainView tr={tr} ex={model.explanation} level={2} />}
      <Glossary tr={tr} items={model.glossary} />
      <p class="ep-footer">{tr.t('errorpage_footer')}</p>
    </main>
  );
}
