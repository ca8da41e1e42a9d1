/**
 * Replays a trace through the engine (docs/trace-format.md): one JSON line per verdict change on
 * stdout, `line N: reason` on stderr per rejected line; exit 0, 2 (some rejected) or 1 (unreadable).
 * Streams with readline, so memory stays flat whatever the file size. `-` reads standard input.
 */
import { createReadStream } from 'node:fs';
import { Engine } from '../core/engine';
import { parseTraceLine } from '../core/trace';
import type { VerdictChange } from '../core/types';
import { lineBatches, MAX_LINE } from './lines';
import { createPrettyPrinter } from './pretty';

interface Options {
  file: string | null;
  pretty: boolean;
  lang: 'hi' | 'en';
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { file: null, pretty: false, lang: 'hi' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pretty') o.pretty = true;
    else if (a === '--lang') {
      const v = argv[++i];
      if (v !== 'hi' && v !== 'en') return '--lang takes hi or en';
      o.lang = v;
      o.pretty = true;
    } else if (a.startsWith('--lang=')) {
      const v = a.slice(7);
      if (v !== 'hi' && v !== 'en') return '--lang takes hi or en';
      o.lang = v;
      o.pretty = true;
    } else if (a === '--') continue;
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (o.file === null) o.file = a;
    else return 'only one trace file at a time';
  }
  return o.file === null ? 'usage: replay [--pretty] [--lang hi|en] FILE|-' : o;
}

function jsonLine(c: VerdictChange): string {
  // Key order is part of the contract.
  return `{"timeStamp":${c.timeStamp},"platform":"${c.platform}","status":"${c.status}","cause":"${c.cause}","scope":"${c.scope}"}\n`;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`${opts}\n`);
    return 1;
  }
  // 64 KB reads: small batches die young, so the heap (and RSS) stays small. UTF-8 decoding keeps multi-byte characters whole.
  const input =
    opts.file === '-'
      ? process.stdin.setEncoding('utf8')
      : createReadStream(opts.file!, { encoding: 'utf8', highWaterMark: 1 << 16 });
  const engine = new Engine();
  const pretty = opts.pretty ? createPrettyPrinter(opts.lang) : null;
  let out = '';
  let err = '';
  const flush = () => {
    if (out) process.stdout.write(out);
    if (err) process.stderr.write(err);
    out = '';
    err = '';
  };
  let rejected = 0;
  let lineNo = 0;
  let unreadable: string | null = null;
  try {
    for await (const batch of lineBatches(input)) {
      for (const line of batch) {
        lineNo++;
        if (line === null) {
          rejected++;
          err += `line ${lineNo}: line longer than ${MAX_LINE} characters\n`;
          continue;
        }
        if (line.trim() === '') continue;
        const r = parseTraceLine(line);
        if (!r.ok) {
          rejected++;
          err += `line ${lineNo}: ${r.reason}\n`;
          continue;
        }
        const changes = engine.ingest(r.event);
        if (changes.length === 0) continue;
        if (pretty) out += pretty.changes(changes, engine);
        else for (const c of changes) out += jsonLine(c);
      }
      if (out.length > 1 << 16 || err.length > 1 << 16) flush();
    }
  } catch (e) {
    unreadable = e instanceof Error ? e.message : String(e);
  }
  flush();
  if (unreadable !== null) {
    process.stderr.write(`cannot read ${opts.file}: ${unreadable}\n`);
    return 1;
  }
  if (pretty) process.stdout.write(pretty.summary(engine));
  return rejected > 0 ? 2 : 0;
}

// A reader that stops early (`| head`) is no error: stop quietly, as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`replay failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
