/**
 * The pages (popup, error page) and the content script reach the background only through the
 * protocol module (src/shared/protocol): they import no background code, and only the protocol's
 * client sends a message or opens a port. Read from the source's import graph.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ENTRIES = {
  popup: 'src/popup/main.tsx',
  'error page': 'src/errorpage/main.tsx',
  'content script': 'src/content/index.ts',
};
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]/g;

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  return null; // JSON, CSS
}

/** Every source file reachable from `entry` by relative imports (type-only ones too), relative to the repo. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [join(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const next = resolveImport(file, (m[1] ?? m[2]) as string);
      if (next) queue.push(next);
    }
  }
  return [...seen].map((f) => relative(ROOT, f)).sort();
}

describe.each(Object.entries(ENTRIES))('the %s', (_name, entry) => {
  const files = reachable(entry);

  it('imports its protocol through src/shared/protocol, and the graph is really walked', () => {
    expect(files).toContain('src/shared/protocol/client.ts');
    expect(files).toContain('src/shared/protocol/messages.ts');
  });

  it('imports no background code', () => {
    expect(files.filter((f) => f.startsWith('src/background/'))).toEqual([]);
  });

  it('sends messages and opens ports only through the protocol client', () => {
    const talking = files.filter(
      (f) =>
        !f.startsWith('src/shared/protocol/') &&
        /\bruntime\.(sendMessage|connect)\(|\bsendMessage\(|LIVE_PORT|nazar-live/.test(
          readFileSync(join(ROOT, f), 'utf8'),
        ),
    );
    expect(talking).toEqual([]);
  });
});
