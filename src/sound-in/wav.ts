import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';

/** Where the PCM data of a WAV file is and what it is. */
export interface WavInfo {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  /** Byte offset and length of the samples (the "data" chunk). */
  readonly dataOffset: number;
  readonly dataLength: number;
}

/**
 * Reads a WAV file's header. Only what the capture path takes is accepted, 16-bit PCM mono,
 * and anything else is an error naming the file and how to convert it (sox).
 */
export function readWavInfo(file: string): WavInfo {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const length = readSync(fd, head, 0, head.length, 0);
    const fail = (what: string) =>
      new Error(`${file}: ${what}; convert it with: sox ${file} -r 22050 -c 1 -b 16 out.wav`);
    if (length < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') {
      throw fail('not a WAV file');
    }
    let at = 12;
    let format: { channels: number; sampleRate: number; bits: number; tag: number } | undefined;
    while (at + 8 <= length) {
      const id = head.toString('ascii', at, at + 4);
      const size = head.readUInt32LE(at + 4);
      if (id === 'fmt ') {
        format = {
          tag: head.readUInt16LE(at + 8),
          channels: head.readUInt16LE(at + 10),
          sampleRate: head.readUInt32LE(at + 12),
          bits: head.readUInt16LE(at + 22),
        };
      } else if (id === 'data') {
        if (!format) throw fail('the data comes before the format');
        if ((format.tag !== 1 && format.tag !== 0xfffe) || format.bits !== 16 || format.channels !== 1) {
          throw fail(
            `${format.channels} channel(s) of ${format.bits}-bit audio (format ${format.tag}), not 16-bit PCM mono`,
          );
        }
        return {
          sampleRate: format.sampleRate,
          channels: format.channels,
          bitsPerSample: format.bits,
          dataOffset: at + 8,
          dataLength: size,
        };
      }
      at += 8 + size + (size % 2);
    }
    throw fail('no data chunk in its first 4 KB');
  } finally {
    closeSync(fd);
  }
}

/** Writes mono samples (-1..1) as a 16-bit PCM WAV file (tests, generated signals). */
export function writeWav(file: string, samples: ArrayLike<number>, sampleRate: number): void {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32767))), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  writeFileSync(file, Buffer.concat([header, data]));
}
