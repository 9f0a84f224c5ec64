import { WavWriter } from './wav.ts';

/** Counters of a sound output, for the log and `ledtable bench`. */
export interface SinkStats {
  /** Times the device ran dry and we padded with a silence ramp (or the player said so). */
  underruns: number;
  /** Times the player process died or failed to start. */
  failures: number;
  /** Restarts of the player after a failure. */
  restarts: number;
  /** Estimated audio queued ahead of the speaker, in ms (player outputs). */
  latencyMs: number;
}

/**
 * Where the mixer's samples go, one tick at a time. `write` must not block the loop and must not
 * throw for device trouble (it counts it); the view it gets is reused after it returns.
 */
export interface PcmSink {
  /** For the log: "aplay (ALSA)", "wav run.wav", "silence". */
  readonly description: string;
  write(samples: Int16Array): void;
  readonly stats: SinkStats;
  /** Flushes and closes (the WAV header gets its sizes; the player is ended). */
  close(): Promise<void>;
}

export function emptyStats(): SinkStats {
  return { underruns: 0, failures: 0, restarts: 0, latencyMs: 0 };
}

/** --audio off: samples vanish. */
export class SilentSink implements PcmSink {
  readonly description = 'silence';
  readonly stats = emptyStats();
  write(): void {}
  async close(): Promise<void> {}
}

/** --audio wav:FILE and --out FILE.wav: exactly the samples the mixer made, in a WAV file. */
export class WavSink implements PcmSink {
  readonly description: string;
  readonly stats = emptyStats();
  private readonly writer: WavWriter;

  constructor(file: string, rate: number) {
    this.writer = new WavWriter(file, rate);
    this.description = `wav ${file}`;
  }

  write(samples: Int16Array): void {
    this.writer.write(samples);
  }

  /** Bytes of samples written so far. */
  get bytes(): number {
    return this.writer.bytes;
  }

  async close(): Promise<void> {
    this.writer.close();
  }
}

/** Sends every tick to several sinks (a player and a WAV recording at once). */
export class TeeSink implements PcmSink {
  readonly description: string;
  constructor(private readonly sinks: readonly PcmSink[]) {
    this.description = sinks.map((s) => s.description).join(' + ');
  }
  get stats(): SinkStats {
    return this.sinks[0]?.stats ?? emptyStats();
  }
  write(samples: Int16Array): void {
    for (const sink of this.sinks) sink.write(samples);
  }
  async close(): Promise<void> {
    await Promise.all(this.sinks.map((s) => s.close()));
  }
}
