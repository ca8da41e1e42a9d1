/** The platform whose site this content script runs on (manifest content_scripts.matches). */
import type { PlatformId } from '../core/types';

const PAGE_HOSTS: Record<string, PlatformId> = {
  'web.whatsapp.com': 'whatsapp',
  'www.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
  'www.instagram.com': 'instagram',
};

export function platformOfPage(hostname: string): PlatformId | null {
  return Object.hasOwn(PAGE_HOSTS, hostname) ? (PAGE_HOSTS[hostname] ?? null) : null;
}
