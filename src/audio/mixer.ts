import type { CompiledSound } from './compile.ts';
import { Voice } from './voice.ts';

/**
 * 22,050 Hz mono: chip-tune sound has almost nothing above 10 kHz, every output (USB, HDMI, I2S,
 * PulseAudio) takes it and resamples, and it halves the work and the pipe traffic of 44,100 Hz
 * (a Pi 3 matters). At 60 ticks per second a tick is 367.5 samples.
 */
export const DEFAULT_SAMPLE_RATE = 22050;
export const EFFECT_VOICES = 8;
/** Parts a piece of music may have (one voice each). */
export const MUSIC_PARTS = 4;
/** Music fades in and out (pause, music off) over this many seconds. */
export const MUSIC_FADE_SECONDS = 0.4;
/** Sum of voices is scaled by this before the master volume, leaving room for several at once. */
const HEADROOM = 0.5;

export interface MixerLevels {
  /** Master volume 0..100 (perceived: the gain is (v/100)²; 0 is exact silence). */
  volume: number;
  music: boolean;
  effects: boolean;
}

/**
 * The mixer: EFFECT_VOICES effect voices and one music track (up to MUSIC_PARTS voices in
 * lockstep), rendered one tick at a time as 16-bit mono PCM. Ticks alternate between
 * ⌊rate/fps⌋ and ⌈rate/fps⌉ samples via an exact integer remainder, so after n ticks exactly
 * ⌊n·rate/fps⌋ samples exist. Every buffer is allocated here; renderTick allocates nothing.
 */
export class Mixer {
  readonly rate: number;
  readonly fps: number;
  readonly levels: MixerLevels = { volume: 100, music: true, effects: true };
  /** Samples rendered since start. */
  samples = 0;
  /** Ticks rendered since start. */
  ticks = 0;
  /** Samples clipped at ±1 since start (too many loud voices at once). */
  clipped = 0;
  private readonly effects: Voice[] = [];
  private readonly music: Voice[] = [];
  private current: CompiledSound | undefined;
  /** Who asked for the music playing (see playMusic). */
  musicOwner: unknown;
  private next: CompiledSound | undefined;
  /** Music gain now and where it is heading (fades), 0..1. */
  private musicGain = 1;
  private ducked = false;
  /** A stop was asked for while music played: it fades out, then the track is empty. */
  private pendingStop = false;
  private readonly fadeStep: number;
  private remainder = 0;
  private readonly mix: Float32Array;
  private readonly musicMix: Float32Array;
  private readonly pcm: Int16Array;
  /** Views of pcm for the two tick lengths, made once. */
  private readonly short: Int16Array;
  private readonly long: Int16Array;

  constructor(rate = DEFAULT_SAMPLE_RATE, fps = 60) {
    if (!Number.isInteger(rate) || rate < 8000 || rate > 96000)
      throw new RangeError(`sample rate ${rate} must be 8000..96000`);
    this.rate = rate;
    this.fps = fps;
    for (let i = 0; i < EFFECT_VOICES; i++) this.effects.push(new Voice());
    for (let i = 0; i < MUSIC_PARTS; i++) this.music.push(new Voice());
    const most = Math.ceil(rate / fps);
    this.mix = new Float32Array(most);
    this.musicMix = new Float32Array(most);
    this.pcm = new Int16Array(most);
    this.short = this.pcm.subarray(0, Math.floor(rate / fps));
    this.long = this.pcm.subarray(0, most);
    this.fadeStep = 1 / (MUSIC_FADE_SECONDS * rate);
  }

  /** Samples the next tick will have: ⌊rate/fps⌋ or one more. */
  get nextTickSamples(): number {
    return Math.floor((this.remainder + this.rate) / this.fps);
  }

  /**
   * Starts an effect on a free voice, else on the voice that started longest ago. `gain` 0..1.
   * Returns false when effects are off.
   */
  play(sound: CompiledSound, gain = 1): boolean {
    if (!this.levels.effects) return false;
    // a free voice, else the one that started first (a plain loop: no closure per call)
    let voice = this.effects[0]!;
    for (const v of this.effects) {
      if (!v.busy) {
        voice = v;
        break;
      }
      if (v.startedAt < voice.startedAt) voice = v;
    }
    voice.start(sound, 0, gain, this.ticks);
    return true;
  }

