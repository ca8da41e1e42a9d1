/**
 * A bundle built beside the extension's main Vite build, once that build has written its files:
 * the same output folder and build flags (`define`: e.g. the test build's timings), its own entry,
 * format and plugins. Used for the content script (one classic file) and "check from other
 * networks" (on.js, loaded by the pages on demand).
 */
import { resolve } from 'node:path';
import { build, type LibraryOptions, type Plugin, type PluginOption, type UserConfig } from 'vite';

/**
 * Preact's `dangerouslySetInnerHTML` branch is the build's only innerHTML assignment, which AMO's
 * linter flags. Nazar never uses it; this turns it into a textContent assignment (markup as text).
 */
export const preactWithoutInnerHtml: Plugin = {
  name: 'nazar-preact-without-innerhtml',
  transform(code, id) {
    if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
    const out = code.replace(/(\w+)\.innerHTML=(\w+)\.__html/g, '$1.textContent=$2.__html');
    return out === code ? null : { code: out, map: null };
  },
};

export interface SideBundle {
  /** The plugin's name. */
  name: string;
  /** Entry module, relative to the project root. */
  entry: string;
  /** Format, global name and file name of the output (Vite's library mode). */
  lib: Omit<LibraryOptions, 'entry'>;
  plugins?: PluginOption[];
  /** Anything else for this build (JSX options, chunk names). */
  extra?: Pick<UserConfig, 'oxc'> & { chunkFileNames?: string };
  /** Runs after the bundle is written, with the output folder. */
  after?(outDir: string): void;
}

export function sideBundle(o: SideBundle): Plugin {
  let outDir = '';
  let root = '';
  let define: Record<string, unknown> | undefined;
  return {
    name: o.name,
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
        plugins: o.plugins ?? [],
        ...(o.extra?.oxc ? { oxc: o.extra.oxc } : {}),
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2022',
          minify: true,
          lib: { ...o.lib, entry: resolve(root, o.entry) },
          ...(o.extra?.chunkFileNames
            ? { rollupOptions: { output: { chunkFileNames: o.extra.chunkFileNames, minify: true } } }
            : {}),
        },
      });
      o.after?.(outDir);
    },
  };
}
