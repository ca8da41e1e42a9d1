/**
 * Globalping's answers are untrusted input: whatever arrives is checked field by field, and only
 * what Nazar shows survives — country, AS number, network name, city, and whether the probe could
 * open the page (its HTTP status or DNS code). Raw output, headers, bodies, addresses and
 * certificates are never read. A malformed item is dropped, not guessed at.
 */
import type { VantageProbe } from '../core/api';
import type { CheckKind } from './request';

/** One probe's answer, as shown. */
export interface ShownProbe extends VantageProbe {
  city: string;
}

export interface ReadMeasurement {
  /** The measurement's id as the API gave it (checked: letters and digits only). */
  id: string;
  finished: boolean;
  /** Probes that have answered, either way (offline and unfinished probes are not among them). */
  probes: ShownProbe[];
  /** Probes the API says run the measurement (probesCount, at most 16 counted). */
  expected: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export const MAX_PROBES = 16;
export const MEASUREMENT_ID = /^[A-Za-z0-9]{1,64}$/;

/**
 * A name as shown: printable letters, digits, spaces and ordinary punctuation only (no control or
 * direction characters, no markup meaning), at most `max` characters; empty when nothing is left.
 */
export function cleanName(v: unknown, max: number): string {
  if (typeof v !== 'string') return '';
  return v
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N} .,'&()\-/]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** What a failed test's words say, reduced to one of a few fixed words (the words never reach the UI). */
function failureKind(raw: unknown): string {
  const s = typeof raw === 'string' ? raw.slice(0, 500) : '';
  if (/timed? ?out|ETIMEDOUT/i.test(s)) return 'timeout';
  if (/ECONNRESET|reset/i.test(s)) return 'reset';
  if (/ECONNREFUSED|refused/i.test(s)) return 'refused';
  if (/ENOTFOUND|EAI_AGAIN|ENODATA|SERVFAIL|NXDOMAIN/i.test(s)) return 'dns';
  if (/certificate|TLS|SSL/i.test(s)) return 'tls';
  return 'failed';
}

function readProbe(item: unknown, kind: CheckKind): ShownProbe | null {
  if (!isObj(item) || !isObj(item.probe) || !isObj(item.result)) return null;
  const p = item.probe;
  const r = item.result;
  if (typeof p.country !== 'string' || !/^[A-Z]{2}$/.test(p.country)) return null;
  if (!int(p.asn, 1, 4_294_967_295)) return null;
  const network = cleanName(p.network, 60);
  if (!network) return null;
  const base = { country: p.country, asn: p.asn, network, city: cleanName(p.city, 40) };
  if (r.status === 'failed') return { ...base, ok: false, error: failureKind(r.rawOutput) };
  if (r.status !== 'finished') return null; // in-progress, offline, or anything unknown: no answer yet
  if (kind === 'http') {
    if (!int(r.statusCode, 100, 599)) return null;
    // Any HTTP answer below 500 is the platform's server answering: it opens from there.
    return r.statusCode < 500
      ? { ...base, ok: true, statusCode: r.statusCode }
      : { ...base, ok: false, statusCode: r.statusCode };
  }
  if (!int(r.statusCode, 0, 65535)) return null;
  const answers = Array.isArray(r.answers)
    ? r.answers.filter((a) => isObj(a) && (a.type === 'A' || a.type === 'AAAA')).length
    : 0;
  return { ...base, ok: r.statusCode === 0 && answers > 0, statusCode: r.statusCode };
}

/** Reads one `GET /v1/measurements/{id}` body; null when it is not a measurement of `kind`. */
export function readMeasurement(body: unknown, kind: CheckKind): ReadMeasurement | null {
  if (!isObj(body) || typeof body.id !== 'string' || !MEASUREMENT_ID.test(body.id)) return null;
  if (body.type !== kind || (body.status !== 'in-progress' && body.status !== 'finished')) return null;
  if (!Array.isArray(body.results)) return null;
  const probes: ShownProbe[] = [];
  for (const item of body.results.slice(0, MAX_PROBES)) {
    const p = readProbe(item, kind);
    if (p) probes.push(p);
  }
  const expected = int(body.probesCount, 0, 10_000) ? Math.min(body.probesCount, MAX_PROBES) : probes.length;
  return { id: body.id, finished: body.status === 'finished', probes, expected: Math.max(expected, probes.length) };
}

/** Reads a create answer (202): the id and the probe count, or null. */
export function readCreated(body: unknown): { id: string; probesCount: number } | null {
  if (!isObj(body) || typeof body.id !== 'string' || !MEASUREMENT_ID.test(body.id)) return null;
  if (!int(body.probesCount, 0, 10_000)) return null;
  return { id: body.id, probesCount: body.probesCount };
}
