/**
 * Lines of a stream, a batch per chunk read. Faster than node:readline (one await per chunk, not
 * per line) and still streaming: only the current chunk and one partial line are held. A line
 * longer than MAX_LINE is not kept either: it comes out as `null` (rejected by the caller).
 */
import type { Readable } from 'node:stream';

export const MAX_LINE = 16 << 20;

export async function* lineBatches(input: Readable): AsyncGenerator<(string | null)[]> {
  let rest = '';
  let overlong = false;
  for await (const chunk of input) {
    const text = rest + (typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
    const lines: (string | null)[] = text.split('\n');
    rest = (lines.pop() as string | undefined) ?? '';
    if (overlong && lines.length > 0) {
      lines[0] = null; // the tail of the over-long line
      overlong = false;
    }
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
    }
    if (rest.length > MAX_LINE) {
      rest = '';
      overlong = true;
    }
    yield lines;
  }
  if (overlong) yield [null];
  else if (rest !== '') yield [rest.charCodeAt(rest.length - 1) === 13 ? rest.slice(0, -1) : rest];
}
