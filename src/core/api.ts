/**
 * The engine's public surface, fixed up front so the worker, the UIs and the replay tool can be
 * built against it at the same time. Event shapes follow docs/trace-format.md exactly.
 */
import type { CheckRequest, PlatformId, PlatformReport, Verdict, VerdictChange } from './types';

/** The subset of webRequest details the engine reads. Extra fields are allowed and ignored. */
export interface RequestDetails {
  url: string;
  type: string;
  timeStamp: number;
  statusCode?: number;
  error?: string;
  fromCache?: boolean;
  method?: string;
  tabId?: number;
  frameId?: number;
  /** Chromium: the origin that started the request. */
  initiator?: string;
  /** Firefox: the URL of the resource that started the request. */
  originUrl?: string;
  /** Firefox: URL of the top-level document. */
  documentUrl?: string;
  ip?: string;
  requestId?: string | number;
}

export type TraceEvent =
  | { event: 'onCompleted'; details: RequestDetails & { statusCode: number } }
  | { event: 'onHeadersReceived'; details: RequestDetails & { statusCode: number } }
  | { event: 'onErrorOccurred'; details: RequestDetails & { error: string } }
  | { event: 'connectivity'; timeStamp: number; online: boolean }
  | {
      event: 'probe';
      timeStamp: number;
      target: 'control' | PlatformId;
      url: string;
      ok: boolean;
      statusCode?: number;
      error?: string;
    }
  | { event: 'dns'; timeStamp: number; name: string; status: number; answers: number; addresses?: string[] }
  | VantageEvent;

/** One probe of a public measurement network (docs/trace-format.md, `vantage`). */
export interface VantageProbe {
  /** Two-letter country code. */
  country: string;
  asn: number;
  /** The network's name, as the measurement network gives it. */
  network: string;
  ok: boolean;
  /** HTTP status, or the DNS RCODE for `dns`. */
  statusCode?: number;
  error?: string;
}

/** The same platform checked at the same moment from other networks. */
export interface VantageEvent {
  event: 'vantage';
  timeStamp: number;
  target: PlatformId;
  kind: 'http' | 'dns';
  probes: VantageProbe[];
}

export type ParseResult = { ok: true; event: TraceEvent } | { ok: false; reason: string };

/** What `Engine` implements (src/core/engine.ts). */
export interface DetectionEngine {
  /** Feeds one validated event; returns the verdict changes it caused (possibly none). */
  ingest(event: TraceEvent): readonly VerdictChange[];
  /** Lets time pass without events (windows expire, recovery is confirmed); returns changes. */
  tick(now: number): readonly VerdictChange[];
  verdict(platform: PlatformId): Verdict;
  /** Verdict plus evidence for the UIs, as of `now` (defaults to the engine's latest time). */
  report(platform: PlatformId, now?: number): PlatformReport;
  /** Active checks that would settle a doubt now. The worker runs them and feeds back probe/dns events. */
  checksDue(now: number): CheckRequest[];
  /** The latest time by which tick() should be called again for verdicts to stay right, or null. */
  nextDeadline(): number | null;
  /**
   * The one "online" fact: false while the browser's last connectivity signal said offline and
   * nothing has answered over the network since; true otherwise.
   */
  online(): boolean;
  /** Plain JSON with a `version` field, for storage.session. */
  toJSON(): unknown;
}
