/** Lays out the history timeline: days along x, one row per platform, bars coloured by cause. Pure. */
import { type Cause, PLATFORMS, type PlatformId } from '../core/types';
import type { Episode } from '../shared/protocol/episode';

export const CHART_DAYS = 14;
export const LABEL_W = 76;
export const ROW_H = 22;

/** Distinct hues; bars carry no text, and the legend and list say the same in words. */
export const CAUSE_COLOR: Record<Cause, string> = {
  none: '#9e9e9e',
  offline: '#5f6368',
  dns: '#b00020',
  'local-dns': '#7b1fa2',
  unreachable: '#e65100',
  server: '#0b57d0',
  tls: '#00796b',
  unknown: '#795548',
};

export interface Bar {
  id: string;
  platform: PlatformId;
  row: number;
  x: number;
  width: number;
  cause: Cause;
}

export interface ChartLayout {
  width: number;
  height: number;
  from: number;
  bars: Bar[];
  /** Day boundaries to label, as x positions and their times. */
  ticks: { x: number; at: number }[];
  /** The causes present, in a stable order, for the legend. */
  causes: Cause[];
}

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function chartLayout(episodes: Episode[], now: number, width = 320, days = CHART_DAYS): ChartLayout {
  const from = startOfDay(now) - (days - 1) * 86_400_000;
  const to = startOfDay(now) + 86_400_000;
  const plotW = width - LABEL_W;
  const xOf = (t: number) => LABEL_W + ((Math.min(Math.max(t, from), to) - from) / (to - from)) * plotW;
  const bars: Bar[] = [];
  for (const e of episodes) {
    const end = e.end ?? now;
    if (end < from || e.start > to) continue;
    for (const p of e.platforms) {
      const x = xOf(e.start);
      // Even a 5-minute episode must stay visible: at least 3 px wide.
      bars.push({
        id: `${e.id}-${p}`,
        platform: p,
        row: PLATFORMS.indexOf(p),
        x,
        width: Math.max(3, xOf(end) - x),
        cause: e.cause,
      });
    }
  }
  const ticks = [];
  for (let i = 0; i < days; i += 7) ticks.push({ x: xOf(from + i * 86_400_000), at: from + i * 86_400_000 });
  ticks.push({ x: xOf(startOfDay(now)), at: startOfDay(now) });
  const causes = (Object.keys(CAUSE_COLOR) as Cause[]).filter((c) => bars.some((b) => b.cause === c));
  return { width, height: PLATFORMS.length * ROW_H + 24, from, bars, ticks, causes };
}
