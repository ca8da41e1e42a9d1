/**
 * The banner's reducer on a virtual clock: each case feeds events at given times and checks what
 * the state shows (hidden, problem, folded chip, "fixed" note) and its deadlines.
 */
import { describe, expect, it } from 'vitest';
import {
  type BannerEvent,
  type BannerState,
  bannerReducer,
  FOLD_AFTER_MS,
  FOLD_RETRY_MS,
  INITIAL_BANNER,
  nextDeadline,
  RECOVERED_NOTE_MS,
} from '../../../src/content/banner-state';
import type { Status } from '../../../src/core/types';

/** Events without their time; `at` gives it. */
type Step =
  | Status
  | undefined
  | { news: string; status?: Status }
  | 'close'
  | 'unfold'
  | 'gone'
  | { tick: true; engaged?: boolean };

/** What the user sees. */
const seen = (s: BannerState) =>
  s.mode === 'recovered' ? 'fixed' : s.mode === 'problem' && s.news ? (s.folded ? 'chip' : 'problem') : 'hidden';

function event(step: Step, now: number): BannerEvent {
  if (step === 'close' || step === 'unfold' || step === 'gone') return { type: step, now };
  if (typeof step === 'object' && 'tick' in step) return { type: 'tick', now, engaged: !!step.engaged };
  if (typeof step === 'object') return { type: 'report', status: step.status ?? 'down', news: step.news, now };
  return { type: 'report', status: step, news: step === 'down' || step === 'degraded' ? `${step}/server` : '', now };
}

/** Feeds `[time, step]` pairs in order; returns each state. */
function run(steps: Array<[number, Step]>): BannerState[] {
  let s = INITIAL_BANNER;
  return steps.map(([at, step]) => {
    s = bannerReducer(s, event(step, at));
    return s;
  });
}
const seenAfter = (steps: Array<[number, Step]>) => run(steps).map(seen);
const tick = { tick: true } as const;

