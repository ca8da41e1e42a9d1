/**
 * Loaded with `node --import` into the replay CLI by `npm run bench`: when the process exits, its
 * own CPU time and peak RSS (getrusage, exact, start-up included) go to the file named by
 * NAZAR_BENCH_USAGE. The replay itself is not touched.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.NAZAR_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }));
  });
}
