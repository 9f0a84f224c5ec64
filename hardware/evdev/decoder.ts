/**
 * Decodes a byte stream of Linux `struct input_event` records:
 *
 *   64-bit kernels/userspace: timeval (tv_sec s64, tv_usec s64) + type u16 + code u16 + value s32 = 24 bytes
 *   32-bit ARM (armhf Raspberry Pi OS):  timeval (u32, u32)      + type u16 + code u16 + value s32 = 16 bytes
 *
 * All fields little-endian (every Pi is). Reads may end in the middle of a record: the tail is
 * kept (in a buffer allocated once) and completed by the next chunk, so any split works.
 */

export type RecordSize = 16 | 24;

/** One decoded record. The decoder reuses this object: copy what you keep after the callback. */
export interface InputEventRecord {
  /** EV_KEY, EV_ABS, EV_SYN… */
  type: number;
  code: number;
  /** EV_KEY: 0 up, 1 down, 2 auto-repeat. EV_ABS: the axis position. */
  value: number;
  /** Kernel timestamp in seconds (with microseconds as the fraction). */
  time: number;
}

/** The record size of this process's architecture: 16 on 32-bit (arm, ia32), else 24. */
export function nativeRecordSize(arch: string = process.arch): RecordSize {
  return arch === 'arm' || arch === 'ia32' ? 16 : 24;
}

export class EvdevDecoder {
  private readonly carry: Uint8Array;
  private readonly carryView: DataView;
  private carried = 0;
  private readonly record: InputEventRecord = { type: 0, code: 0, value: 0, time: 0 };

  constructor(
    readonly recordSize: RecordSize,
    private readonly onRecord: (record: InputEventRecord) => void,
  ) {
    this.carry = new Uint8Array(recordSize);
    this.carryView = new DataView(this.carry.buffer);
  }

  /** Bytes of an incomplete record waiting for the next chunk (0..recordSize-1). */
  get pending(): number {
    return this.carried;
  }

  /** Decodes `chunk` (any length); calls onRecord once per complete record, in order. */
  feed(chunk: Uint8Array): void {
    const size = this.recordSize;
    let offset = 0;
    if (this.carried > 0) {
      const take = Math.min(size - this.carried, chunk.length);
      this.carry.set(chunk.subarray(0, take), this.carried);
      this.carried += take;
      offset = take;
      if (this.carried < size) return;
      this.carried = 0;
      this.decode(this.carryView, 0);
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (offset + size <= chunk.length) {
      this.decode(view, offset);
      offset += size;
    }
    if (offset < chunk.length) {
      this.carry.set(chunk.subarray(offset));
      this.carried = chunk.length - offset;
    }
  }

  /** Drops a partial record (after a device reopened). */
  reset(): void {
    this.carried = 0;
  }

  private decode(view: DataView, at: number): void {
    const r = this.record;
    if (this.recordSize === 24) {
      const sec = view.getUint32(at, true) + view.getInt32(at + 4, true) * 2 ** 32;
      r.time = sec + view.getUint32(at + 8, true) / 1e6;
      at += 16;
    } else {
      r.time = view.getUint32(at, true) + view.getUint32(at + 4, true) / 1e6;
      at += 8;
    }
    r.type = view.getUint16(at, true);
    r.code = view.getUint16(at + 2, true);
    r.value = view.getInt32(at + 4, true);
    this.onRecord(r);
  }
}

/** Encodes records (tests, the bench and fake devices write real-format bytes with this). */
export function encodeRecords(
  records: readonly { type: number; code: number; value: number; time?: number }[],
  size: RecordSize,
): Uint8Array {
  const out = new Uint8Array(records.length * size);
  const view = new DataView(out.buffer);
  records.forEach((r, i) => {
    let at = i * size;
    const time = r.time ?? 0;
    const sec = Math.floor(time);
    const usec = Math.round((time - sec) * 1e6);
    if (size === 24) {
      view.setUint32(at, sec >>> 0, true);
      view.setInt32(at + 4, Math.floor(sec / 2 ** 32), true);
      view.setUint32(at + 8, usec, true);
      at += 16;
    } else {
      view.setUint32(at, sec >>> 0, true);
      view.setUint32(at + 4, usec, true);
      at += 8;
    }
    view.setUint16(at, r.type, true);
    view.setUint16(at + 2, r.code, true);
    view.setInt32(at + 4, r.value, true);
  });
  return out;
}
