/** Connected popups, banners and error pages (runtime.connect port LIVE_PORT) and pushes to them. */
import type { LiveUpdate } from '../shared/protocol/messages';
import type { PortLike } from './deps';

export interface LivePorts {
  /** `view`: what this port may receive of each update (a content script: its platform's verdict). */
  add(port: PortLike, view?: (update: LiveUpdate) => unknown): void;
  push(update: LiveUpdate): void;
  readonly size: number;
}

export function createLivePorts(): LivePorts {
  const ports = new Map<PortLike, ((update: LiveUpdate) => unknown) | undefined>();
  return {
    add(port, view) {
      ports.set(port, view);
      port.onDisconnect.addListener(() => ports.delete(port));
    },
    push(update) {
      for (const [port, view] of ports) {
        try {
          port.postMessage(view ? view(update) : update);
        } catch {
          // The page went away between its disconnect and our push.
          ports.delete(port);
        }
      }
    },
    get size() {
      return ports.size;
    },
  };
}
