import type { Cause, ErrorClass, PlatformId, Scope } from '../core/types';

/** One outage episode, as kept in storage.local. Hostnames, classes, counts and times only. */
export interface Episode {
  id: string;
  platforms: PlatformId[];
  start: number;
  /** null while the episode is still going on. */
  end: number | null;
  cause: Cause;
  scope: Scope;
  /** Worst status seen during the episode. */
  worst: 'degraded' | 'down';
  peak: {
    failed: number;
    total: number;
    byClass: Partial<Record<ErrorClass, number>>;
    hosts: string[];
  };
}
