import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { authorizationMatrix } from './authorization-matrix.fault';
import { concurrentSignOffs } from './concurrent-sign-offs.fault';
import { type Fault, ROOT, Run, say } from './harness';
import { malformedRequestsFault } from './malformed-requests.fault';
import { postgresRestartedUnderLoad } from './postgres-restart.fault';
import { redisDownDuringSignOffs } from './redis-down.fault';
import { workerKilledMidReminders } from './reminders-kill.fault';
import { workerKilledMidRender } from './worker-killed.fault';

/**
 * The fault suite (`npm run test:faults`): each fault runs the built API and worker as real
 * processes, breaks something, and prints `fault: <name>: <figure>`. Exits 1 on any loss.
 * `npm run test:faults -- <name fragment>` runs the matching faults only.
 */
const FAULTS: Fault[] = [
  concurrentSignOffs,
  redisDownDuringSignOffs,
  workerKilledMidRender,
  workerKilledMidReminders,
  postgresRestartedUnderLoad,
  malformedRequestsFault,
  authorizationMatrix,
];

async function main(): Promise<number> {
  for (const app of ['api', 'worker']) {
    if (!existsSync(join(ROOT, `dist/apps/${app}/main.js`))) {
      say(`dist/apps/${app}/main.js is missing: run npm run build first`);
      return 1;
    }
  }
  const filter = process.argv.slice(2).join(' ').toLowerCase();
  const chosen = FAULTS.filter((f) => !filter || f.name.includes(filter));
  const run = new Run();
  const stopNow = (signal: NodeJS.Signals) => {
    run.killAllNow();
    void run.cleanup(true).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stopNow);
  process.once('SIGTERM', stopNow);
  process.once('exit', () => run.killAllNow());

  const started = performance.now();
  let failed = 0;
  try {
    await run.start();
    say(`fault suite run ${run.runId}; logs in ${run.logDir}`);
    for (const fault of chosen) {
      const faultStarted = performance.now();
      try {
        const result = await fault.run(run);
        process.stdout.write(`fault: ${result.name}: ${result.figure}\n`);
        for (const problem of result.problems) process.stdout.write(`  LOSS: ${problem}\n`);
        if (result.problems.length) failed += 1;
      } catch (error) {
        failed += 1;
        process.stdout.write(`fault: ${fault.name}: ERROR ${error instanceof Error ? error.message : String(error)}\n`);
      }
      say(`  (${fault.name} took ${((performance.now() - faultStarted) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await run.cleanup(failed > 0);
  }
  say(
    `${chosen.length - failed}/${chosen.length} faults held in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (failed ? `; logs kept in ${run.logDir}` : ''),
  );
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`fault suite failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
