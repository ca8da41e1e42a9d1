/**
 * Name resolution for test browsers. Nothing may leave this machine: every name resolves either to
 * 127.0.0.1 or to a failure. `HostMap` says what each name does; anything not listed fails to resolve.
 */

/** The names the fake platform serves: the watched sites and their APIs/CDNs, plus the two checks. */
export const PLATFORM_HOSTS = {
  instagram: ['www.instagram.com', 'i.instagram.com', 'static.cdninstagram.com', 'scontent.cdninstagram.com'],
  facebook: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com', 'static.xx.fbcdn.net'],
  whatsapp: ['web.whatsapp.com', 'static.whatsapp.net', 'mmg.whatsapp.net'],
} as const;
export const CHECK_HOSTS = ['connectivitycheck.gstatic.com', 'cloudflare-dns.com', 'dns.google'] as const;
/** The Globalping API of "check from other networks" (fake-globalping.ts), served by the same fake. */
export const API_HOSTS = ['api.globalping.io'] as const;
export const ALL_FAKE_HOSTS: string[] = [...Object.values(PLATFORM_HOSTS).flat(), ...CHECK_HOSTS, ...API_HOSTS];

/**
 * - `{ port }`: 127.0.0.1:port (in Firefox every mapped name shares one port: see firefoxNetworkPrefs)
 * - 'NOTFOUND': name resolution fails (Chromium ERR_NAME_NOT_RESOLVED, Firefox NS_ERROR_UNKNOWN_HOST)
 * - 'REFUSED': a closed port (Chromium only; in Firefox use a URL with `:${server.refusedPort}`)
 * - 'RESET': a server that resets (Chromium only; in Firefox use `server.setMode(host, 'reset')`,
 *   which resets before TLS exactly the same way)
 */
export type HostTarget = { port: number } | 'NOTFOUND' | 'REFUSED' | 'RESET';
export type HostMap = Record<string, HostTarget>;

/** Every fake host → the fake platform's port. Spread overrides after it: `{ ...routeAll(p), 'x': 'NOTFOUND' }`. */
export function routeAll(port: number, hosts: readonly string[] = ALL_FAKE_HOSTS): HostMap {
  return Object.fromEntries(hosts.map((h) => [h, { port }]));
}

export interface SpecialPorts {
  refusedPort?: number;
  resetPort?: number;
}

/**
 * Chromium `--host-resolver-rules`. Exclusions are checked first, then MAP rules in order, first
 * match wins; so the catch-all `MAP * ~NOTFOUND` comes last and loopback is excluded from it.
 */
export function chromiumResolverRules(hosts: HostMap, ports: SpecialPorts): string {
  const rules = Object.entries(hosts).map(([host, target]) => {
    if (target === 'NOTFOUND') return `MAP ${host} ~NOTFOUND`;
    if (target === 'REFUSED') return `MAP ${host} 127.0.0.1:${need(ports.refusedPort, 'refusedPort', host)}`;
    if (target === 'RESET') return `MAP ${host} 127.0.0.1:${need(ports.resetPort, 'resetPort', host)}`;
    return `MAP ${host} 127.0.0.1:${target.port}`;
  });
  return [...rules, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

function need(port: number | undefined, what: string, host: string): number {
  if (port === undefined) throw new Error(`hosts['${host}'] needs a ${what}: pass the fake platform as \`server\``);
  return port;
}

/**
 * Firefox maps names only to 127.0.0.1 and only without a port, so:
 * - `network.dns.localDomains` lists the mapped names (→ 127.0.0.1);
 * - `network.socket.forcePort` "80,443=PORT" sends every connection to ports 80/443 to the fake platform;
 * - every other name goes to a DNS-over-HTTPS resolver that does not exist (TRR-only mode, port 9,
 *   a port Firefox refuses to use), so it fails with NS_ERROR_UNKNOWN_HOST and nothing is sent.
 */
export function firefoxNetworkPrefs(hosts: HostMap): Record<string, string | number | boolean> {
  const mapped = Object.entries(hosts).filter(([, t]) => typeof t === 'object') as [string, { port: number }][];
  const ports = new Set(mapped.map(([, t]) => t.port));
  if (ports.size > 1) throw new Error('Firefox: every mapped host must use the same port (network.socket.forcePort)');
  for (const [host, t] of Object.entries(hosts)) {
    if (t === 'REFUSED' || t === 'RESET')
      throw new Error(
        `Firefox cannot map '${host}' to ${t} by name: use server.setMode(host, 'reset') or a URL on server.refusedPort`,
      );
  }
  const port = [...ports][0];
  return {
    'network.dns.localDomains': mapped.map(([h]) => h).join(','),
    ...(port ? { 'network.socket.forcePort': `80,443=${port}` } : {}),
    'network.trr.mode': 3,
    'network.trr.uri': 'https://127.0.0.1:9/dns-query',
    'network.trr.bootstrapAddr': '127.0.0.1',
    'network.trr.confirmationNS': 'skip',
    'network.proxy.type': 0,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
  };
}

/** Firefox's own background traffic, switched off (it would fail to resolve anyway; this keeps logs quiet). */
export const FIREFOX_QUIET_PREFS: Record<string, string | number | boolean> = {
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': 'data:,',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'services.settings.server': 'data:,#remote-settings-off',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'browser.ping-centre.telemetry': false,
  'geo.provider.network.url': '',
  'media.gmp-manager.url': '',
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'network.trr.allow-rfc1918': false,
  'browser.contentblocking.report.monitor.enabled': false,
  'privacy.trackingprotection.enabled': false,
};
