import type { Random } from '../../src/index.ts';
import { PIECE_COUNT } from './pieces.ts';

/**
 * The Guideline's 7-bag randomizer: every consecutive group of seven pieces (from the first) is
 * one of each type in a random order. Keeps two bags in a ring so `peek` can look up to 7 pieces
 * ahead. Allocates only in the constructor.
 */
export class SevenBag {
  private readonly queue = new Uint8Array(PIECE_COUNT * 2);
  private readonly scratch: number[] = [0, 1, 2, 3, 4, 5, 6];
  private head = 0;
  private size = 0;

  constructor(private readonly random: Random) {
    this.refill();
    this.refill();
  }

  /** The piece `ahead` places after the next one (0 = the next piece); ahead is 0..6. */
  peek(ahead: number): number {
    return this.queue[(this.head + ahead) % this.queue.length]!;
  }

  /** Takes the next piece type (0..6). */
  next(): number {
    const type = this.queue[this.head]!;
    this.head = (this.head + 1) % this.queue.length;
    this.size--;
    if (this.size <= PIECE_COUNT) this.refill();
    return type;
  }

  private refill(): void {
    const bag = this.scratch;
    for (let i = 0; i < PIECE_COUNT; i++) bag[i] = i;
    this.random.shuffle(bag);
    for (let i = 0; i < PIECE_COUNT; i++) {
      this.queue[(this.head + this.size) % this.queue.length] = bag[i]!;
      this.size++;
    }
  }
}
