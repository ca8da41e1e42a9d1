/** Replays a committed fixture file through the engine in-process, the way the CLI does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Replayed, replayText } from '../../fixtures/measure';

export { firstAt } from '../../fixtures/measure';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export function replayFixture(name: string): Replayed {
  return replayText(readFileSync(join(FIXTURES, `${name}.jsonl`), 'utf8'));
}
