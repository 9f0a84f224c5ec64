import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { parseWav, type WavFormat, wavHeader } from '../audio/wav.ts';

/**
 * Reads a WAV file's header (its first 4 KB). Only what the capture path takes is accepted,
 * 16-bit PCM mono, and anything else is an error naming the file and how to convert it (sox).
 */
export function readWavInfo(file: string): WavFormat {
  const head = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const fail = (what: string) =>
    new Error(`${file}: ${what}; convert it with: sox ${file} -r 22050 -c 1 -b 16 out.wav`);
  const wav = parseWav(head.subarray(0, length));
  if (typeof wav === 'string')
    throw fail(wav === 'without a data chunk' ? 'no data chunk in its first 4 KB' : wav);
  if (wav.format !== 1 || wav.bits !== 16 || wav.channels !== 1) {
    throw fail(
      `${wav.channels} channel(s) of ${wav.bits}-bit audio (format ${wav.format}), not 16-bit PCM mono`,
    );
  }
  return wav;
}

/** Writes mono samples (-1..1) as a 16-bit PCM WAV file (tests, generated signals). */
export function writeWav(file: string, samples: ArrayLike<number>, sampleRate: number): void {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32767))), i * 2);
  }
  writeFileSync(file, Buffer.concat([wavHeader(data.length, sampleRate), data]));
}
