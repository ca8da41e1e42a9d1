/** User settings, kept in storage.local; `decodeSettings` reads them from storage and from messages alike. */
import { obj } from './values';

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

/** The language setting's one check (storage, messages, the request guard). */
export const isLanguageSetting = (x: unknown): x is LanguageSetting => x === 'auto' || x === 'hi' || x === 'en';

/** A switch whose default is on (every one in DEFAULT_SETTINGS): only `false` turns it off. */
const on = (x: unknown): boolean => x !== false;

/** Rebuilds settings from anything found in storage or a message: unknown or malformed fields fall back to defaults. */
export function decodeSettings(raw: unknown): Settings {
  const r = obj(raw);
  const c = obj(r.checks);
  return {
    notifications: on(r.notifications),
    checks: { platform: on(c.platform), control: on(c.control), dns: on(c.dns) },
    language: isLanguageSetting(r.language) ? r.language : 'auto',
  };
}

export type SettingsPatch = {
  notifications?: boolean;
  checks?: Partial<Settings['checks']>;
  language?: LanguageSetting;
};

export function applySettingsPatch(s: Settings, patch: SettingsPatch): Settings {
  return decodeSettings({ ...s, ...patch, checks: { ...s.checks, ...(patch.checks ?? {}) } });
}
