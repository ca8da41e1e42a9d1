/** Past episodes: a small SVG timeline (with a text alternative and legend) and a list below. */
import { Component } from 'preact';
import { PLATFORMS } from '../core/types';
import { formatClock, formatDate, formatSpan } from '../shared/format';
import { keyPart, type Translator } from '../shared/i18n';
import type { Episode } from '../shared/protocol/episode';
import { CAUSE_COLOR, CHART_DAYS, chartLayout, LABEL_W, ROW_H } from './history-model';

interface Props {
  tr: Translator;
  history: Episode[];
  now: number;
  onClear: () => void;
}

function Chart({ tr, history, now }: Omit<Props, 'onClear'>) {
  const c = chartLayout(history, now);
  const alt = tr.t('history_chart_alt', CHART_DAYS);
  return (
    <figure class="history-chart">
      <svg viewBox={`0 0 ${c.width} ${c.height}`} role="img" aria-label={alt} width="100%">
        <title>{alt}</title>
        {PLATFORMS.map((p, i) => (
          <g key={p}>
            <rect x={LABEL_W} y={i * ROW_H + 4} width={c.width - LABEL_W} height={ROW_H - 8} fill="#eef0f3" />
            <text x={0} y={i * ROW_H + 15} font-size="11" fill="#1a1a1a">
              {tr.t(`platform_${p}`)}
            </text>
          </g>
        ))}
        {c.bars.map((b) => (
          <rect
            key={b.id}
            x={b.x}
            y={b.row * ROW_H + 4}
            width={b.width}
            height={ROW_H - 8}
            fill={CAUSE_COLOR[b.cause]}
          />
        ))}
        {c.ticks.map((t) => (
          <g key={t.at}>
            <line x1={t.x} x2={t.x} y1={0} y2={PLATFORMS.length * ROW_H} stroke="#9aa0a6" stroke-width="0.5" />
            <text x={Math.min(t.x, c.width - 40)} y={c.height - 4} font-size="10" fill="#4a4a4a">
              {formatDate(tr, t.at)}
            </text>
          </g>
        ))}
      </svg>
      {c.causes.length > 0 && (
        <figcaption>
          <span class="legend-title">{tr.t('history_legend')}:</span>
          <ul class="legend">
            {c.causes.map((cause) => (
              <li key={cause}>
                <span class="swatch" style={{ background: CAUSE_COLOR[cause] }} aria-hidden="true" />
                {tr.t(`cause_${keyPart(cause)}`)}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}

/** A class, not hooks: keeps preact/hooks out of the popup bundle. */
export class History extends Component<Props, { confirming: boolean }> {
  override state = { confirming: false };
  override render({ tr, history, now, onClear }: Props, { confirming }: { confirming: boolean }) {
    const setConfirming = (confirming: boolean) => this.setState({ confirming });
    return (
      <section class="history" aria-labelledby="history-title">
        <h2 id="history-title">{tr.t('history_title')}</h2>
        {history.length === 0 ? (
          <p class="empty">{tr.t('history_empty')}</p>
        ) : (
          <>
            <Chart tr={tr} history={history} now={now} />
            <ul class="history-list">
              {history.slice(0, 20).map((e) => (
                <li key={e.id}>
                  <span class="swatch" style={{ background: CAUSE_COLOR[e.cause] }} aria-hidden="true" />
                  <span>
                    <strong>{e.platforms.map((p) => tr.t(`platform_${p}`)).join(', ')}</strong>
                    {' — '}
                    {tr.t(`cause_${keyPart(e.cause)}`)}
                    <br />
                    {tr.t(
                      'history_item',
                      formatDate(tr, e.start),
                      formatClock(tr, e.start),
                      e.end === null ? tr.t('history_ongoing') : formatSpan(tr, e.end - e.start),
                    )}
                  </span>
                </li>
              ))}
            </ul>
            {confirming ? (
              <fieldset class="confirm" aria-labelledby="clear-q">
                <p id="clear-q">{tr.t('history_clear_confirm')}</p>
                <button
                  type="button"
                  class="danger"
                  onClick={() => {
                    setConfirming(false);
                    onClear();
                  }}
                >
                  {tr.t('history_clear_yes')}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  {tr.t('history_clear_no')}
                </button>
              </fieldset>
            ) : (
              <button type="button" onClick={() => setConfirming(true)}>
                {tr.t('history_clear')}
              </button>
            )}
          </>
        )}
      </section>
    );
  }
}
