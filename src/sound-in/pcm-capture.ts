import type { Readable } from 'node:stream';
import type { AudioInput } from './audio-input.ts';

export interface PcmCaptureOptions {
  /** Samples per second of the incoming sound. */
  readonly sampleRate: number;
  /** Loop rate in ticks per second: each next() moves on by sampleRate / rate samples. */
  readonly rate: number;
  /**
   * Most seconds of sound kept waiting ahead of the tick cursor; beyond that the oldest is
   * skipped, so a live capture never lags. Infinity keeps everything (a file read at once is
   * then played tick by tick, deterministically). Default 0.15.
   */
  readonly maxLatency?: number;
  /** Called once by close() (e.g. to stop the arecord process). */
  readonly onClose?: () => void;
}

/**
 * Turns raw PCM (signed 16-bit little-endian, mono) arriving in chunks of any size into one
 * tick of sound per next(): the production path feeds it arecord's stdout, tests a WAV file's
 * data through the same write(). Samples live in one growing buffer (doubling, so amortised
 * allocation only while sound arrives faster than it is used); next() allocates nothing.
 */
export class PcmCapture implements AudioInput {
  readonly sampleRate: number;
  problem = '';
  private samples = new Float32Array(1 << 14);
  /** Samples written so far (absolute count) and the oldest one still kept. */
  private written = 0;
  private base = 0;
  /** The tick cursor, in samples (fractional). */
  private cursor = 0;
  private readonly step: number;
  private readonly maxLag: number;
  private odd = -1; // a byte left over from a chunk that ended mid-sample
  private closed = false;
  private readonly onClose: (() => void) | undefined;

  constructor(options: PcmCaptureOptions) {
    this.sampleRate = options.sampleRate;
    this.step = options.sampleRate / options.rate;
    this.maxLag = (options.maxLatency ?? 0.15) * options.sampleRate;
    this.onClose = options.onClose;
  }

  /** Appends raw S16LE mono bytes. */
  write(chunk: Uint8Array): void {
    if (this.closed) return;
    let i = 0;
    if (this.odd >= 0 && chunk.length > 0) {
      this.push(((this.odd | (chunk[0]! << 8)) << 16) >> 16);
      this.odd = -1;
      i = 1;
    }
    for (; i + 1 < chunk.length; i += 2) this.push(((chunk[i]! | (chunk[i + 1]! << 8)) << 16) >> 16);
    if (i < chunk.length) this.odd = chunk[i]!;
  }

  /** Feeds the capture from a stream of raw PCM; resolves when it ends, records its errors. */
  attach(stream: Readable): Promise<void> {
    return new Promise((resolve) => {
      stream.on('data', (chunk: Buffer) => this.write(chunk));
      stream.on('error', (error: Error) => {
        this.problem ||= error.message;
        resolve();
      });
      stream.on('end', () => resolve());
    });
  }

  next(into: Float32Array): boolean {
    this.cursor = Math.min(this.cursor + this.step, this.written);
    if (this.written - this.cursor > this.maxLag) this.cursor = this.written - this.maxLag;
    const end = Math.floor(this.cursor);
    const n = into.length;
    for (let k = 0; k < n; k++) {
      const at = end - n + k;
      into[k] = at >= this.base ? this.samples[at - this.base]! : 0;
    }
    return this.written > 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose?.();
  }

  private push(sample: number): void {
    if (this.written - this.base >= this.samples.length) this.compact();
    this.samples[this.written - this.base] = sample / 32768;
    this.written++;
  }

  /** Makes room: drops samples more than a second behind the cursor, or doubles the buffer. */
  private compact(): void {
    const keepFrom = Math.max(this.base, Math.floor(this.cursor) - this.sampleRate);
    const kept = this.written - keepFrom;
    const target = kept * 2 > this.samples.length ? new Float32Array(this.samples.length * 2) : this.samples;
    target.set(this.samples.subarray(keepFrom - this.base, this.written - this.base)); // overlap-safe
    this.samples = target;
    this.base = keepFrom;
  }
}
