import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { BenchRow } from './bench-result';
import { log } from './bench-support';
import { dropBenchDatabases } from './data';

/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or those named), each exporting
 * `run(): Promise<BenchRow[]>`, and writes bench/results.md and bench/results.json. Rows of
 * modules not run this time are kept from the previous results, so one module can be re-measured
 * alone. Run it on an otherwise idle machine: the figures are only as quiet as the machine.
 */

interface Results {
  machine: Machine;
  modules: Record<string, { measuredAt: string; rows: BenchRow[] }>;
}

interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  postgres: string;
  os: string;
  /** 1, 5 and 15-minute load averages when the results were written: the machine is shared. */
  loadAverage?: number[];
}

const DIR = __dirname;

async function postgresVersion(): Promise<string> {
  const client = new Client({
    connectionString: process.env.DAFU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

async function machine(): Promise<Machine> {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: await postgresVersion(),
    os: osName(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function markdown(results: Results): string {
  const m = results.machine;
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand.',
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores`,
    `- RAM: ${m.ramGb} GB`,
    `- Node ${m.node}, PostgreSQL ${m.postgres}, ${m.os}`,
    ...(m.loadAverage
      ? [
          `- Load average at the start of the run: ${m.loadAverage.join(' / ')} (1 / 5 / 15 min). The machine is shared with other`,
          '  engineers running heavy jobs at the same time: every figure is as noisy as that; each row notes the',
          '  1-minute load when it was measured where the module records it.',
        ]
      : []),
    '',
  ];
  for (const [module, { measuredAt, rows }] of Object.entries(results.modules)) {
    lines.push(`## ${module} (${measuredAt})`, '');
    const throughput = rows.some((r) => r.rps !== undefined);
    const ceiling = rows.some((r) => r.ceilingRps !== undefined);
    lines.push(
      `| group | operation | size | samples |${throughput ? ' per s |' : ''}${ceiling ? ' ceiling per s | API/ceiling |' : ''} p50 ms | p99 ms | note |`,
      `|---|---|---:|---:|${throughput ? '---:|' : ''}${ceiling ? '---:|---:|' : ''}---:|---:|---|`,
    );
    for (const r of rows) {
      const cells = [r.group, r.name, r.size.toLocaleString('en-US'), String(r.samples)];
      if (throughput) cells.push(r.rps === undefined ? '' : String(r.rps));
      if (ceiling)
        cells.push(
          r.ceilingRps === undefined ? '' : String(r.ceilingRps),
          r.ratio === undefined ? '' : String(r.ratio),
        );
      cells.push(String(r.p50Ms), String(r.p99Ms), r.note ?? '');
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  // --merge: a partial re-run (some sizes, BENCH_ENDPOINTS) replaces only the rows it measured.
  const merge = process.argv.includes('--merge');
  const modules = readdirSync(DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .filter((name) => wanted.length === 0 || wanted.includes(name))
    .sort();
  if (modules.length === 0) throw new Error(`No bench module matches ${wanted.join(', ')}`);
  const jsonPath = join(DIR, 'results.json');
  const previous: Results | null = existsSync(jsonPath)
    ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as Results)
    : null;
  const results: Results = { machine: await machine(), modules: { ...(previous?.modules ?? {}) } };
  for (const name of modules) {
    log(`bench ${name}`);
    const loaded = (await import(join(DIR, `${name}.bench.ts`))) as { run?: () => Promise<BenchRow[]> };
    if (typeof loaded.run !== 'function') throw new Error(`bench/${name}.bench.ts exports no run()`);
    const rows = await loaded.run();
    const before = results.modules[name];
    results.modules[name] =
      merge && before
        ? {
            measuredAt: `${before.measuredAt}, rows re-measured ${new Date().toISOString()}`,
            rows: merged(before.rows, rows),
          }
        : { measuredAt: new Date().toISOString(), rows };
    // Written after each module, so a later module's failure loses nothing measured.
    writeResults(results, jsonPath);
  }
  await dropBenchDatabases();
  log(`wrote bench/results.md and bench/results.json`);
}

const rowKey = (r: BenchRow) => `${r.group}\u0000${r.name}\u0000${r.size}`;

/** The previous rows with those measured again replaced where they stood; new ones at the end. */
function merged(previous: BenchRow[], fresh: BenchRow[]): BenchRow[] {
  const byKey = new Map(fresh.map((r) => [rowKey(r), r]));
  const kept = previous.map((r) => byKey.get(rowKey(r)) ?? r);
  const keys = new Set(previous.map(rowKey));
  return [...kept, ...fresh.filter((r) => !keys.has(rowKey(r)))];
}

function writeResults(results: Results, jsonPath: string): void {
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(DIR, 'results.md'), markdown(results));
  try {
    execFileSync('npx', ['prettier', '--write', jsonPath, join(DIR, 'results.md')], { stdio: 'ignore' });
  } catch {
    // Formatting is a nicety; the figures are written either way.
  }
}

main().catch(async (error: unknown) => {
  await dropBenchDatabases().catch(() => undefined);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
