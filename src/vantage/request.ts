/**
 * What Nazar asks Globalping for (issue 18): the platform's page over HTTPS, and its name over DNS
 * when the cause is DNS, from about five end-user networks in India, one per large ISP where one is
 * online, plus two probes outside India. The only thing that varies is the platform's host name:
 * no path of the user's, no query, no header, no address. Everything else is the constants below.
 */
import type { DnsMeasurementRequest, HttpMeasurementRequest, MeasurementLocationOption } from 'globalping';
import { MAIN_HOST } from '../core/catalogue';
import type { PlatformId } from '../core/types';

/** The large Indian end-user networks, one probe each when one is online (skipped when none is). */
export const INDIAN_ISPS: readonly { asn: number; name: string }[] = [
  { asn: 55836, name: 'Jio' },
  { asn: 24560, name: 'Airtel' },
  { asn: 55410, name: 'Vi' },
  { asn: 9829, name: 'BSNL' },
];

const EYEBALL = ['eyeball-network'];

/** Where the probes are: ≤ 4 Indian ISPs + 1 more Indian end-user network, and 2 outside India. */
export const LOCATIONS: MeasurementLocationOption[] = [
  ...INDIAN_ISPS.map((isp) => ({ country: 'IN', asn: isp.asn, tags: EYEBALL, limit: 1 })),
  { country: 'IN', tags: EYEBALL, limit: 1 },
  { country: 'SG', limit: 1 },
  { country: 'DE', limit: 1 },
];

export type CheckKind = 'http' | 'dns';

/** The host name Nazar checks for a platform: its main page's, never a URL the user visited. */
export const hostFor = (platform: PlatformId): string => MAIN_HOST[platform];

export function measurementRequest(
  platform: PlatformId,
  kind: CheckKind,
): HttpMeasurementRequest | DnsMeasurementRequest {
  const target = hostFor(platform);
  if (kind === 'dns')
    return {
      type: 'dns',
      target,
      inProgressUpdates: true,
      locations: LOCATIONS,
      measurementOptions: { query: { type: 'A' } },
    };
  return {
    type: 'http',
    target,
    inProgressUpdates: true,
    locations: LOCATIONS,
    measurementOptions: { protocol: 'HTTPS', request: { method: 'HEAD', path: '/' } },
  };
}
