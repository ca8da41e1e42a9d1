// Prints the time of every test file of the given tiers (default: unit and browser), slowest
// first, from artifacts/test-times/<tier>.json (written by test/support/times-reporter.ts), with
// each tier's total and the tests that passed only on their retry.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const tiers = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'browser'];
const rows = [];
for (const tier of tiers) {
  const file = join('artifacts', 'test-times', `${tier}.json`);
  if (!existsSync(file)) {
    console.log(`${tier}: no times recorded (the tier did not run)`);
    continue;
  }
  const files = JSON.parse(readFileSync(file, 'utf8'));
  const total = files.reduce((n, f) => n + f.ms, 0);
  console.log(`${tier}: ${files.length} files, ${(total / 1000).toFixed(1)} s of tests`);
  for (const f of files) rows.push({ tier, ...f });
}
rows.sort((a, b) => b.ms - a.ms);
for (const r of rows) {
  const flaky = r.flaky.length ? `  ${r.flaky.length} flaky: ${r.flaky.join('; ')}` : '';
  const failed = r.failed ? `  ${r.failed} failed` : '';
  console.log(
    `${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.tier.padEnd(7)} ${r.file} (${r.tests} tests)${failed}${flaky}`,
  );
}
