import type { TableSetup } from '../table-setup.ts';

/** One figure in `ledtable bench`: a name, a value, its unit and an optional note (the aim). */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

/**
 * A group of related measurements. `run` may take a while (the loop section runs for 10 s) and
 * reports each figure as soon as it has it, so long benchmarks show progress.
 */
export interface BenchSection {
  readonly title: string;
  run(table: TableSetup, report: (figure: BenchFigure) => void): Promise<void>;
}

/** Median and 99th percentile of samples (sorted copy; the input is not changed). */
export function percentiles(samples: readonly number[]): { median: number; p99: number; max: number } {
  if (samples.length === 0) return { median: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}
