/**
 * The message keys the banner uses, by prefix. The build keeps only these in the content script
 * (scripts/content-script-plugin.ts), and `locales.ts` filters by them at run time too.
 */
export const BANNER_PREFIXES: readonly string[] = [
  'banner_',
  'state_',
  'platform_',
  'cause_',
  'list_and',
  'time_clock',
];

export const isBannerKey = (key: string) => BANNER_PREFIXES.some((p) => key.startsWith(p));
