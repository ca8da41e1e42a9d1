// Merges messages into public/_locales/{hi,en}/messages.json safely while several people edit them.
// Usage: node scripts/add-messages.mjs additions.json
//   where additions.json is { "hi": { key: {message, description?, placeholders?} }, "en": { ... } }.
// Both locales must get the same keys. A lock directory serialises concurrent runs; existing keys
// are replaced (so a second run updates wording), key order is kept, new keys are appended.
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/add-messages.mjs additions.json');
  process.exit(1);
}
const add = JSON.parse(readFileSync(file, 'utf8'));
const hiKeys = Object.keys(add.hi ?? {}).sort();
const enKeys = Object.keys(add.en ?? {}).sort();
if (JSON.stringify(hiKeys) !== JSON.stringify(enKeys)) {
  console.error('hi and en must add the same keys');
  process.exit(1);
}
const bad = hiKeys.filter((k) => !/^[A-Za-z0-9_@]+$/.test(k));
if (bad.length) {
  console.error(`invalid message names (only A-Z a-z 0-9 _ @): ${bad.join(', ')}`);
  process.exit(1);
}
const lock = 'public/_locales/.lock';
for (let i = 0; ; i++) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (i > 200) throw new Error(`could not take ${lock}; remove it if no one else is running`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}
try {
  for (const lang of ['hi', 'en']) {
    const path = `public/_locales/${lang}/messages.json`;
    const cur = JSON.parse(readFileSync(path, 'utf8'));
    Object.assign(cur, add[lang]);
    writeFileSync(path, `${JSON.stringify(cur, null, 2)}\n`);
  }
  console.log(`merged ${hiKeys.length} keys`);
} finally {
  rmdirSync(lock);
}
