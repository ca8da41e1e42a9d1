/**
 * Meta's address space (AS32934, which also announces WhatsApp's published ranges). A DNS answer
 * for a Meta name outside these prefixes means a resolver is lying (blocking or poisoning), the way
 * OONI's WhatsApp and Facebook Messenger tests decide it. The list is the stable core of the
 * announced prefixes; a miss only weakens the "poisoned" verdict to a plain DNS one.
 */

const V4_PREFIXES = [
  '31.13.24.0/21',
  '31.13.64.0/18',
  '45.64.40.0/22',
  '57.144.0.0/14',
  '66.220.144.0/20',
  '69.63.176.0/20',
  '69.171.224.0/19',
  '74.119.76.0/22',
  '102.132.96.0/20',
  '103.4.96.0/22',
  '129.134.0.0/16',
  '147.75.208.0/20',
  '157.240.0.0/16',
  '163.70.128.0/17',
  '163.77.128.0/17',
  '173.252.64.0/18',
  '179.60.192.0/22',
  '185.60.216.0/22',
  '185.89.216.0/22',
  '204.15.20.0/22',
];

const V6_PREFIXES = ['2a03:2880::/32', '2620:0:1c00::/40', '2a03:83e0::/32', '2c0f:ef78::/32', '2401:db00::/32'];

function parseV4(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

/** IPv6 text to 8 16-bit groups (handles "::" and an embedded IPv4 tail). */
function parseV6(ip: string): number[] | null {
  const s = ip
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .split('%')[0]!;
  if (!/^[0-9a-f:.]+$/.test(s)) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (g.includes('.')) {
        const v4 = parseV4(g);
        if (v4 === null) return null;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else {
        if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
        out.push(Number.parseInt(g, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const fill = 8 - head.length - tail.length;
  if (fill < 1) return null;
  return [...head, ...new Array<number>(fill).fill(0), ...tail];
}

const V4 = V4_PREFIXES.map((p) => {
  const [addr, len] = p.split('/');
  const bits = Number(len);
  return { base: parseV4(addr!)!, bits };
});
const V6 = V6_PREFIXES.map((p) => {
  const [addr, len] = p.split('/');
  return { groups: parseV6(addr!)!, bits: Number(len) };
});

function inV4(n: number): boolean {
  return V4.some(({ base, bits }) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
}

function inV6(g: number[]): boolean {
  return V6.some(({ groups, bits }) => {
    for (let i = 0, left = bits; left > 0; i++, left -= 16) {
      const mask = left >= 16 ? 0xffff : (0xffff << (16 - left)) & 0xffff;
      if (((g[i] ?? 0) & mask) !== ((groups[i] ?? 0) & mask)) return false;
    }
    return true;
  });
}

/** True when `ip` (IPv4 or IPv6 text) lies in Meta's address space; false for anything else or garbage. */
export function isMetaAddress(ip: unknown): boolean {
  if (typeof ip !== 'string' || ip.length > 64) return false;
  const v4 = parseV4(ip);
  if (v4 !== null) return inV4(v4);
  const v6 = parseV6(ip);
  if (!v6) return false;
  // IPv4-mapped ::ffff:a.b.c.d
  if (v6.slice(0, 5).every((x) => x === 0) && v6[5] === 0xffff) return inV4(v6[6]! * 65536 + v6[7]!);
  return inV6(v6);
}
