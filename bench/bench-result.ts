export interface BenchRow {
  group: string;
  name: string;
  size: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  note?: string;
}
