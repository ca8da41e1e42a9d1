/**
 * Runs the replay CLI (src/cli/replay.ts) as one plain JavaScript file. Under a TypeScript loader
 * the loader's own thread and compiler take ~35 MB and ~0.4 s before the first line is read; the
 * contract's replay should spend its memory on the trace. The bundle is rebuilt with esbuild when
 * a source file is newer than it, and cached in node_modules/.cache/nazar.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'nazar');
const bundle = join(cache, 'replay.mjs');
const inputsFile = join(cache, 'replay.inputs.json');

/** True when the bundle exists and no file it was built from changed since. */
function fresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return Array.isArray(inputs) && inputs.every((f) => statSync(join(root, f)).mtimeMs <= built);
  } catch {
    return false;
  }
}

async function build() {
  const { build } = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  // Written beside the final name, then renamed: two replays starting at once never read half a file.
  const tmp = `${bundle}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/replay.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: tmp,
    metafile: true,
    logLevel: 'error',
  });
  writeFileSync(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
  renameSync(tmp, bundle);
}

if (!fresh()) await build();
await import(pathToFileURL(bundle).href);