  /** Stops every effect playing `sound` (all effects without it), with a short fade. */
  stopEffects(sound?: CompiledSound): void {
    for (const v of this.effects) if (!sound || v.sound === sound) v.stop();
  }

  /** Effect voices busy now. */
  get activeEffects(): number {
    let n = 0;
    for (const v of this.effects) if (v.busy) n++;
    return n;
  }

  /**
   * Plays `sound` as the music track from its start (a piece already playing fades out first);
   * the same piece again keeps playing. undefined stops the music with a fade. `owner` (a game)
   * is remembered, so a game that ends stops only music it started (a restarted game that
   * plays the same piece takes it over).
   */
  playMusic(sound: CompiledSound | undefined, owner?: unknown): void {
    this.musicOwner = sound === undefined ? undefined : owner;
    if (sound === this.current && this.next === undefined) {
      this.pendingStop = false; // asked again while fading out: it keeps playing
      return;
    }
    if (this.current === undefined || this.musicGain === 0) {
      this.startMusic(sound);
      return;
    }
    this.next = sound;
    if (sound === undefined) this.pendingStop = true;
  }

  /** The piece playing (or fading in), if any. */
  get musicPlaying(): CompiledSound | undefined {
    return this.next ?? (this.pendingStop ? undefined : this.current);
  }

  /** Pause: the music fades out and holds its place; false fades it back in. */
  duck(on: boolean): void {
    this.ducked = on;
  }

  /**
   * Renders the next tick: a view of 16-bit samples valid until the next call (do not keep it).
   */
  renderTick(): Int16Array {
    this.remainder += this.rate;
    const count = Math.floor(this.remainder / this.fps);
    this.remainder -= count * this.fps;
    const mix = this.mix;
    mix.fill(0, 0, count);
    for (const v of this.effects) if (v.busy) v.render(mix, count, 1);
    this.renderMusic(mix, count);
    const v = this.levels.volume / 100;
    const master = v * v * HEADROOM;
    const pcm = this.pcm;
    for (let i = 0; i < count; i++) {
      let s = mix[i]! * master;
      if (s > 1) {
        s = 1;
        this.clipped++;
      } else if (s < -1) {
        s = -1;
        this.clipped++;
      }
      pcm[i] = Math.round(s * 32767);
    }
    this.samples += count;
    this.ticks++;
    return count === this.short.length ? this.short : this.long;
  }

  /** Music with its fade: the gain moves one fadeStep per sample toward its target. */
  private renderMusic(mix: Float32Array, count: number): void {
    if (!this.current) return;
    const switching = this.next !== undefined || this.pendingStop;
    const target = switching || this.ducked || !this.levels.music ? 0 : 1;
    if (target === 0 && this.musicGain === 0) {
      if (switching) this.startMusic(this.next);
      return; // holds its place while paused or off
    }
    const music = this.musicMix;
    music.fill(0, 0, count);
    for (const voice of this.music) if (voice.busy) voice.render(music, count, 1);
    let gain = this.musicGain;
    const step = target > gain ? this.fadeStep : -this.fadeStep;
    for (let i = 0; i < count; i++) {
      if (gain !== target) gain = step > 0 ? Math.min(target, gain + step) : Math.max(target, gain + step);
      mix[i] = mix[i]! + music[i]! * gain;
    }
    this.musicGain = gain;
    if (gain === 0 && switching) this.startMusic(this.next);
  }

  private startMusic(sound: CompiledSound | undefined): void {
    for (const v of this.music) v.clear();
    this.current = sound;
    this.next = undefined;
    this.pendingStop = false;
    this.musicGain = 0;
    if (!sound) return;
    const parts = sound.kind === 'synth' ? sound.lines.length : 1;
    for (let p = 0; p < parts && p < MUSIC_PARTS; p++) this.music[p]!.start(sound, p, 1, this.ticks);
    this.musicGain = this.ducked || !this.levels.music ? 0 : 1;
  }
}
