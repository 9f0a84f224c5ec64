/**
 * Sound coming in (a USB microphone or line-in), as a game sees it through `ctx.audioIn()`.
 * The table supplies it from src/cli (ALSA capture through `arecord`); tests supply a WAV file
 * through the same PcmCapture. Games never open devices themselves.
 */
export interface AudioInput {
  /** Samples per second of the captured sound. */
  readonly sampleRate: number;
  /**
   * Moves on by one tick's worth of sound (sampleRate / rate samples) and copies the newest
   * `into.length` samples into `into`, oldest first, mono, each -1..1 (0 before any sound).
   * Returns false while no sound has arrived yet. Allocates nothing.
   */
  next(into: Float32Array): boolean;
  /** Why there is no sound (e.g. "arecord: not installed, apt install alsa-utils"); '' while fine. */
  readonly problem: string;
  /** Stops the capture (the engine calls it when the game stops). Safe to call twice. */
  close(): void;
}

/** Opens a capture for one game run at the loop `rate` (ticks per second); undefined = none. */
export type AudioInputFactory = (rate: number) => AudioInput | undefined;
