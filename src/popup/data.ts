/** Resolves to undefined after `ms` (or on a rejection) instead of waiting forever for a sleeping or missing worker. */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}
