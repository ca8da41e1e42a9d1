/**
 * The one way browser tests wait: for a condition, never for a fixed time. `eventually` reads
 * until the check passes and returns the value that passed; when the time is up it THROWS, naming
 * what it waited for and the last value (or error) it saw, so a failure says what was on screen.
 * `throughout` is its twin for "stays so while…": it reads for a fixed span and throws at the first
 * value that breaks the check. That span is the observation itself (a real-time property), not a
 * pause.
 */

export interface WaitOptions<T> {
  /** What the wait is for, in words; by default the check's own source text. */
  what?: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** How to print the last value seen; JSON by default (cut at 600 characters). */
  show?: (value: T) => string;
}

const defaultShow = (v: unknown): string => {
  let text: string;
  try {
    text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    text = String(v);
  }
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
};

const describeCheck = (check: (v: never) => boolean): string => check.toString().replace(/\s+/g, ' ').slice(0, 200);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Reads until `check(value)` holds; returns that value, or throws with the last one seen. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  check: (value: T) => boolean,
  { what = describeCheck(check), timeoutMs = 15_000, intervalMs = 200, show = defaultShow }: WaitOptions<T> = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let seen: { value: T } | undefined;
  let error: unknown;
  for (;;) {
    try {
      const value = await read();
      seen = { value };
      error = undefined;
      if (check(value)) return value;
    } catch (e) {
      error = e;
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  const last = error
    ? `the last read failed: ${error instanceof Error ? error.message : String(error)}`
    : seen
      ? `last seen: ${show(seen.value)}`
      : 'nothing was read';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${last}`);
}

/**
 * Reads for `forMs` and throws at the first value that fails `check` (or at a failed read). Returns
 * every value read, for the caller's own assertions on the sequence.
 */
export async function throughout<T>(
  read: () => T | Promise<T>,
  check: (value: T) => boolean,
  {
    what,
    forMs,
    intervalMs = 250,
    show = defaultShow,
  }: { what: string; forMs: number; intervalMs?: number; show?: (v: T) => string },
): Promise<T[]> {
  const end = Date.now() + forMs;
  const values: T[] = [];
  do {
    const value = await read();
    values.push(value);
    if (!check(value)) throw new Error(`${what} did not hold after ${forMs - (end - Date.now())} ms: ${show(value)}`);
    await sleep(intervalMs);
  } while (Date.now() < end);
  return values;
}
