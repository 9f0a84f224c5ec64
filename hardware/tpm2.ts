import { type ColorOrder, channelOffsets, copyOrdered } from './color-order.ts';

/** TPM2 frame: C9 DA, payload size (bytes, big-endian), payload, 36. */
export const TPM2_START = 0xc9;
export const TPM2_DATA_FRAME = 0xda;
export const TPM2_END = 0x36;
/** Bytes a TPM2 frame adds around the RGB payload. */
export const TPM2_OVERHEAD = 5;

/**
 * Encodes strip-order RGB frames as TPM2 data frames into one buffer it owns (allocated once;
 * every encode() overwrites and returns it). Used by the serial output and the recorder.
 */
export class Tpm2Encoder {
  readonly ledCount: number;
  /** The encoded frame: 3 × ledCount + 5 bytes. */
  readonly bytes: Buffer;
  private readonly offsets: readonly [number, number, number];

  constructor(ledCount: number, order: ColorOrder = 'rgb') {
    const size = ledCount * 3;
    if (!Number.isInteger(ledCount) || ledCount < 1 || size > 0xffff) {
      throw new RangeError(`TPM2 carries 1..21845 LEDs per frame (65535 bytes), got ${ledCount}`);
    }
    this.ledCount = ledCount;
    this.offsets = channelOffsets(order);
    this.bytes = Buffer.alloc(size + TPM2_OVERHEAD);
  }

  /** Bytes of one encoded frame. */
  get frameBytes(): number {
    return this.bytes.length;
  }

  /**
   * Encodes `frame` (3 × ledCount bytes, RGB, strip order) into `out` (default: this.bytes; else
   * a buffer of frameBytes bytes the caller owns); returns `out`.
   */
  encode(frame: Readonly<Uint8Array>, out: Buffer = this.bytes): Buffer {
    const size = this.ledCount * 3;
    if (frame.length !== size) {
      throw new RangeError(`TPM2: expected ${size} bytes (${this.ledCount} LEDs), got ${frame.length}`);
    }
    if (out.length !== size + TPM2_OVERHEAD) {
      throw new RangeError(`TPM2: output buffer must be ${size + TPM2_OVERHEAD} bytes, got ${out.length}`);
    }
    out[0] = TPM2_START;
    out[1] = TPM2_DATA_FRAME;
    out[2] = size >> 8;
    out[3] = size & 0xff;
    copyOrdered(frame, 0, out, 4, this.ledCount, this.offsets);
    out[size + 4] = TPM2_END;
    return out;
  }
}
