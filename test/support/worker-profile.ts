/**
 * Chromium only: a CPU profile of the extension's service worker while a test runs, split into
 * Nazar's own code and everything else the worker thread did (mostly Chromium's event dispatch).
 * Playwright has no handle on a worker's DevTools target, so this attaches through the browser's
 * own CDP session and talks to the worker with Target.sendMessageToTarget.
 */
import type { PageHandle } from './harness';

interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, fn: (e: { sessionId: string; message: string }) => void): void;
  detach(): Promise<void>;
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface WorkerProfile {
  /** ms of samples in the extension's own scripts. */
  ownMs: number;
  /** ms of samples doing anything else but idling (browser bindings, garbage collection, …). */
  otherMs: number;
  /** The extension's functions with the most self time, for the log. */
  top: string[];
}

export async function profileWorker(page: PageHandle, extensionOrigin: string): Promise<() => Promise<WorkerProfile>> {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright page → its browser's CDP session.
  const cdp = (await (page.raw as any).context().browser().newBrowserCDPSession()) as CdpSession;
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin));
  if (!sw) throw new Error('no service worker target for the extension');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as {
    sessionId: string;
  };
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  await send('Profiler.start');
  return async () => {
    const { profile } = (await send('Profiler.stop')) as { profile: Profile };
    await cdp.detach();
    const selfUs = new Map<number, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
    let own = 0;
    let other = 0;
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const us = selfUs.get(n.id) ?? 0;
      if (n.callFrame.functionName === '(idle)') continue;
      if (n.callFrame.url.startsWith(extensionOrigin)) {
        own += us;
        const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}`;
        byFn.set(name, (byFn.get(name) ?? 0) + us);
      } else other += us;
    }
    const top = [...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, us]) => `${name} ${(us / 1000).toFixed(0)} ms`);
    return { ownMs: own / 1000, otherMs: other / 1000, top };
  };
}
