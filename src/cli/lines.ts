/**
 * Lines of a stream, a batch per chunk read. Faster than node:readline (one await per chunk, not
 * per line) and still streaming: only the current chunk and one partial line are held. A line
 * longer than MAX_LINE is not kept at all: it comes out as `null` (rejected by the caller).
 */
import type { Readable } from 'node:stream';

/** Far above any real event; keeps one absurd line from taking the replay's memory with it. */
export const MAX_LINE = 4 << 20;

const stripCr = (l: string) => (l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l);

export async function* lineBatches(input: Readable): AsyncGenerator<(string | null)[]> {
  // The unfinished line, in pieces: joined once its end arrives, so a long line is copied once.
  let parts: string[] = [];
  let partLen = 0;
  let overlong = false;
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? raw : (raw as Buffer).toString('utf8');
    const nl = chunk.indexOf('\n');
    if (nl === -1) {
      if (!overlong) {
        parts.push(chunk);
        partLen += chunk.length;
        if (partLen > MAX_LINE) {
          overlong = true;
          parts = [];
          partLen = 0;
        }
      }
      continue;
    }
    const lines: (string | null)[] = chunk.split('\n');
    const head = lines[0] as string;
    if (overlong) lines[0] = null;
    else if (parts.length > 0) {
      lines[0] = partLen + head.length > MAX_LINE ? null : parts.join('') + head;
    }
    overlong = false;
    parts = [];
    partLen = 0;
    const tail = lines.pop() as string;
    if (tail !== '') {
      parts.push(tail);
      partLen = tail.length;
    }
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l) lines[i] = stripCr(l);
    }
    yield lines;
  }
  if (overlong) yield [null];
  else if (partLen > 0) yield [stripCr(parts.join(''))];
}
