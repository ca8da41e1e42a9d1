/** User settings, kept in storage.local. */

/** 'auto': nothing picked yet, which reads as Hindi (see resolveLang). */
export type LanguageSetting = 'auto' | 'hi' | 'en';

export interface Settings {
  notifications: boolean;
  checks: {
    /** Requests to the platforms' own sites. */
    platform: boolean;
    /** The neutral connectivity endpoint (is the user's own internet working?). */
    control: boolean;
    /** The independent DNS-over-HTTPS resolver. */
    dns: boolean;
  };
  language: LanguageSetting;
  /** "Check from other networks" (issue 18, src/vantage/). */
  otherNetworks: OtherNetworksSettings;
}

export interface OtherNetworksSettings {
  /** The action is offered (the setting that switches it off). */
  enabled: boolean;
  /** The user agreed once to what is sent; asked on first use. */
  consented: boolean;
  /** Check by itself when a page opens during an outage (only if the user chose it). */
  auto: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  notifications: true,
  checks: { platform: true, control: true, dns: true },
  language: 'auto',
  otherNetworks: { enabled: true, consented: false, auto: false },
};

const bool = (x: unknown, dflt: boolean): boolean => (typeof x === 'boolean' ? x : dflt);

/** Rebuilds settings from anything found in storage: unknown or malformed fields fall back to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const c = (r.checks && typeof r.checks === 'object' ? r.checks : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS.checks;
  return {
    notifications: bool(r.notifications, DEFAULT_SETTINGS.notifications),
    checks: { platform: bool(c.platform, d.platform), control: bool(c.control, d.control), dns: bool(c.dns, d.dns) },
    language: r.language === 'hi' || r.language === 'en' || r.language === 'auto' ? r.language : 'auto',
    otherNetworks: normalizeOtherNetworks(r.otherNetworks),
  };
}

function normalizeOtherNetworks(raw: unknown): OtherNetworksSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS.otherNetworks;
  const consented = bool(o.consented, d.consented);
  // Automatic checks only ever follow a consent.
  return { enabled: bool(o.enabled, d.enabled), consented, auto: consented && bool(o.auto, d.auto) };
}

export type SettingsPatch = {
  notifications?: boolean;
  checks?: Partial<Settings['checks']>;
  language?: LanguageSetting;
  otherNetworks?: Partial<OtherNetworksSettings>;
};

export function applySettingsPatch(s: Settings, patch: SettingsPatch): Settings {
  return normalizeSettings({
    ...s,
    ...patch,
    checks: { ...s.checks, ...(patch.checks ?? {}) },
    otherNetworks: { ...s.otherNetworks, ...(patch.otherNetworks ?? {}) },
  });
}