describe('banner reducer: when it shows', () => {
  it.each<[string, Array<[number, Step]>, string[]]>([
    [
      'shows for degraded and down, nothing for up or unknown',
      [
        [0, 'up'],
        [1, 'unknown'],
        [2, 'degraded'],
        [3, 'down'],
      ],
      ['hidden', 'hidden', 'problem', 'problem'],
    ],
    [
      'says "fixed" after a shown problem, then nothing for a later up',
      [
        [0, 'down'],
        [1, 'up'],
        [2, 'up'],
      ],
      ['problem', 'fixed', 'fixed'],
    ],
    [
      'closed stays closed for the episode while reports keep coming, even worse ones',
      [
        [0, 'degraded'],
        [1, 'close'],
        [2, 'degraded'],
        [3, 'down'],
        [4, 'unknown'],
        [5, 'down'],
      ],
      ['problem', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden'],
    ],
    [
      'no "fixed" note after a close; a new episode shows it again',
      [
        [0, 'down'],
        [1, 'close'],
        [2, 'up'],
        [3, 'down'],
      ],
      ['problem', 'hidden', 'hidden', 'problem'],
    ],
    [
      'closing while nothing is wrong does not hide a later episode',
      [
        [0, 'up'],
        [1, 'close'],
        [2, 'down'],
      ],
      ['hidden', 'hidden', 'problem'],
    ],
    [
      'unknown hides the claim but keeps the episode',
      [
        [0, 'down'],
        [1, 'unknown'],
        [2, 'down'],
      ],
      ['problem', 'hidden', 'problem'],
    ],
    [
      'garbage statuses are no information',
      [
        [0, 'down'],
        [1, 'sideways' as Status],
        [2, undefined],
      ],
      ['problem', 'hidden', 'hidden'],
    ],
    [
      'a problem returning during the "fixed" note shows the problem again',
      [
        [0, 'down'],
        [1, 'up'],
        [2, 'down'],
      ],
      ['problem', 'fixed', 'problem'],
    ],
    [
      'a problem without words for this page shows nothing, yet is followed by "fixed"',
      [
        [0, { news: '' }],
        [1, 'up'],
      ],
      ['hidden', 'fixed'],
    ],
    [
      'closing the "fixed" note hides it',
      [
        [0, 'down'],
        [1, 'up'],
        [2, 'close'],
      ],
      ['problem', 'fixed', 'hidden'],
    ],
  ])('%s', (_, steps, expected) => {
    expect(seenAfter(steps)).toEqual(expected);
  });
});

describe('banner reducer: deadlines', () => {
  const F = FOLD_AFTER_MS;
  it.each<[string, Array<[number, Step]>, string[]]>([
    [
      'folds at its deadline, not before',
      [
        [0, 'down'],
        [F - 1, tick],
        [F, tick],
      ],
      ['problem', 'problem', 'chip'],
    ],
    [
      'a click unfolds it and sets a new fold deadline',
      [
        [0, 'down'],
        [F, tick],
        [F + 5, 'unfold'],
        [2 * F + 4, tick],
        [2 * F + 5, tick],
      ],
      ['problem', 'chip', 'problem', 'problem', 'chip'],
    ],
    [
      'waits while the reader is at it, then tries again',
      [
        [0, 'down'],
        [F, { tick: true, engaged: true }],
        [F + FOLD_RETRY_MS, tick],
      ],
      ['problem', 'problem', 'chip'],
    ],
    [
      'the same news keeps it folded',
      [
        [0, 'down'],
        [F, tick],
        [F + 1, 'down'],
      ],
      ['problem', 'chip', 'chip'],
    ],
    [
      'news unfolds it',
      [
        [0, 'down'],
        [F, tick],
        [F + 1, 'degraded'],
      ],
      ['problem', 'chip', 'problem'],
    ],
    [
      'a new episode shows it whole again',
      [
        [0, 'down'],
        [F, tick],
        [F + 1, 'unknown'],
        [F + 2, 'down'],
      ],
      ['problem', 'chip', 'hidden', 'problem'],
    ],
    [
      'recovery removes it after the note',
      [
        [0, 'down'],
        [F, tick],
        [F + 1, 'up'],
        [F + RECOVERED_NOTE_MS, tick],
        [F + RECOVERED_NOTE_MS + 1, tick],
      ],
      ['problem', 'chip', 'fixed', 'fixed', 'hidden'],
    ],
    [
      "a second up keeps the note's deadline",
      [
        [0, 'down'],
        [1, 'up'],
        [3, 'up'],
        [1 + RECOVERED_NOTE_MS, tick],
      ],
      ['problem', 'fixed', 'fixed', 'hidden'],
    ],
    [
      'the extension going away removes it for good',
      [
        [0, 'down'],
        [1, 'gone'],
        [2, 'down'],
      ],
      ['problem', 'hidden', 'hidden'],
    ],
  ])('%s', (_, steps, expected) => {
    expect(seenAfter(steps)).toEqual(expected);
  });

  it("the deadline of the next timer is the earliest of the state's deadlines", () => {
    const base = run([[0, 'down']]).at(-1)!;
    expect(nextDeadline(base)).toBe(FOLD_AFTER_MS);
    expect(nextDeadline({ ...base, noteUntil: 7 })).toBe(7);
    expect(nextDeadline({ ...base, foldAt: null, noteUntil: 9 })).toBe(9);
    expect(nextDeadline(INITIAL_BANNER)).toBeNull();
  });

  it('a hidden, folded or gone banner has no timer pending', () => {
    const [, folded, gone] = run([
      [0, 'down'],
      [FOLD_AFTER_MS, tick],
      [FOLD_AFTER_MS + 1, 'gone'],
    ]);
    expect(nextDeadline(folded!)).toBeNull();
    expect(nextDeadline(gone!)).toBeNull();
    expect(
      nextDeadline(
        run([
          [0, 'down'],
          [1, 'close'],
        ]).at(-1)!,
      ),
    ).toBeNull();
  });

  it('never changes the state it is given', () => {
    const s = run([[0, 'down']])[0]!;
    const copy = structuredClone(s);
    bannerReducer(s, { type: 'tick', now: FOLD_AFTER_MS, engaged: false });
    expect(s).toEqual(copy);
  });
});
