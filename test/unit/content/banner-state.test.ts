import { describe, expect, it } from 'vitest';
import { createBannerState } from '../../../src/content/banner-state';
import type { Status } from '../../../src/core/types';

const run = (statuses: Array<Status | 'close' | 'noteDone' | undefined>) => {
  const s = createBannerState();
  return statuses.map((x) => (x === 'close' ? s.dismiss() : x === 'noteDone' ? s.recoveredShown() : s.update(x)));
};

describe('banner state', () => {
  it('shows for degraded and down, nothing for up or unknown', () => {
    expect(run(['up', 'unknown', 'degraded', 'down'])).toEqual(['hidden', 'hidden', 'problem', 'problem']);
  });

  it('says "fixed" after a shown problem, then goes away', () => {
    expect(run(['down', 'up', 'noteDone', 'up'])).toEqual(['problem', 'recovered', 'hidden', 'hidden']);
  });

  it('a second "up" while the note shows keeps the note', () => {
    expect(run(['down', 'up', 'up'])).toEqual(['problem', 'recovered', 'recovered']);
  });

  it('stays closed for the rest of the episode, even when it gets worse', () => {
    expect(run(['degraded', 'close', 'degraded', 'down', 'unknown', 'down'])).toEqual([
      'problem',
      'hidden',
      'hidden',
      'hidden',
      'hidden',
      'hidden',
    ]);
  });

  it('no "fixed" note for a banner the user closed; the next episode shows again', () => {
    expect(run(['down', 'close', 'up', 'down'])).toEqual(['problem', 'hidden', 'hidden', 'problem']);
  });

  it('closing while nothing is wrong does not hide a later episode', () => {
    expect(run(['up', 'close', 'down'])).toEqual(['hidden', 'hidden', 'problem']);
  });

  it('unknown hides the claim but keeps the episode', () => {
    expect(run(['down', 'unknown', 'down'])).toEqual(['problem', 'hidden', 'problem']);
  });

  it('garbage statuses are treated as no information', () => {
    expect(run(['down', 'sideways' as Status, undefined])).toEqual(['problem', 'hidden', 'hidden']);
  });

  it('a problem returning during the "fixed" note shows the problem again', () => {
    expect(run(['down', 'up', 'down'])).toEqual(['problem', 'recovered', 'problem']);
  });
});
