/**
 * A Vitest reporter beside the default one: how long each test file took and which tests passed
 * only on their retry ("flaky"). It writes artifacts/test-times/<tier>.json, which .ci/run reads to
 * print every file's time, slowest first, and to hold the suite to its time budget. A flake stays
 * visible: it is counted and named, never folded silently into "passed".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { REPO_ROOT } from './harness/session';

export interface FileTime {
  file: string;
  ms: number;
  tests: number;
  failed: number;
  /** Names of the tests that failed once and passed on their retry. */
  flaky: string[];
}

export default class TimesReporter implements Reporter {
  readonly #tier: string;
  constructor(options: { tier?: string } = {}) {
    this.#tier = options.tier ?? 'unit';
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files: FileTime[] = modules.map((m) => {
      const d = m.diagnostic();
      const cases = [...m.children.allTests()];
      return {
        // A file run by several projects (the soak tier's one per browser) is named with its project.
        file: relative(REPO_ROOT, m.moduleId) + (m.project.name ? ` [${m.project.name}]` : ''),
        ms: Math.round(d.prepareDuration + d.collectDuration + d.setupDuration + d.duration),
        tests: cases.length,
        failed: cases.filter((c) => c.result().state === 'failed').length,
        flaky: cases.filter((c) => c.diagnostic()?.flaky).map((c) => c.fullName),
      };
    });
    files.sort((a, b) => b.ms - a.ms);
    const dir = join(REPO_ROOT, 'artifacts', 'test-times');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.#tier}.json`), `${JSON.stringify(files, null, 2)}\n`);
    const flaky = files.flatMap((f) => f.flaky.map((n) => `${f.file} > ${n}`));
    if (flaky.length) {
      console.log(`\n${flaky.length} flaky (passed only on the retry):`);
      for (const n of flaky) console.log(`  ${n}`);
    }
  }
}
