/** Replays a fixture file through the engine in-process, the way the CLI does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../../src/core/engine';
import { parseTraceLine } from '../../../src/core/trace';
import type { VerdictChange } from '../../../src/core/types';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export function replayFixture(name: string): { changes: VerdictChange[]; rejected: number[]; engine: Engine } {
  const engine = new Engine();
  const changes: VerdictChange[] = [];
  const rejected: number[] = [];
  readFileSync(join(FIXTURES, `${name}.jsonl`), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const r = parseTraceLine(line);
      if (!r.ok) rejected.push(i + 1);
      else changes.push(...engine.ingest(r.event));
    });
  return { changes, rejected, engine };
}

/** First change of `platform` to `status` at or after `from`, or null. */
export function firstAt(
  changes: VerdictChange[],
  platform: string,
  status: string,
  from: number,
): VerdictChange | null {
  return changes.find((c) => c.platform === platform && c.status === status && c.timeStamp >= from) ?? null;
}
