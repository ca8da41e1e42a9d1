import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineBatches, MAX_LINE } from '../../../src/cli/lines';

async function collect(chunks: string[]): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for await (const batch of lineBatches(Readable.from(chunks))) out.push(...batch);
  return out;
}

describe('lineBatches', () => {
  it('splits across chunk boundaries, strips CR, keeps a last line without newline', async () => {
    expect(await collect(['a\nb', 'c\r\n', '\nd', 'e'])).toEqual(['a', 'bc', '', 'de']);
    expect(await collect(['x\n'])).toEqual(['x']);
    expect(await collect([])).toEqual([]);
  });

  it('turns an over-long line into null without keeping it, then carries on', async () => {
    const big = 'y'.repeat(1 << 20);
    const chunks = ['ok1\n', ...Array.from({ length: (MAX_LINE >> 20) + 2 }, () => big), 'tail\nok2\n'];
    expect(await collect(chunks)).toEqual(['ok1', null, 'ok2']);
    expect(await collect(['z\n', big, big.repeat(MAX_LINE >> 20)])).toEqual(['z', null]);
  });
});
