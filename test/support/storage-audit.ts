/**
 * The privacy audit's rules, as one pure function over whatever the extension stored: every string
 * must be a hostname, an enum value, an id the extension made up, or a number-like request id; no
 * key may name a URL, path, query, tab, frame, user or page content; no planted secret may appear.
 */
import type { PageHandle } from './harness';

export interface StorageDump {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  sync: Record<string, unknown>;
}

/** Runs in an extension page: every storage area the extension can use, in full. */
export function dumpStorage(page: PageHandle): Promise<StorageDump> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as {
      browser?: { storage: Record<string, { get(k: null): Promise<Record<string, unknown>> } | undefined> };
      chrome: { storage: Record<string, { get(k: null): Promise<Record<string, unknown>> } | undefined> };
    };
    const s = (g.browser ?? g.chrome).storage;
    const read = async (area: string) => {
      try {
        return (await s[area]?.get(null)) ?? {};
      } catch {
        return {};
      }
    };
    return { local: await read('local'), session: await read('session'), sync: await read('sync') };
  });
}

const FORBIDDEN_KEY =
  /url$|^url|href|path|query|search|^tabs?(?:id)?$|frameid|^user|cookie|^title$|^body$|^text$|content|referr?er|^ip$/i;
/** Hostnames; ids like "1700000000000-3"; enum words like "local-dns"; ISO-ish times. */
const ALLOWED_STRING =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*$|^\d{1,16}(?:\.\d{1,6})?(?:-\d{1,9})?$|^nazar:(?:outage|back):\d{1,16}(?:\.\d{1,6})?-\d{1,9}$/;

export interface AuditFinding {
  path: string;
  problem: string;
}

/** Everything in `dump` that breaks the rules, with where it was found. Empty = clean. */
export function auditStorage(dump: unknown, secrets: readonly string[]): AuditFinding[] {
  const out: AuditFinding[] = [];
  const text = JSON.stringify(dump);
  for (const s of secrets)
    if (text.toLowerCase().includes(s.toLowerCase())) out.push({ path: '*', problem: `holds “${s}”` });
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (!ALLOWED_STRING.test(v))
        out.push({ path, problem: `string “${v.slice(0, 80)}” is not a hostname, enum or id` });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, `${path}[${i}]`);
      });
      return;
    }
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (FORBIDDEN_KEY.test(k)) out.push({ path: `${path}.${k}`, problem: `key “${k}” names private data` });
        walk(x, `${path}.${k}`);
      }
    }
  };
  walk(dump, '$');
  return out;
}
