import { Random } from '../engine/random.ts';

/**
 * A few seconds of synthetic music for the visualiser's gallery GIF (and its replay): a bass
 * line, an arpeggio, a kick and hi-hat noise at 120 beats per minute, from a seeded generator,
 * so the same code always writes the same samples.
 */
export function galleryTune(seconds: number, sampleRate: number): Float32Array {
  const random = new Random(15);
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const beat = sampleRate / 2; // 120 bpm
  const bass = [55, 55, 73.4, 65.4];
  const arp = [440, 554.4, 659.3, 880, 659.3, 554.4];
  for (let i = 0; i < out.length; i++) {
    const b = Math.floor(i / beat);
    const inBeat = (i % beat) / sampleRate; // seconds since the beat
    const sixteenth = Math.floor(i / (beat / 4));
    const inSixteenth = (i % (beat / 4)) / sampleRate;
    const t = i / sampleRate;
    const kick = Math.sin(2 * Math.PI * (50 + 120 * Math.exp(-inBeat * 30)) * inBeat) * Math.exp(-inBeat * 8);
    const bassNote = bass[Math.floor(b / 2) % bass.length]!;
    const low = 0.35 * Math.sin(2 * Math.PI * bassNote * t) * (0.6 + 0.4 * Math.exp(-inBeat * 4));
    const note = arp[sixteenth % arp.length]! * (b % 8 < 4 ? 1 : 1.335);
    const lead = 0.18 * Math.sin(2 * Math.PI * note * t) * Math.exp(-inSixteenth * 10);
    const hat = sixteenth % 2 === 1 ? (random.float() * 2 - 1) * 0.15 * Math.exp(-inSixteenth * 60) : 0;
    out[i] = 0.5 * kick + low + lead + hat;
  }
  return out;
}
