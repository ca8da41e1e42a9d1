/** A wait for the background that gives up: the popup's requests never hang on a sleeping or missing worker. */
/** Resolves to undefined after `ms` instead of waiting forever for a sleeping or missing worker. */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}
