/**
 * One source manifest, two builds: `vite build --mode chrome` → dist/chrome (MV3 service worker),
 * `vite build --mode firefox` → dist/firefox (event page via background.scripts, gecko settings).
 * Modes `chrome-test` / `firefox-test` build the same code into dist-test/ with the short timers of
 * src/shared/timings.ts, for the fast browser tests.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { contentScriptAsOneFile, withoutContentScripts } from './scripts/content-script-plugin';
import { messagesAsCodeReadsThem } from './scripts/messages-plugin';
import { otherNetworksBundle } from './scripts/other-networks-plugin';
import { preactWithoutInnerHtml } from './scripts/side-bundle';

type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'nazar@nazar-extension.org';

/** The Globalping API, the only host "check from other networks" talks to (src/vantage/). */
export const GLOBALPING_API = 'https://api.globalping.io/*';

/**
 * The oldest Firefox for Android that has every manifest key and API Nazar uses: 142, the release
 * that reads `gecko.data_collection_permissions` (desktop: 140). Everything else arrived by 115
 * (`storage.session`). MDN's compatibility data, as `web-ext lint` reads it, checks this
 * (test/unit/build/manifest.test.ts).
 */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/**
 * Firefox wants an event page, an add-on id and its data-collection declaration; `gecko_android`
 * makes the add-on installable on Firefox for Android from that version on.
 */
export function manifestFor(target: Target): ManifestV3Export {
  const m = structuredClone(baseManifest) as Record<string, unknown>;
  if (target === 'firefox') {
    const bg = m.background as { service_worker: string; type?: string };
    m.background = { scripts: [bg.service_worker], type: bg.type };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    };
    // "Check from other networks" (issue 18): asked for in the user's consent click, so that the
    // extension's requests to the API carry no per-install moz-extension:// Origin. Chromium needs
    // no permission: the API answers CORS, and Chrome's Origin is the extension's public id.
    m.optional_host_permissions = [GLOBALPING_API];
  }
  return m as unknown as ManifestV3Export;
}

/**
 * JSX as `h(type, props, ...children)` instead of the preset's automatic `jsx(type, { children })`:
 * every element then drops a `children:` key, ~0.9 KB of the popup's 35 KB budget. A plugin, not
 * top-level `oxc` options, because plugin config is merged after the user's and would undo it.
 * Only .tsx files get the import (not Vite's `oxc.jsxInject`: in builds that reaches .ts files too,
 * and then the worker and content script would load Preact), so no .tsx file may import `h` or
 * `Fragment` itself.
 * Type checking and the unit tests keep the automatic runtime (tsconfig, vitest.config.ts); both
 * runtimes make the same vnodes.
 */
export const classicJsx: Plugin = {
  name: 'nazar-classic-jsx',
  enforce: 'pre',
  config: () => ({ oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } } }),
  transform(code, id) {
    if (!/\.tsx$/.test(id.split('?')[0] ?? '')) return null;
    // On the first line, so that line numbers stay right (sourcemaps are off in builds anyway).
    return { code: `import { h, Fragment } from 'preact';${code}`, map: null };
  },
};

export default defineConfig(({ mode }) => {
  const target: Target = mode.startsWith('firefox') ? 'firefox' : 'chrome';
  const testBuild = mode.endsWith('-test');
  return {
    define: { __NAZAR_TEST_BUILD__: JSON.stringify(testBuild) },
    plugins: [
      preact(),
      classicJsx,
      preactWithoutInnerHtml,
      messagesAsCodeReadsThem(),
      crx({ manifest: withoutContentScripts(manifestFor(target)), browser: target }),
      contentScriptAsOneFile(baseManifest.content_scripts),
      otherNetworksBundle(),
    ],
    build: {
      outDir: `${testBuild ? 'dist-test' : 'dist'}/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      // Extension pages run only in browsers with native modulepreload; the polyfill would cost ~1 KB
      // of the popup's 35 KB budget.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { errorpage: 'src/errorpage/index.html' },
        output: {
          codeSplitting: {
            groups: [
              {
                // What the popup and the worker both read (words, settings, the storage table, the
                // episode decoder): one chunk, not one per set of importers, so each loads one file
                // and pays its import/export glue once. The error page loads it too (a few hundred
                // bytes it does not use); no module here imports Preact or page code.
                name: 'words',
                test: /[\\/]src[\\/](shared[\\/](i18n|format|protocol[\\/](messages|values|settings|storage|episode))|core[\\/]types|ui[\\/](msg|meaning|words))\.ts$/,
              },
            ],
          },
        },
      },
    },
    // Content scripts and pages load only their own chunks; never inline remote code.
    server: { cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] } },
  };
});
