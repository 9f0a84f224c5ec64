/**
 * Finds repeats: remembers the hash and a full copy of the last `history` states (buffers
 * allocated once) and reports the period when the newest state equals one of them. Hash matches
 * are confirmed by comparing the full states, so a hash collision never reports a false cycle.
 */
export class CycleDetector {
  readonly history: number;
  private readonly size: number;
  private readonly hashes: Uint32Array;
  private readonly states: Uint8Array;
  /** States recorded since the last reset (saturates at `history`). */
  private count = 0;
  /** Slot the next state goes into. */
  private head = 0;

  constructor(size: number, history = 64) {
    this.size = size;
    this.history = history;
    this.hashes = new Uint32Array(history);
    this.states = new Uint8Array(history * size);
  }

  reset(): void {
    this.count = 0;
    this.head = 0;
  }

  /**
   * Records `cells` (length `size`) with its hash and returns the period, 1..history, when it
   * equals the state that many pushes ago (the smallest such), else 0.
   */
  push(cells: Uint8Array, hash: number): number {
    let period = 0;
    for (let back = 1; back <= this.count && period === 0; back++) {
      const slot = (this.head - back + this.history) % this.history;
      if (this.hashes[slot] === hash && this.same(slot, cells)) period = back;
    }
    this.hashes[this.head] = hash;
    this.states.set(cells, this.head * this.size);
    this.head = (this.head + 1) % this.history;
    if (this.count < this.history) this.count++;
    return period;
  }

  private same(slot: number, cells: Uint8Array): boolean {
    const base = slot * this.size;
    for (let i = 0; i < this.size; i++) if (this.states[base + i] !== cells[i]) return false;
    return true;
  }
}
