/**
 * The engine's lookups of the few hundred distinct origins, URLs and hostnames a browser reports,
 * each worked out once. Pure functions only: a cache changes no answer, just how soon it comes.
 */

/** At most this many answers are kept; then all are forgotten at once (cheaper than tracking age). */
const MAX_ENTRIES = 1024;

/**
 * `compute` remembered for keys shorter than `maxKeyLength`. Longer ones are rare and mostly unique
 * (a URL with its path): hashing them would cost more than the answer, and keeping them memory.
 * Callers mark each call with the bundlers' `@__PURE__` comment: a bundle that never uses the result
 * (the worker never validates trace lines) then leaves it out instead of keeping it for the call.
 */
export function memo<V>(compute: (key: string) => V, maxKeyLength: number): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    if (key.length >= maxKeyLength) return compute(key);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, value);
    return value;
  };
}
