/**
 * Loads "check from other networks" into the page's `#on` element. Its bundle is built apart
 * (scripts/other-networks-plugin.ts) at a fixed name and imported by URL, after the page's own
 * script: it and the Globalping client it loads on a click are not in the page's first-render
 * bundle (test/unit/build/popup-budget.test.ts), and no preload helper comes with it. The popup
 * writes the same one line itself (src/popup/main.tsx), to spend no bytes of its 35 KB budget on
 * a shared chunk.
 */
export const OTHER_NETWORKS_FILE = 'on.js';

export function loadOtherNetworks(): void {
  // A name, not a literal or template: Vite would wrap those in its preload helper.
  // (The minifier folds it back into a literal: AMO's linter accepts only those in import().)
  const url = '/on.js';
  import(/* @vite-ignore */ url).catch(() => {});
}
