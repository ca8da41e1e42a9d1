/**
 * `_locales/<lang>/messages.json` as Nazar's code reads it (src/shared/i18n.ts): each message and
 * its placeholders' `content`, nothing else. The translators' descriptions and examples stay in the
 * `_locales` files the browser and the stores read; bundled into every script that translates
 * (the background, the error page, the banner) they were ~3.7 KB of dead text. `keep` picks keys
 * (the banner keeps its own).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const MESSAGES_FILE = /[\\/]_locales[\\/][a-z]{2}[\\/]messages\.json$/;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export function messagesAsCodeReadsThem(keep: (key: string) => boolean = () => true): Plugin {
  return {
    name: 'nazar-messages-as-code-reads-them',
    enforce: 'pre',
    load(id) {
      if (!MESSAGES_FILE.test(id)) return null;
      const all = JSON.parse(readFileSync(id, 'utf8')) as Record<string, Entry>;
      const kept: Record<string, Entry> = {};
      for (const [key, { message, placeholders }] of Object.entries(all)) {
        if (!keep(key)) continue;
        kept[key] = placeholders
          ? {
              message,
              placeholders: Object.fromEntries(
                Object.entries(placeholders).map(([n, p]) => [n, { content: p.content }]),
              ),
            }
          : { message };
      }
      return JSON.stringify(kept);
    },
  };
}
