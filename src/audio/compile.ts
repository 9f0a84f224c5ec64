import type { Instrument, SynthSound, Wave } from './notation.ts';

/** Wave shapes as small integers, the form the voice's inner loop switches on. */
export const WAVE_CODE: Readonly<Record<Wave, number>> = {
  square: 0,
  pulse: 0,
  triangle: 1,
  saw: 2,
  sine: 3,
  noise: 4,
};

/** Most pitches an arpeggio note may cycle through. */
export const MAX_CHORD = 4;

/**
 * One line of notes placed on a sample grid. Note `i` sounds from `starts[i]` to
 * `starts[i + 1]` (samples since the start); `chordCount[i]` is 0 for a rest.
 */
export interface CompiledLine {
  readonly wave: number;
  /** Pulse width, 0..1, and the two levels of the pulse: zero mean (no thump), peak 0.8. */
  readonly duty: number;
  readonly high: number;
  readonly low: number;
  readonly vol: number;
  /** Envelope in samples (sustain is a level 0..1). */
  readonly attack: number;
  readonly decay: number;
  readonly sustain: number;
  readonly release: number;
  /** Samples per arpeggio step. */
  readonly arp: number;
  /** Vibrato: depth as a frequency factor (semitones · ln2/12) and rate in cycles per sample. */
  readonly vibDepth: number;
  readonly vibRate: number;
  /** Oscillator cycles per sample per Hz: 1/rate (noise: 16/rate, so c4 is a hiss, not a buzz). */
  readonly cyclesPerHz: number;
  readonly starts: Int32Array;
  /** MAX_CHORD frequencies (Hz) per note. */
  readonly freqs: Float64Array;
  readonly chordCount: Uint8Array;
  /** Frequency factor reached at the note's end by a slide (1 = no slide). */
  readonly slide: Float64Array;
  readonly noteVol: Float32Array;
}

/** A sound ready for the mixer: synth lines (music has up to 4) or a sample. */
export type CompiledSound =
  | {
      readonly kind: 'synth';
      readonly name: string;
      readonly lines: readonly CompiledLine[];
      /** Samples until it ends (or loops). Every line is silent after its own end. */
      readonly length: number;
      readonly loop: boolean;
    }
  | {
      readonly kind: 'sample';
      readonly name: string;
      /** Mono samples at the mixer's rate, -1..1. */
      readonly data: Float32Array;
      readonly vol: number;
      readonly length: number;
      readonly loop: boolean;
    };

/** Frequency in Hz of a MIDI note number (69 = a4 = 440 Hz). */
export function frequency(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

/**
 * Places a parsed sound on the sample grid of `rate` Hz. Note starts are rounded from the exact
 * step times (step · stepSeconds · rate), so lines of one piece stay in lockstep and long music
 * never drifts.
 */
export function compileSynth(sound: SynthSound, rate: number): CompiledSound {
  const stepSamples = sound.stepSeconds * rate;
  const lines = sound.lines.map((line) => compileLine(line.instrument, line.notes, stepSamples, rate));
  const steps = Math.max(...sound.lines.map((line) => line.notes.reduce((sum, note) => sum + note.steps, 0)));
  return {
    kind: 'synth',
    name: sound.name,
    lines,
    length: Math.round(steps * stepSamples),
    loop: sound.loop,
  };
}

function compileLine(
  instrument: Instrument,
  notes: SynthSound['lines'][number]['notes'],
  stepSamples: number,
  rate: number,
): CompiledLine {
  const n = notes.length;
  const starts = new Int32Array(n + 1);
  const freqs = new Float64Array(n * MAX_CHORD);
  const chordCount = new Uint8Array(n);
  const slide = new Float64Array(n).fill(1);
  const noteVol = new Float32Array(n);
  let step = 0;
  notes.forEach((note, i) => {
    starts[i] = Math.round(step * stepSamples);
    step += note.steps;
    const count = Math.min(MAX_CHORD, note.pitches.length);
    chordCount[i] = count;
    for (let k = 0; k < count; k++) freqs[i * MAX_CHORD + k] = frequency(note.pitches[k]!);
    if (note.slideTo !== undefined && count > 0) slide[i] = frequency(note.slideTo) / freqs[i * MAX_CHORD]!;
    noteVol[i] = note.vol;
  });
  starts[n] = Math.round(step * stepSamples);
  const ms = rate / 1000;
  const duty = instrument.duty / 100;
  return {
    wave: WAVE_CODE[instrument.wave],
    duty,
    high: (1 - duty) * (0.8 / Math.max(duty, 1 - duty)),
    low: -duty * (0.8 / Math.max(duty, 1 - duty)),
    vol: instrument.vol,
    attack: Math.max(Math.round(ms), Math.round(instrument.attackMs * ms)), // ≥ 1 ms: no note starts with a click
    decay: Math.round(instrument.decayMs * ms),
    sustain: instrument.sustain,
    release: Math.max(1, Math.round(instrument.releaseMs * ms)),
    arp: Math.max(1, Math.round((instrument.arp / 120) * rate)),
    vibDepth: (instrument.vibDepth * Math.LN2) / 12,
    vibRate: instrument.vibRate / rate,
    cyclesPerHz: (instrument.wave === 'noise' ? 16 : 1) / rate,
    starts,
    freqs,
    chordCount,
    slide,
    noteVol,
  };
}

/** A sample sound from decoded mono PCM (already at the mixer's rate). */
export function compileSample(name: string, data: Float32Array, vol: number, loop: boolean): CompiledSound {
  return { kind: 'sample', name, data, vol, length: data.length, loop };
}
