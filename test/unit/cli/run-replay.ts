import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

/** The replay exactly as the contract runs it: `npm run --silent replay -- ARGS`. */
export function runReplay(args: string[], input?: string) {
  const r = spawnSync('npm', ['run', '--silent', 'replay', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: 60_000,
    maxBuffer: 256 << 20,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, error: r.error };
}
