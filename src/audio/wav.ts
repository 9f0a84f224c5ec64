import { closeSync, openSync, writeSync } from 'node:fs';

/** The 44-byte header of a 16-bit PCM WAV file with `dataBytes` bytes of samples. */
export function wavHeader(dataBytes: number, rate: number, channels = 1): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * Writes mono 16-bit PCM to a WAV file as it arrives: a header with sizes 0 first, the samples
 * appended synchronously (so a crash loses nothing already written), the sizes patched at close.
 */
export class WavWriter {
  private fd: number | undefined;
  bytes = 0;

  constructor(
    readonly file: string,
    readonly rate: number,
  ) {
    this.fd = openSync(file, 'w');
    writeSync(this.fd, wavHeader(0, rate));
  }

  /** Appends samples (host order is little-endian on every machine we run on). */
  write(samples: Int16Array): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, samples, 0, samples.byteLength);
    this.bytes += samples.byteLength;
  }

  /** Patches the header's sizes and closes; later writes are ignored. */
  close(): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, wavHeader(this.bytes, this.rate), 0, 44, 0);
    closeSync(this.fd);
    this.fd = undefined;
  }
}

/** What a WAV file's fmt and data chunks say: the format tag (extensible resolved), and where the samples are. */
export interface WavFormat {
  /** 1 integer PCM, 3 float. */
  readonly format: number;
  readonly channels: number;
  readonly rate: number;
  readonly bits: number;
  /** Byte offset and length of the samples (the data chunk; the length as its header says). */
  readonly dataOffset: number;
  readonly dataLength: number;
}

/**
 * Walks the chunks of a WAV file (or its first bytes) and returns its format and where its data
 * is; a description of what is wrong (for "NAME is …; convert it …") when it is not a WAV file or
 * has no fmt chunk before its data chunk.
 */
export function parseWav(bytes: Uint8Array): WavFormat | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WAVE') return 'not a WAV file';
  let fmt: Omit<WavFormat, 'dataOffset' | 'dataLength'> | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      let format = view.getUint16(body, true);
      if (format === 0xfffe && size >= 26 && body + 26 <= bytes.length)
        format = view.getUint16(body + 24, true); // extensible
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      return fmt && fmt.channels > 0
        ? { ...fmt, dataOffset: body, dataLength: size }
        : 'without a fmt chunk before its data';
    }
    at = body + size + (size & 1);
  }
  return 'without a data chunk';
}

/**
 * Decodes a PCM WAV file (8, 16, 24 or 32-bit integer, or 32-bit float; any channel count; any
 * rate) into mono -1..1 samples at `rate` (channels averaged, linear resampling). Throws with
 * what is wrong and how to fix it (`sox in.wav -b 16 -c 1 out.wav`).
 */
export function decodeWav(bytes: Uint8Array, rate: number, name = 'the WAV file'): Float32Array {
  const fix = 'convert it with: sox IN.wav -b 16 -c 1 OUT.wav';
  const wav = parseWav(bytes);
  if (typeof wav === 'string') throw new Error(`${name} is ${wav}; ${fix}`);
  const { format, channels, bits } = wav;
  const sourceRate = wav.rate;
  const data = bytes.subarray(wav.dataOffset, Math.min(bytes.length, wav.dataOffset + wav.dataLength));
  const float = format === 3 && bits === 32;
  if (!(format === 1 && [8, 16, 24, 32].includes(bits)) && !float) {
    throw new Error(`${name} is format ${format} with ${bits} bits, not integer PCM or 32-bit float; ${fix}`);
  }
  const width = bits / 8;
  const frames = Math.floor(data.length / (width * channels));
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const read = (at: number): number => {
    if (float) return dv.getFloat32(at, true);
    if (bits === 8) return (dv.getUint8(at) - 128) / 128;
    if (bits === 16) return dv.getInt16(at, true) / 32768;
    if (bits === 24)
      return (dv.getUint8(at) | (dv.getUint8(at + 1) << 8) | (dv.getInt8(at + 2) << 16)) / 8388608;
    return dv.getInt32(at, true) / 2147483648;
  };
  const mono = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read((f * channels + c) * width);
    mono[f] = sum / channels;
  }
  if (sourceRate === rate) return mono;
  const out = new Float32Array(Math.floor((frames * rate) / sourceRate));
  const ratio = sourceRate / rate;
  for (let i = 0; i < out.length; i++) {
    const x = i * ratio;
    const k = Math.floor(x);
    const a = mono[k] ?? 0;
    const b = mono[k + 1] ?? a;
    out[i] = a + (b - a) * (x - k);
  }
  return out;
}
