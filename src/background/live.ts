/** Connected popups, banners and error pages (runtime.connect port LIVE_PORT) and pushes to them. */
import type { LiveUpdate } from '../shared/messages';
import type { PortLike } from './deps';

export interface LivePorts {
  add(port: PortLike): void;
  push(update: LiveUpdate): void;
  readonly size: number;
}

export function createLivePorts(): LivePorts {
  const ports = new Set<PortLike>();
  return {
    add(port) {
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
    },
    push(update) {
      for (const port of ports) {
        try {
          port.postMessage(update);
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
