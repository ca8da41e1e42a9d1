/**
 * npm run bench: what issue 15 asks, measured so that a shared machine skews it as little as it can.
 * - engine events/s: the engine alone on 1M events, per CPU-second of this process;
 * - replay lines/s and peak RSS: the real CLI on a 1M-line trace, run exactly as `npm run replay`
 *   runs it (package.json's node flags and scripts/replay.mjs, without npm in between), lines per
 *   CPU-second of that process, start-up included; its CPU time and peak RSS are its own
 *   getrusage figures at exit (bench/cli-usage.mjs), not samples;
 * - JSON.parse alone on the same lines, measured between those runs: the machine's speed at that
 *   moment, to judge the figures by (a busy or slow machine slows both);
 * - detection and recovery delays over every fixture.
 * CPU time rather than wall time: with others' tests on the same cores a process waits for a core,
 * and that wait is not the replay's. Each figure is run BENCH_RUNS times (default 5, 3 for the CLI):
 * best and median are printed. Targets (2-core machine): engine ≥ 2M events/s, replay ≥ 250k
 * lines/s, RSS ≤ 100 MB.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lineBatches } from '../src/cli/lines';
import type { TraceEvent } from '../src/core/api';
import { Engine } from '../src/core/engine';
import { detectionTable, median } from '../test/fixtures/measure';
import { SCENARIOS } from '../test/fixtures/scenarios';
import { makeEvents, writeBigTrace } from './workload';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLI_RUNS = Number(process.env.BENCH_RUNS ?? 3);
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const perSecond = (n: number, ms: number) => (n / ms) * 1000;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
/** "best B, median M" of rates (higher is better). */
const bestMedian = (rates: number[]) => `best ${fmt(Math.max(...rates))}/s, median ${fmt(median(rates))}/s`;

/** This process's CPU time in ms (user + system). */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The engine on N events from a pool looped forward in time, per CPU-second; and JSON.parse on the pool's lines. */
function benchEngine() {
  const pool = makeEvents(200_000, 1);
  const lines = pool.map((e) => JSON.stringify(e));
  const engineRates: number[] = [];
  const parseRates: number[] = [];
  let changes = 0;
  for (let run = 0; run < RUNS; run++) {
    const engine = new Engine();
    let cpuMs = 0;
    changes = 0;
    for (let done = 0; done < N; done += pool.length) {
      // Loop the pool forward in time so windows keep sliding (outside the timed part).
      if (done > 0) shiftTimes(pool, timeOf(pool.at(-1)!) - timeOf(pool[0]!) + 100);
      const c0 = cpuNow();
      changes += ingestAll(engine, pool, Math.min(pool.length, N - done));
      cpuMs += cpuNow() - c0;
    }
    engineRates.push(perSecond(N, cpuMs));
    const p0 = cpuNow();
    parseAll(lines);
    parseRates.push(perSecond(lines.length, cpuNow() - p0));
  }
  console.log(
    `engine: ${fmt(N)} events × ${RUNS} runs, per CPU-second: ${bestMedian(engineRates)} (target ≥ 2,000,000/s); ${changes} verdict changes per run`,
  );
  console.log(
    `  JSON.parse alone on those events' lines, between the runs: ${bestMedian(parseRates)}; engine ÷ JSON.parse (medians) ${(median(engineRates) / median(parseRates)).toFixed(2)}×`,
  );
}

const timeOf = (e: TraceEvent) => ('details' in e ? e.details.timeStamp : e.timeStamp);

/** The hot loop in a small function of its own, so V8 optimises it as such rather than by on-stack replacement. */
function ingestAll(engine: Engine, events: TraceEvent[], count: number): number {
  let changes = 0;
  for (let i = 0; i < count; i++) changes += engine.ingest(events[i]!).length;
  return changes;
}

function parseAll(lines: string[]): number {
  let n = 0;
  for (const line of lines) n += JSON.parse(line) === null ? 0 : 1;
  return n;
}

function shiftTimes(pool: TraceEvent[], by: number) {
  for (const e of pool) {
    if ('details' in e) e.details.timeStamp += by;
    else e.timeStamp += by;
  }
}

interface CliRun {
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
  code: number | null;
  outBytes: number;
}

