/**
 * npm run bench: engine throughput and memory, replay throughput and peak RSS (the real CLI in a
 * child process), JSON.parse alone on the same file for comparison, and detection delays over
 * the fixtures. Targets (2-core machine): engine ≥ 2M events/s, replay ≥ 250k lines/s, RSS ≤ 100 MB.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineBatches } from '../src/cli/lines';
import type { TraceEvent } from '../src/core/api';
import { Engine } from '../src/core/engine';
import { parseTraceLine } from '../src/core/trace';
import { detectionTable, median } from '../test/fixtures/measure';
import { SCENARIOS } from '../test/fixtures/scenarios';
import { makeEvents, writeBigTrace } from './workload';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const rate = (n: number, ms: number) => `${((n / ms) * 1000).toLocaleString('en-US', { maximumFractionDigits: 0 })}/s`;

/** This process's CPU time in ms: fairer than wall time on a shared machine. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

function benchEngine() {
  const pool = makeEvents(200_000, 1);
  const engine = new Engine();
  // Warm up, then measure heap after the state has reached its steady size.
  for (let i = 0; i < 100_000; i++) engine.ingest(pool[i % pool.length]!);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const shift = pool.length > 0 ? ((pool.at(-1)! as { details?: { timeStamp: number } }).details?.timeStamp ?? 0) : 0;
  let changes = 0;
  const c0 = cpuNow();
  const t0 = performance.now();
  for (let done = 0; done < N; done += pool.length) {
    // Loop the pool forward in time so windows keep sliding.
    if (done > 0) shiftTimes(pool, shift - (pool[0] as { details: { timeStamp: number } }).details.timeStamp + 100);
    changes += ingestAll(engine, pool, Math.min(pool.length, N - done));
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuNow() - c0;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const stateBytes = JSON.stringify(engine.toJSON()).length;
  console.log(
    `engine: ${N.toLocaleString('en-US')} events in ${ms.toFixed(0)} ms wall = ${rate(N, ms)}; ${cpuMs.toFixed(0)} ms CPU = ${rate(N, cpuMs)} per CPU-second (target ≥ 2,000,000/s)`,
  );
  console.log(
    `engine: heap ${mb(heapBefore)} before, ${mb(heapAfter)} after; serialised state ${stateBytes} bytes; ${changes} verdict changes`,
  );
}

/** The hot loop in a small function of its own, so V8 optimises it as such rather than by on-stack replacement. */
function ingestAll(engine: Engine, events: TraceEvent[], count: number): number {
  let changes = 0;
  for (let i = 0; i < count; i++) changes += engine.ingest(events[i]!).length;
  return changes;
}

function shiftTimes(pool: TraceEvent[], by: number) {
  for (const e of pool) {
    if ('details' in e) e.details.timeStamp += by;
    else e.timeStamp += by;
  }
}

function peakRss(
  cmd: string,
  args: string[],
): Promise<{ ms: number; cpuMs: number; rssKb: number; code: number | null; out: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // GNU time would be simpler, but is not always installed: read VmHWM from /proc instead.
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = 0;
    child.stdout.on('data', (b: Buffer) => {
      out += b.length;
    });
    let hwm = 0;
    let cpuMs = 0;
    const poll = setInterval(() => {
      hwm = Math.max(hwm, readHwm(child.pid));
      cpuMs = Math.max(cpuMs, readCpuMs(child.pid));
    }, 50);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - t0, cpuMs, rssKb: hwm, code, out });
    });
  });
}

/** User + system CPU time of a live process from /proc/PID/stat (clock ticks of 10 ms). */
function readCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function readHwm(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The same line splitting as the replay, then JSON.parse and nothing else: the floor to compare with. */
async function jsonParseOnly(file: string): Promise<number> {
  const t0 = cpuNow();
  let n = 0;
  for await (const batch of lineBatches(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }))) {
    for (const line of batch) if (line) n += JSON.parse(line) === null ? 0 : 1;
  }
  if (n === 0) console.log('(empty file)');
  return cpuNow() - t0;
}

async function parseAndIngest(file: string): Promise<number> {
  const t0 = cpuNow();
  const engine = new Engine();
  for await (const batch of lineBatches(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }))) {
    for (const line of batch) {
      if (!line) continue;
      const r = parseTraceLine(line);
      if (r.ok) engine.ingest(r.event);
    }
  }
  return cpuNow() - t0;
}

async function benchReplay() {
  const dir = mkdtempSync(join(tmpdir(), 'nazar-bench-'));
  try {
    const file = join(dir, 'big.jsonl');
    writeBigTrace(file, LINES, 2);
    console.log(`replay: generated ${LINES.toLocaleString('en-US')} lines, ${mb(statSync(file).size)}`);
    // One process (node running scripts/replay.mjs), so its /proc entry is the replay itself, not npm.
    const node = process.execPath;
    // Start-up is measured separately (its first run also refreshes the cached bundle), so lines/s is about the replay itself.
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    // Exactly what `npm run replay` runs (package.json), without npm in between.
    const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { replay: string } })
      .scripts.replay;
    const flags = script.split(' ').slice(1); // after "node": the V8 flags and scripts/replay.mjs
    const boot = await peakRss(node, [...flags, empty]);
    const run = await peakRss(node, [...flags, file]);
    const net = Math.max(1, run.ms - boot.ms);
    const cpuNet = Math.max(1, run.cpuMs - boot.cpuMs);
    console.log(
      `replay CLI CPU time: ${run.cpuMs} ms (start-up ${boot.cpuMs} ms) = ${rate(LINES, cpuNet)} per CPU-second excluding start-up`,
    );
    console.log(
      `replay CLI: ${run.ms.toFixed(0)} ms wall (start-up ${boot.ms.toFixed(0)} ms) = ${rate(LINES, net)} excluding start-up, ${rate(LINES, run.ms)} including (target ≥ 250,000/s); peak RSS ${(run.rssKb / 1024).toFixed(1)} MB (target ≤ 100 MB); exit ${run.code}; ${run.out} bytes of verdicts`,
    );
    const parseMs = await jsonParseOnly(file);
    const fullMs = await parseAndIngest(file);
    console.log(
      `JSON.parse alone (same line splitting + parse): ${parseMs.toFixed(0)} ms CPU = ${rate(LINES, parseMs)}`,
    );
    console.log(
      `parse + validate + engine in-process: ${fullMs.toFixed(0)} ms = ${rate(LINES, fullMs)}; ratio to JSON.parse alone ${(fullMs / parseMs).toFixed(2)}×; CLI (CPU) ratio ${(cpuNet / parseMs).toFixed(2)}×`,
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
