/**
 * One measured figure of `npm run bench`. Every `bench/*.bench.ts` module exports
 * `run(): Promise<BenchRow[]>`; bench/run.ts collects the rows into results.md and results.json.
 */
export interface BenchRow {
  /** What is measured, e.g. `supervision`, `search`. */
  group: string;
  /** The operation, e.g. `statistics (all sessions)`. */
  name: string;
  /** The data size it ran on, e.g. 100000 proposals. */
  size: number;
  /** Timed runs (after warm-up). */
  samples: number;
  p50Ms: number;
  p99Ms: number;
  note?: string;
  /** Requests per second, for throughput figures (HTTP, worker). */
  rps?: number;
  /** The bare node + pg server's requests per second for the same SQL (HTTP rows). */
  ceilingRps?: number;
  /** rps / ceilingRps. */
  ratio?: number;
}
