/**
 * The settings of "check from other networks", kept under a storage key of their own (written by
 * the extension's pages, read by them only: the background needs none of it). Anything found in
 * storage is normalised: an automatic check never runs without a consent.
 */
import { STORED } from '../shared/protocol/storage';

export const OTHER_NETWORKS_KEY = STORED.otherNetworks.key;

export interface OtherNetworksSettings {
  /** The action is offered (the setting that switches it off). */
  enabled: boolean;
  /** The user agreed once to what is sent; asked on first use. */
  consented: boolean;
  /** Check by itself when a page opens during an outage (only if the user chose it). */
  auto: boolean;
}

export const DEFAULT_OTHER_NETWORKS: OtherNetworksSettings = { enabled: true, consented: false, auto: false };

export function normalizeOtherNetworks(raw: unknown): OtherNetworksSettings {
  const o = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const bool = (x: unknown, d: boolean) => (typeof x === 'boolean' ? x : d);
  const consented = bool(o.consented, false);
  return { enabled: bool(o.enabled, true), consented, auto: consented && bool(o.auto, false) };
}

export const applyOtherNetworksPatch = (
  s: OtherNetworksSettings,
  patch: Partial<OtherNetworksSettings>,
): OtherNetworksSettings => normalizeOtherNetworks({ ...s, ...patch });
