/**
 * The harness's reset between browser tests (resetExtension in test/support/harness/session.ts),
 * against a model of the background: state in memory, saved by a throttled write that lands later,
 * restored from storage when the background starts. The next test must start from empty storage
 * and a background that read it, even when the last test's write was still pending.
 */
import { describe, expect, it } from 'vitest';
import { type ResetSteps, resetExtension } from '../../support/harness/session';

/** A background whose pending write lands `lateMs` after the last change, unless it is stopped. */
function model(lateMs: number) {
  const storage = new Map<string, unknown>([['episodes', 'meta-wide, down']]);
  let memory: unknown = storage.get('episodes');
  let running = true;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const change = () => {
    pending ??= setTimeout(() => {
      pending = null;
      if (running) storage.set('episodes', memory);
    }, lateMs);
  };
  const steps: ResetSteps = {
    // Closing the last test's pages is a change the background saves later.
    closePages: async () => change(),
    clearStorage: async () => {
      storage.clear();
      await new Promise((r) => setTimeout(r, lateMs)); // the page's round trip: the write lands meanwhile
    },
    stopBackground: async () => {
      running = false;
      memory = undefined;
      if (pending) clearTimeout(pending);
      pending = null;
    },
    wakeBackground: async () => {
      running = true;
      memory = storage.get('episodes');
    },
    storedKeys: async () => storage.size,
  };
  return { steps, memory: () => memory, storage };
}

describe("the harness's reset between browser tests", () => {
  it('leaves no verdict of the last test behind when its throttled write lands after the clear', async () => {
    const m = model(5);
    await resetExtension(m.steps);
    expect(m.storage.size).toBe(0);
    expect(m.memory()).toBeUndefined();
  });

  it('the old order (clear, then stop) would have: the model shows the leak it guards against', async () => {
    const m = model(5);
    await m.steps.closePages();
    await m.steps.clearStorage();
    await m.steps.stopBackground();
    await m.steps.wakeBackground();
    expect(m.memory()).toBe('meta-wide, down');
  });
});
