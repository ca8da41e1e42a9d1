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
}

export const DEFAULT_SETTINGS: Settings = {
  notifications: true,
  checks: { platform: true, control: true, dns: true },
  language: 'auto',
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
  };
}

export type SettingsPatch = {
  notifications?: boolean;
  checks?: Partial<Settings['checks']>;
  language?: LanguageSetting;
};

export function applySettingsPatch(s: Settings, patch: SettingsPatch): Settings {
  return normalizeSettings({ ...s, ...patch, checks: { ...s.checks, ...(patch.checks ?? {}) } });
}
