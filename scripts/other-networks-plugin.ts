/**
 * Builds "check from other networks" (src/vantage/mount.tsx) as a bundle of its own,
 * `on.js` at the extension's root, plus the chunk of the Globalping client it imports on a click.
 *
 * Why apart from the pages: the popup's first render has a 35 KB budget. Shared with the pages'
 * build, this entry would re-split their common modules into more chunks (more bytes for the popup
 * and the worker) and bring Vite's preload helper; built here it costs the pages nothing but the
 * line that imports it by URL (src/vantage/load.ts). It carries its own copy of Preact (its own
 * tree, rendered into `#on`) and its own words (src/vantage/locales).
 */
import type { Plugin } from 'vite';
import { OTHER_NETWORKS_FILE } from '../src/vantage/load';
import { preactWithoutInnerHtml, sideBundle } from './side-bundle';

export function otherNetworksBundle(): Plugin {
  return sideBundle({
    name: 'nazar-other-networks',
    entry: 'src/vantage/mount.tsx',
    lib: { formats: ['es'], fileName: () => OTHER_NETWORKS_FILE },
    plugins: [preactWithoutInnerHtml],
    extra: {
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      chunkFileNames: 'assets/other-networks-[name]-[hash].js',
    },
  });
}
