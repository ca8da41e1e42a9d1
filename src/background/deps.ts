/** What the background needs from the browser and the engine, as narrow interfaces so tests can fake them. */

import type { DetectionEngine } from '../core/api';
import type { ErrorClass, PlatformId } from '../core/types';
import type { ActionApi } from './badge';
import type { TabState } from './navigation-errors';
import type { NotificationsApi } from './notifications';

export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface EngineFactory {
  /** Engine.restore: rebuilds from stored JSON; unreadable or older data → a clean engine + warning. */
  restore(raw: unknown): { engine: DetectionEngine; warning?: string | null | undefined };
}

export interface CoreHelpers {
  isWatchedPageUrl(url: string): boolean;
  platformOfHost(host: string): PlatformId | null;
  classify(error: string): ErrorClass;
}

export interface PortLike {
  name: string;
  sender?: { id?: string; url?: string; origin?: string; tab?: { id?: number; url?: string } };
  postMessage(msg: unknown): void;
  onDisconnect: { addListener(fn: () => void): void };
}

export interface BackgroundDeps {
  factory: EngineFactory;
  core: CoreHelpers;
  storage: { session: StorageAreaLike; local: StorageAreaLike };
  action: ActionApi;
  notifications?: NotificationsApi;
  alarms: { create(name: string, info: { when: number }): unknown; clear(name: string): unknown };
  tabs: {
    create(p: { url: string }): Promise<unknown>;
    update(tabId: number, p: { url: string }): Promise<unknown>;
    goBack(tabId: number): Promise<unknown>;
    /** Where a tab is now (its address is readable for the watched sites, by the host permissions). */
    get?(tabId: number): Promise<TabState | undefined>;
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  fetch: typeof fetch;
  now(): number;
  extensionId: string;
  /** runtime.getURL('') without the trailing slash. */
  extensionOrigin: string;
  getURL(path: string): string;
  /** The manifest's host_permissions (watched sites and check endpoints). */
  hostOrigins: string[];
  /** Minimum ms between storage writes (WRITE_INTERVAL_MS in production). */
  writeIntervalMs?: number;
}
