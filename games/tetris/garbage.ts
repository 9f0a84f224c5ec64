/** Versus garbage: what a clear sends, and the queue of rows waiting to land in a player's well. */

/** Garbage rows sent for clearing 0..4 lines at once (Guideline versus: a single sends none). */
export const GARBAGE_FOR_LINES: readonly number[] = [0, 0, 1, 2, 4];

/** Garbage rows sent for clearing `lines` (0..4) at once. */
export function garbageFor(lines: number): number {
  return GARBAGE_FOR_LINES[lines] ?? 0;
}

/** Batches the queue keeps apart; more are merged into the newest (its hole wins). */
export const GARBAGE_BATCHES = 32;

/**
 * The garbage waiting for one player, oldest batch first. A batch is what one clear sent: its
 * rows all share one hole column. Clears cancel the oldest rows first; when a piece locks
 * without a clear the whole queue lands. A ring of fixed size: allocates only in the constructor.
 */
export class GarbageQueue {
  private readonly batchRows = new Uint8Array(GARBAGE_BATCHES);
  private readonly batchHole = new Uint8Array(GARBAGE_BATCHES);
  private head = 0;
  private count = 0;
  /** Rows waiting in all batches. */
  rows = 0;

  /** Number of batches waiting. */
  get batches(): number {
    return this.count;
  }

  /** Adds `rows` (≥ 1) rows with their hole at column `hole` (0..well width − 1). */
  push(rows: number, hole: number): void {
    if (rows <= 0) return;
    this.rows += rows;
    if (this.count === GARBAGE_BATCHES) {
      const last = (this.head + this.count - 1) % GARBAGE_BATCHES;
      this.batchRows[last] = Math.min(255, this.batchRows[last]! + rows);
      this.batchHole[last] = hole;
      return;
    }
    const at = (this.head + this.count) % GARBAGE_BATCHES;
    this.batchRows[at] = Math.min(255, rows);
    this.batchHole[at] = hole;
    this.count++;
  }

  /** Cancels up to `attack` rows, oldest first; returns what is left of the attack to send on. */
  cancel(attack: number): number {
    while (attack > 0 && this.count > 0) {
      const take = Math.min(attack, this.batchRows[this.head]!);
      attack -= take;
      this.rows -= take;
      this.batchRows[this.head] = this.batchRows[this.head]! - take;
      if (this.batchRows[this.head] === 0) this.drop();
    }
    return attack;
  }

  /** Rows in the oldest batch (0 when empty). */
  peekRows(): number {
    return this.count > 0 ? this.batchRows[this.head]! : 0;
  }

  /** Hole column of the oldest batch (0 when empty). */
  peekHole(): number {
    return this.count > 0 ? this.batchHole[this.head]! : 0;
  }

  /** Removes the oldest batch. */
  drop(): void {
    if (this.count === 0) return;
    this.rows -= this.batchRows[this.head]!;
    this.batchRows[this.head] = 0;
    this.head = (this.head + 1) % GARBAGE_BATCHES;
    this.count--;
  }

  clear(): void {
    while (this.count > 0) this.drop();
  }
}
