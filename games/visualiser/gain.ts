/**
 * Automatic gain: follows the loudest recent level (in dB) and maps levels into 0..1 over a
 * fixed window below it, so a quiet room and a loud party both fill the display. The reference
 * jumps up at once and sinks slowly (`fall` dB per second); it never sinks below `floor`, so
 * silence stays dark instead of amplifying hiss.
 */
export class AutoGain {
  /** The loudest recent level, dB. */
  reference: number;

  constructor(
    private readonly rate: number,
    private readonly range = 36,
    private readonly fall = 6,
    private readonly floor = -60,
  ) {
    this.reference = floor;
  }

  /** Feeds this tick's loudest level. */
  follow(loudest: number): void {
    const sunk = this.reference - this.fall / this.rate;
    this.reference = Math.max(this.floor, loudest, sunk);
  }

  /** A level in dB as 0..1 of the display. */
  scale(db: number): number {
    const v = (db - (this.reference - this.range)) / this.range;
    return Math.min(1, Math.max(0, v));
  }
}
