// `npm run package` (after `npm run build`): store-ready archives in artifacts/.
//   nazar-chrome-<version>.zip    for the Chrome Web Store (dist/chrome)
//   nazar-firefox-<version>.xpi   for addons.mozilla.org (dist/firefox)
//   nazar-source-<version>.zip    what AMO asks for with bundled code: `git archive` of HEAD; the
//                                 README's "Building from source" section is the build recipe.
// web-ext does the zipping (it skips dotfiles and keeps paths relative), so no zip tool is needed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'artifacts');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');

function manifest(target) {
  const file = join(root, 'dist', target, 'manifest.json');
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const version = manifest('chrome').version;
if (manifest('firefox').version !== version) {
  console.error('dist/chrome and dist/firefox have different versions: rebuild both');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

function zipDir(target, finalName) {
  const tmpName = `${finalName}.tmp.zip`;
  rmSync(join(out, tmpName), { force: true });
  execFileSync(
    webExt,
    [
      'build',
      '--source-dir',
      join(root, 'dist', target),
      '--artifacts-dir',
      out,
      '--filename',
      tmpName,
      '--overwrite-dest',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  renameSync(join(out, tmpName), join(out, finalName));
  return join(out, finalName);
}

const files = [zipDir('chrome', `nazar-chrome-${version}.zip`), zipDir('firefox', `nazar-firefox-${version}.xpi`)];

const source = join(out, `nazar-source-${version}.zip`);
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' });
if (dirty.trim()) console.warn('warning: uncommitted changes are not in the source archive (it is `git archive HEAD`)');
execFileSync('git', ['archive', '--format=zip', `--prefix=nazar-${version}/`, '-o', source, 'HEAD'], { cwd: root });
files.push(source);

for (const f of files)
  console.log(`${(statSync(f).size / 1024).toFixed(1).padStart(8)} KiB  ${f.slice(root.length + 1)}`);
