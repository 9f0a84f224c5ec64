import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_CAPTURE_SCALE, type FrameImageOptions, frameToImage } from './frame-image.ts';
import { loadSharp } from './load-sharp.ts';

/** Browsers show GIF frames shorter than 20 ms for 100 ms; shorter frames are merged away. */
const MIN_FRAME_MS = 20;

export interface GifRecorderOptions extends FrameImageOptions {
  /** Frames are added at this rate (ticks per second). */
  readonly rate: number;
  /** The scale is lowered until frames × width × height fits this many pixels (default 32 M). */
  readonly maxPixels?: number;
}

export interface GifWritten {
  /** Frames in the file (what a reader reports as pages). */
  readonly frames: number;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
}

interface Held {
  readonly pixels: Uint8Array;
  ticks: number;
}

/**
 * Records a run as an animated GIF that plays at the loop's speed: add() every frame, one per
 * tick; identical consecutive frames become one longer frame. Frames are kept small (the table's
 * size, 3 bytes per LED) and scaled up only in write().
 */
export class GifRecorder {
  private readonly held: Held[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    readonly options: GifRecorderOptions,
  ) {}

  /** Ticks recorded so far. */
  ticks = 0;

  /** Adds the frame shown for one tick; copies `pixels` (width · height · 3 bytes). */
  add(pixels: Uint8Array): void {
    this.ticks++;
    const last = this.held[this.held.length - 1];
    if (last && sameBytes(last.pixels, pixels)) {
      last.ticks++;
      return;
    }
    this.held.push({ pixels: pixels.slice(0, this.width * this.height * 3), ticks: 1 });
  }

  /**
   * The frames and delays the file will hold: frames start at their tick's time; a frame that
   * would last under 20 ms is dropped in favour of the next; delays are whole 10 ms steps,
   * rounded on the running total so the length of the run stays right.
   */
  plan(): { frames: Uint8Array[]; delays: number[] } {
    const msPerTick = 1000 / this.options.rate;
    const kept: { pixels: Uint8Array; start: number }[] = [];
    let start = 0;
    for (const h of this.held) {
      const previous = kept[kept.length - 1];
      if (previous && start - previous.start < MIN_FRAME_MS) {
        // The previous frame would be too short: this frame replaces it at its start time.
        kept[kept.length - 1] = { pixels: h.pixels, start: previous.start };
        const before = kept[kept.length - 2];
        if (before && sameBytes(before.pixels, h.pixels)) kept.pop();
      } else if (!previous || !sameBytes(previous.pixels, h.pixels)) {
        kept.push({ pixels: h.pixels, start });
      }
      start += h.ticks * msPerTick;
    }
    const end = start;
    const frames: Uint8Array[] = [];
    const delays: number[] = [];
    let previousEnd = 0;
    kept.forEach((k, i) => {
      const until = i + 1 < kept.length ? (kept[i + 1]?.start ?? end) : end;
      const roundedEnd = Math.max(previousEnd + MIN_FRAME_MS, Math.round(until / 10) * 10);
      frames.push(k.pixels);
      delays.push(roundedEnd - previousEnd);
      previousEnd = roundedEnd;
    });
    return { frames, delays };
  }

  /** Writes the animated GIF (loops forever); creates the folder if needed. */
  async write(file: string): Promise<GifWritten> {
    const { frames, delays } = this.plan();
    if (frames.length === 0) throw new Error('no frames recorded: run at least one tick (--ticks N)');
    const maxPixels = this.options.maxPixels ?? 32_000_000;
    let scale = this.options.scale ?? DEFAULT_CAPTURE_SCALE;
    while (scale > 1 && frames.length * this.width * this.height * scale * scale > maxPixels) scale--;
    const iw = this.width * scale;
    const ih = this.height * scale;
    const pageBytes = iw * ih * 3;
    const raw = Buffer.alloc(pageBytes * frames.length);
    frames.forEach((pixels, i) => {
      frameToImage(pixels, this.width, this.height, { ...this.options, scale }, raw.subarray(i * pageBytes));
    });
    await mkdir(dirname(file), { recursive: true });
    const sharp = await loadSharp();
    await sharp(raw, { raw: { width: iw, height: ih * frames.length, channels: 3, pageHeight: ih } })
      .gif({ delay: delays, loop: 0, dither: 0, keepDuplicateFrames: true })
      .toFile(file);
    return { frames: frames.length, width: iw, height: ih, scale };
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length > b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
