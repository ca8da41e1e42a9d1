/**
 * The platform table: for each platform Nazar watches, its registrable domains (every subdomain
 * belongs to it), the pages the content script runs on, the name asked of DNS-over-HTTPS, and the
 * URL of its probe. The one place these names are written: the catalogue, the checks, the content
 * script and the manifest test read them from here. No imports, so any bundle may take it whole.
 */
export const PLATFORM_TABLE = {
  whatsapp: {
    domains: ['whatsapp.com', 'whatsapp.net', 'wa.me'],
    pages: ['web.whatsapp.com'],
    dnsName: 'web.whatsapp.com',
    probeUrl: 'https://web.whatsapp.com/favicon.ico',
  },
  facebook: {
    domains: ['facebook.com', 'fb.com', 'fbsbx.com', 'messenger.com'],
    pages: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
    dnsName: 'www.facebook.com',
    probeUrl: 'https://www.facebook.com/favicon.ico',
  },
  instagram: {
    domains: ['instagram.com', 'cdninstagram.com'],
    pages: ['www.instagram.com'],
    dnsName: 'www.instagram.com',
    probeUrl: 'https://www.instagram.com/favicon.ico',
  },
} as const;

/** Meta's domains that are no one platform's: the shared CDN (attributed by who loaded it) and the SDK host. */
export const META_SHARED_DOMAINS = { 'fbcdn.net': 'shared-cdn', 'facebook.net': 'meta-sdk' } as const;

type Table = typeof PLATFORM_TABLE;
type Id = keyof Table;

/** The platform of a watched page's hostname (the content script's sites), or null. */
export function platformOfPage(hostname: string): Id | null {
  for (const id in PLATFORM_TABLE)
    if ((PLATFORM_TABLE[id as Id].pages as readonly string[]).includes(hostname)) return id as Id;
  return null;
}
