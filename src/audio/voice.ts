import { type CompiledLine, type CompiledSound, MAX_CHORD } from './compile.ts';

/** Samples of the short fade when a voice is cut off (stop, stolen): about 3 ms at 22,050 Hz. */
export const CUT_FADE = 64;
const TWO_PI = 2 * Math.PI;

/**
 * One synth line or one sample playing: adds itself into a mix buffer. Voices are allocated
 * once by the mixer and reused; `start` and `render` never allocate.
 */
export class Voice {
  sound: CompiledSound | undefined;
  private line: CompiledLine | undefined;
  /** Samples since the start (wraps at the sound's length when it loops). */
  pos = 0;
  /** Index of the note sounding at `pos`. */
  private note = 0;
  private phase = 0;
  private vibPhase = 0;
  private lfsr = 1;
  private noise = 0;
  /** Gain set by the caller (effect volume), 0..1. */
  gain = 1;
  /** Remaining samples of a cut-off fade; -1 when not fading. */
  private cut = -1;
  /** Tick counter value when it started (the mixer steals the oldest voice). */
  startedAt = 0;

  get busy(): boolean {
    return this.sound !== undefined;
  }

  /** Starts `line` (index into a synth sound's lines; ignored for samples) from its beginning. */
  start(sound: CompiledSound, line: number, gain: number, startedAt: number): void {
    this.sound = sound;
    this.line = sound.kind === 'synth' ? sound.lines[line] : undefined;
    this.pos = 0;
    this.note = 0;
    this.phase = 0;
    this.vibPhase = 0;
    this.lfsr = 0x7ace + line; // a fixed seed: the same sound always makes the same noise
    this.noise = 0;
    this.gain = gain;
    this.cut = -1;
    this.startedAt = startedAt;
  }

  /** Fades out over CUT_FADE samples, then frees the voice (no click). */
  stop(): void {
    if (this.sound && this.cut < 0) this.cut = CUT_FADE;
  }

  /** Frees at once (only when the output is silent anyway). */
  clear(): void {
    this.sound = undefined;
    this.line = undefined;
  }

  /** Adds `count` samples into `out[0..count)`, each scaled by `scale`. */
  render(out: Float32Array, count: number, scale: number): void {
    const sound = this.sound;
    if (!sound) return;
    const gain = this.gain * scale;
    for (let i = 0; i < count; i++) {
      if (this.pos >= sound.length) {
        if (!sound.loop || sound.length === 0) {
          this.clear();
          return;
        }
        this.pos = 0;
        this.note = 0;
      }
      let fade = 1;
      if (this.cut >= 0) {
        if (this.cut === 0) {
          this.clear();
          return;
        }
        fade = this.cut / CUT_FADE;
        this.cut--;
      }
      const value = this.line ? this.synth() : sampleAt(sound, this.pos);
      out[i] = out[i]! + value * gain * fade;
      this.pos++;
    }
  }

  /** The next sample of the synth line at `pos`, -1..1 times the line's volume. */
  private synth(): number {
    const line = this.line!;
    const starts = line.starts;
    const last = starts.length - 1;
    while (this.note < last && this.pos >= starts[this.note + 1]!) this.note++;
    if (this.note >= last) return 0; // this line ended before the piece's longest line
    const n = this.note;
    const count = line.chordCount[n]!;
    if (count === 0) return 0;
    const start = starts[n]!;
    const length = starts[n + 1]! - start;
    const t = this.pos - start;
    // envelope: attack, decay to sustain, release inside the note's end
    let env: number;
    if (t < line.attack) env = t / line.attack;
    else if (t < line.attack + line.decay) env = 1 - ((1 - line.sustain) * (t - line.attack)) / line.decay;
    else env = line.sustain;
    const left = length - t;
    if (left < line.release) env *= left / line.release;
    // pitch: arpeggio step, slide, vibrato
    const k = count > 1 ? Math.floor(t / line.arp) % count : 0;
    let freq = line.freqs[n * MAX_CHORD + k]!;
    const slide = line.slide[n]!;
    if (slide !== 1) freq *= 1 + ((slide - 1) * t) / length;
    if (line.vibDepth > 0) {
      this.vibPhase += line.vibRate;
      if (this.vibPhase >= 1) this.vibPhase -= 1;
      freq *= 1 + line.vibDepth * Math.sin(TWO_PI * this.vibPhase);
    }
    this.phase += freq * line.cyclesPerHz;
    let wrapped = false;
    if (this.phase >= 1) {
      this.phase -= Math.floor(this.phase);
      wrapped = true;
    }
    const p = this.phase;
    let wave: number;
    switch (line.wave) {
      case 0:
        wave = p < line.duty ? line.high : line.low;
        break;
      case 1:
        wave = p < 0.5 ? 4 * p - 1 : 3 - 4 * p;
        break;
      case 2:
        wave = 2 * p - 1;
        break;
      case 3:
        wave = Math.sin(TWO_PI * p);
        break;
      default:
        if (wrapped) this.noise = this.nextNoise();
        wave = this.noise;
    }
    return wave * env * line.vol * line.noteVol[n]!;
  }

  /** 16-bit Galois LFSR: a new noise value in -1..1. */
  private nextNoise(): number {
    const bit = this.lfsr & 1;
    this.lfsr >>>= 1;
    if (bit) this.lfsr ^= 0xb400;
    return (this.lfsr & 0xff) / 127.5 - 1;
  }
}

function sampleAt(sound: CompiledSound, pos: number): number {
  return sound.kind === 'sample' ? sound.data[pos]! * sound.vol : 0;
}