/** Runs the replay CLI as package.json's `replay` script does, with bench/cli-usage.mjs loaded to report its usage. */
function runCli(trace: string, usageFile: string): Promise<CliRun> {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { replay: string } })
    .scripts.replay;
  const words = script.split(' ');
  if (words[0] !== 'node') throw new Error(`the replay script no longer starts with node: ${script}`);
  const flags = words.slice(1, -1); // the V8 flags; the last word is scripts/replay.mjs
  const args = [...flags, '--import', pathToFileURL(join(root, 'bench', 'cli-usage.mjs')).href, words.at(-1)!, trace];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NAZAR_BENCH_USAGE: usageFile },
    });
    let outBytes = 0;
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      try {
        const u = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssKb: number };
        resolve({ wallMs, cpuMs: u.cpuMs, maxRssKb: u.maxRssKb, code, outBytes });
      } catch (e) {
        reject(new Error(`the replay reported no usage (exit ${code}): ${String(e)}`));
      }
    });
  });
}

/** The same line splitting as the replay, then JSON.parse and nothing else: the floor to compare with. */
async function jsonParseOnly(file: string): Promise<number> {
  const t0 = cpuNow();
  let n = 0;
  for await (const batch of lineBatches(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }))) {
    for (const line of batch) if (line) n += JSON.parse(line) === null ? 0 : 1;
  }
  return perSecond(n, cpuNow() - t0);
}

async function benchReplay() {
  const dir = mkdtempSync(join(tmpdir(), 'nazar-bench-'));
  try {
    const file = join(dir, 'big.jsonl');
    writeBigTrace(file, LINES, 2);
    const usage = join(dir, 'usage.json');
    // A first run on an empty trace (re)builds the cached bundle, so no measured run pays for esbuild.
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const boot = await runCli(empty, usage);
    const runs: CliRun[] = [];
    const parseRates: number[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      runs.push(await runCli(file, usage));
      parseRates.push(await jsonParseOnly(file));
    }
    const cpuRates = runs.map((r) => perSecond(LINES, r.cpuMs));
    const wallRates = runs.map((r) => perSecond(LINES, r.wallMs));
    const rss = runs.map((r) => r.maxRssKb / 1024);
    const last = runs.at(-1)!;
    console.log(
      `replay CLI on ${fmt(LINES)} lines (${mb(statSync(file).size)}) × ${CLI_RUNS} runs, start-up included (${boot.cpuMs.toFixed(0)} ms CPU on an empty trace):`,
    );
    console.log(`  per CPU-second: ${bestMedian(cpuRates)} (target ≥ 250,000/s)`);
    console.log(`  per wall-clock second: ${bestMedian(wallRates)} (slowed by whatever else runs)`);
    console.log(
      `  peak RSS: ${Math.max(...rss).toFixed(1)} MB at most, median ${median(rss).toFixed(1)} MB (target ≤ 100 MB); exit ${last.code}; ${last.outBytes} bytes of verdicts`,
    );
    console.log(
      `  JSON.parse alone on the same lines, same line splitting, between the runs: ${bestMedian(parseRates)}; replay ÷ JSON.parse (medians) ${(median(cpuRates) / median(parseRates)).toFixed(2)}×`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per fixture and platform: the verdicts passed through, detection and recovery delays; then median and worst. */
function detectionDelays() {
  const { rows, downs, ups } = detectionTable(SCENARIOS);
  console.log('| fixture | platform | verdicts | detection (down / degraded) | recovery (up) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  console.log(
    `detection over fixtures: first failure → down/degraded median ${median(downs)} ms, worst ${Math.max(...downs)} ms (n=${downs.length}); success → up median ${median(ups)} ms, worst ${Math.max(...ups)} ms (n=${ups.length})`,
  );
}

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${cpus().length} cores (wall-clock rates suffer when others run; CPU-time rates less so)`,
);
// BENCH_ONLY=engine|replay|detection runs one part (handy when tuning one of them).
const only = process.env.BENCH_ONLY;
if (!only || only === 'engine') benchEngine();
if (!only || only === 'replay') await benchReplay();
if (!only || only === 'detection') detectionDelays();
