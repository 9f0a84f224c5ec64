import type { LedDriver } from './driver.ts';

export interface MemoryDriverOptions {
  /** How many of the most recent frames to keep (≥ 1, default 1). */
  keep?: number;
  /** LEDs on the strip; if set, show() checks the frame length and close() knows the blank size. */
  ledCount?: number;
}

/**
 * Records frames in memory, for tests and headless runs. Keeps copies of the last `keep`
 * frames (copy buffers are reused once the ring is full, so steady state does not allocate)
 * and counts show() calls. show() before open() or after close() throws: that is an engine bug.
 */
export class MemoryDriver implements LedDriver {
  readonly name = 'memory';
  /** Every frame, changed or not: tests count ticks through it. */
  readonly keepAliveMs = 0;
  readonly keep: number;
  readonly ledCount: number | undefined;
  /** show() calls since construction (the blank frame sent by close() is not counted). */
  showCount = 0;
  isOpen = false;
  /** True once close() has sent an all-black frame. */
  closedBlank = false;
  /** The last status text given to setStatus, '' if none. */
  status = '';
  private readonly ring: Uint8Array[] = [];
  private next = 0; // ring slot the next frame goes into
  private stored = 0;

  constructor(options: MemoryDriverOptions = {}) {
    const keep = options.keep ?? 1;
    if (!Number.isInteger(keep) || keep < 1)
      throw new RangeError(`MemoryDriver keep must be an integer ≥ 1, got ${keep}`);
    this.keep = keep;
    this.ledCount = options.ledCount;
  }

  async open(): Promise<void> {
    this.isOpen = true;
    this.closedBlank = false;
  }

  show(frame: Readonly<Uint8Array>): void {
    if (!this.isOpen)
      throw new Error('MemoryDriver.show() called while the driver is not open: call open() first');
    if (this.ledCount !== undefined && frame.length !== this.ledCount * 3) {
      throw new RangeError(
        `MemoryDriver.show(): expected ${this.ledCount * 3} bytes (${this.ledCount} LEDs), got ${frame.length}`,
      );
    }
    this.record(frame);
    this.showCount++;
  }

  /** Sends one all-black frame (of the configured ledCount, else the last frame's length) and closes. */
  async close(): Promise<void> {
    if (!this.isOpen) return;
    const length = this.ledCount !== undefined ? this.ledCount * 3 : (this.lastFrame?.length ?? 0);
    this.record(new Uint8Array(length));
    this.closedBlank = true;
    this.isOpen = false;
  }

  setStatus(text: string): void {
    this.status = text;
  }

  /**
   * The most recent frame, or undefined before the first show. The buffer is owned by this
   * driver and reused once `keep` more frames arrive: `.slice()` it to keep it longer.
   */
  get lastFrame(): Uint8Array | undefined {
    if (this.stored === 0) return undefined;
    return this.ring[(this.next + this.keep - 1) % this.keep];
  }

  /** The kept frames, oldest first (at most `keep`; same ownership rule as lastFrame). */
  get frames(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let i = this.stored; i > 0; i--) out.push(this.ring[(this.next + this.keep - i) % this.keep]!);
    return out;
  }

  private record(frame: Readonly<Uint8Array>): void {
    let slot = this.ring[this.next];
    if (slot === undefined || slot.length !== frame.length) {
      slot = new Uint8Array(frame.length);
      this.ring[this.next] = slot;
    }
    slot.set(frame);
    this.next = (this.next + 1) % this.keep;
    if (this.stored < this.keep) this.stored++;
  }
}
