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
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

import { OTHER_NETWORKS_FILE } from '../src/vantage/load';

const ENTRY = 'src/vantage/mount.tsx';

/** As in vite.config.ts: Preact's only innerHTML assignment becomes textContent (AMO's linter). */
const preactWithoutInnerHtml: Plugin = {
  name: 'nazar-preact-without-innerhtml-others',
  transform(code, id) {
    if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
    const out = code.replace(/(\w+)\.innerHTML=(\w+)\.__html/g, '$1.textContent=$2.__html');
    return out === code ? null : { code: out, map: null };
  },
};

export function otherNetworksBundle(_opts: { testBuild: boolean }): Plugin {
  let outDir = '';
  let root = '';
  let define: Record<string, unknown> | undefined;
  return {
    name: 'nazar-other-networks',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      define = config.define;
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        define,
        plugins: [preactWithoutInnerHtml],
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2022',
          minify: true,
          lib: {
            entry: resolve(root, ENTRY),
            formats: ['es'],
            fileName: () => OTHER_NETWORKS_FILE,
          },
          rollupOptions: {
            output: { chunkFileNames: 'assets/other-networks-[name]-[hash].js', minify: true },
          },
        },
      });
    },
  };
}
