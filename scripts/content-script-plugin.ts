/**
 * Builds the content script as one classic script, `content.js`, outside @crxjs/vite-plugin.
 *
 * Why: crxjs loads content scripts as ES modules through a loader, which makes their chunks
 * web-accessible on the watched sites (`use_dynamic_url: false`), so any page there could fetch
 * them and fingerprint the extension. One self-contained file needs no web-accessible resources,
 * and it carries only the banner's strings of both locales (about 3 KB instead of 68 KB).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { isBannerKey } from '../src/content/banner-keys';
import { messagesAsCodeReadsThem } from './messages-plugin';
import { sideBundle } from './side-bundle';

export const CONTENT_SCRIPT_FILE = 'content.js';
const ENTRY = 'src/content/index.ts';

interface ContentScript {
  matches: string[];
  js: string[];
  run_at?: string;
}

/** The manifest for crxjs without content scripts; they are added back by the plugin below. */
export function withoutContentScripts<M extends object>(m: M): M {
  const { content_scripts: _, ...rest } = m as M & { content_scripts?: unknown };
  return rest as M;
}

export function contentScriptAsOneFile(scripts: ContentScript[]): Plugin {
  return sideBundle({
    name: 'nazar-content-script',
    entry: ENTRY,
    lib: { formats: ['iife'], name: 'nazarBanner', fileName: () => CONTENT_SCRIPT_FILE },
    plugins: [messagesAsCodeReadsThem(isBannerKey)],
    after(outDir) {
      const file = resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = scripts.map((s) => ({ ...s, js: [CONTENT_SCRIPT_FILE] }));
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  });
}
