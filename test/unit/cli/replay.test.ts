import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstAt, replayFixture } from '../core/replay-fixture';
import { ROOT, runReplay } from './run-replay';

const fixtures = join(ROOT, 'test', 'fixtures');

function replay(args: string[], input?: string) {
  const { code, out, err } = runReplay(args, input);
  return { code, out, err };
}

describe('replay CLI', { timeout: 60_000 }, () => {
  it('prints one JSON object per verdict change, keys in contract order, nothing else; exit 0', () => {
    const r = replay([join(fixtures, 'meta-2021-chromium.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const p of parsed) expect(Object.keys(p)).toEqual(['timeStamp', 'platform', 'status', 'cause', 'scope']);
    // Same verdicts as the in-process engine.
    expect(parsed).toEqual(replayFixture('meta-2021-chromium').changes);
    const down = firstAt(parsed as never, 'facebook', 'down', 0);
    expect(down).toMatchObject({ cause: 'dns', scope: 'meta' });
  });

  it('names each rejected line on stderr (1-based, blank lines skipped) and exits 2', () => {
    const r = replay([join(fixtures, 'malformed-lines-chromium.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toEqual([
      'line 4: not valid JSON',
      'line 10: unknown event "onBeforeRequest"',
      'line 16: missing details.url',
      'line 22: details.timeStamp is not a finite number',
      'line 28: unknown probe target "myspace"',
      'line 34: not a JSON object',
      'line 40: status is not a finite number',
    ]);
    expect(r.out).toContain('"platform":"whatsapp","status":"up"');
  });

  it('exits 1 when the file cannot be read, with nothing on stdout', () => {
    const missing = replay([join(fixtures, 'no-such-file.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toMatch(/cannot read/);
    const dir = replay([fixtures]);
    expect(dir.code).toBe(1);
    expect(dir.out).toBe('');
  });

  it('reads standard input with "-", handles CRLF and a last line without newline', () => {
    const text = readFileSync(join(fixtures, 'whatsapp-5xx-firefox.jsonl'), 'utf8').trimEnd().replace(/\n/g, '\r\n');
    const r = replay(['-'], text);
    expect(r.code).toBe(0);
    expect(
      r.out
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(replayFixture('whatsapp-5xx-firefox').changes);
  });

  it('an empty file gives no output and exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nazar-cli-'));
    writeFileSync(join(dir, 'empty.jsonl'), '\n\n');
    const r = replay([join(dir, 'empty.jsonl')]);
    expect(r).toEqual({ code: 0, out: '', err: '' });
  });

  it('--pretty prints a Hindi timeline; --lang en an English one', () => {
    const hi = replay(['--pretty', join(fixtures, 'meta-2021-chromium.jsonl')]);
    expect(hi.code).toBe(0);
    expect(hi.out).toContain('रात 9:09 बजे');
    expect(hi.out).toContain('काम नहीं कर रहा है');
    expect(hi.out).not.toMatch(/replay_|status_|cause_/);
    const en = replay(['--pretty', '--lang', 'en', join(fixtures, 'meta-2021-chromium.jsonl')]);
    expect(en.out).toMatch(/9:09 pm/i);
    expect(en.out).toContain('Not working');
  });

  it('stops quietly when its reader goes away (| head)', () => {
    const file = join(fixtures, 'meta-2021-chromium.jsonl');
    const r = spawnSync('sh', ['-c', `npm run --silent replay -- '${file}' | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('rebuilds its cached bundle when a source file is newer, and runs from the cache otherwise', () => {
    const bundle = join(ROOT, 'node_modules', '.cache', 'nazar', 'replay.mjs');
    replay([join(fixtures, 'meta-2021-chromium.jsonl')]);
    const built = statSync(bundle).mtimeMs;
    replay([join(fixtures, 'meta-2021-chromium.jsonl')]);
    expect(statSync(bundle).mtimeMs).toBe(built);
    // Make the bundle older than its sources, as after an edit.
    utimesSync(bundle, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const r = replay([join(fixtures, 'meta-2021-chromium.jsonl')]);
    expect(r.code).toBe(0);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });

  it('rejects bad usage with exit 1', () => {
    expect(replay([]).code).toBe(1);
    expect(replay(['--lang', 'fr', 'x']).code).toBe(1);
  });
});
