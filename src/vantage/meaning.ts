/**
 * The one meaning of a check from other networks: what the UI says is decided here, once, from the
 * run's state, with the engine's own thresholds (core/vantage.ts `vantageAnswer`), so the words and
 * the verdict can never disagree. Counts come from the answers that arrived; network names are the
 * cleaned names (results.ts), shortened to the name people know for the large Indian ISPs.
 */

import type { PlatformId } from '../core/types';
import { type VantageAnswer, vantageAnswer } from '../core/vantage';
import { hostFor } from './request';
import type { ShownProbe } from './results';
import type { RunState, Why } from './run';

/** The brand people know, by AS number (several per ISP). */
const SHORT_NAMES: Record<number, string> = {
  55836: 'Jio',
  64049: 'Jio',
  24560: 'Airtel',
  9498: 'Airtel',
  45609: 'Airtel',
  55410: 'Vi',
  38266: 'Vi',
  45271: 'Vi',
  9829: 'BSNL',
  17813: 'MTNL',
  24309: 'ACT',
  17488: 'Hathway',
  18207: 'YOU Broadband',
};

/** The name shown: the brand for a large Indian ISP, else the network's name before any comma ("Amazon.com, Inc." → "Amazon.com"), so that a list of names stays a list. */
export const shortName = (p: Pick<ShownProbe, 'asn' | 'network'>): string =>
  SHORT_NAMES[p.asn] ?? (p.network.split(',')[0]?.trim() || p.network);

export interface Tally {
  ok: number;
  failed: number;
}

export interface OthersMeaning {
  phase: RunState['phase'];
  platform: PlatformId;
  host: string;
  /** For an answer (done or partial): what the networks say, by the engine's rule. */
  answer: VantageAnswer | null;
  /** Whether the counts below are India's (true) or every network's (no Indian probe answered). */
  inIndia: boolean;
  /** The counts the sentence uses (India's, or all when India gave none). */
  main: Tally;
  abroad: Tally | null;
  /** Names of the networks on the answer’s side (the failing ones for others-fail, …), at most 5 (all of India’s). */
  names: string[];
  partial: boolean;
  answered: number;
  expected: number;
  dns: Tally | null;
  retryAt: number | null;
  why: Why | null;
  /** The probes as shown in the list: India first. */
  probes: ShownProbe[];
  at: number | null;
}

const tally = (ps: ShownProbe[]): Tally => ({
  ok: ps.filter((p) => p.ok).length,
  failed: ps.filter((p) => !p.ok).length,
});

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function othersMeaningOf(s: RunState): OthersMeaning {
  const http = s.kinds.http;
  const dns = s.kinds.dns;
  const main = http && http.probes.length > 0 ? http : (dns ?? http);
  const probes = [...(main?.probes ?? [])].sort((a, b) => Number(b.country === 'IN') - Number(a.country === 'IN'));
  const india = probes.filter((p) => p.country === 'IN');
  const abroad = probes.filter((p) => p.country !== 'IN');
  const all = tally(probes);
  const answered = all.ok + all.failed;
  const hasAnswer = s.phase === 'done' || s.phase === 'partial';
  const answer = hasAnswer ? vantageAnswer({ answered, ...all }) : null;
  // The sentence speaks of India's networks only when India's answers alone say the same as all
  // of them (e.g. not when 1 of 2 in India fails and the answer rests on failures abroad); else it
  // speaks of every network that answered, so its numbers always carry its claim.
  const indiaSays = tally(india);
  const inIndia =
    india.length > 0 && (answer === null || vantageAnswer({ answered: india.length, ...indiaSays }) === answer);
  const shown = inIndia ? india : probes;
  const side = answer === 'others-ok' ? shown.filter((p) => p.ok) : shown.filter((p) => !p.ok);
  return {
    phase: s.phase,
    platform: s.platform,
    host: hostFor(s.platform),
    answer,
    inIndia,
    main: tally(shown),
    abroad: inIndia && abroad.length > 0 ? tally(abroad) : null,
    names: uniq(side.map(shortName)).slice(0, 5),
    partial: s.phase === 'partial',
    answered,
    expected: Math.max(main?.expected ?? 0, answered),
    dns: dns && main !== dns && dns.probes.length > 0 ? tally(dns.probes) : null,
    retryAt: s.retryAt ?? null,
    why: s.why ?? null,
    probes,
    at: s.endedAt ?? null,
  };
}
