/** Firefox without host permissions: why they are needed, and a button that asks for them. */
import type { Translator } from '../shared/i18n';

export function Permission({ tr, onRequest }: { tr: Translator; onRequest: () => void }) {
  return (
    <section class="permission" aria-labelledby="headline">
      <p>{tr.t('perm_why')}</p>
      <p>{tr.t('perm_what')}</p>
      {/* onRequest calls permissions.request synchronously: no await may come before it. */}
      <button type="button" class="primary" onClick={onRequest}>
        {tr.t('perm_button')}
      </button>
    </section>
  );
}
