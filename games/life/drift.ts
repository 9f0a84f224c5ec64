/**
 * Catches what exact cycle detection cannot on a small torus: spaceships (a glider needs 240
 * generations to come back on 20×15) flying over still lifes and oscillators. When the
 * population has repeated with the same period p ≤ maxPeriod for `patience` generations in a
 * row, the world is called settled. A chaotic soup never keeps its population periodic that long.
 */
export class DriftDetector {
  readonly maxPeriod: number;
  readonly patience: number;
  private readonly pops: Int32Array;
  private readonly runs: Int32Array;
  private count = 0;

  constructor(maxPeriod = 30, patience = 240) {
    this.maxPeriod = maxPeriod;
    this.patience = patience;
    this.pops = new Int32Array(maxPeriod + 1);
    this.runs = new Int32Array(maxPeriod + 1);
  }

  reset(): void {
    this.count = 0;
    this.runs.fill(0);
  }

  /** Records one generation's population; returns the settled period, or 0. */
  push(population: number): number {
    const size = this.pops.length;
    let found = 0;
    for (let p = 1; p <= this.maxPeriod; p++) {
      if (p > this.count) break;
      const then = this.pops[(this.count - p) % size];
      const run = then === population ? (this.runs[p] ?? 0) + 1 : 0;
      this.runs[p] = run;
      if (found === 0 && run >= this.patience) found = p;
    }
    this.pops[this.count % size] = population;
    this.count++;
    return found;
  }
}
