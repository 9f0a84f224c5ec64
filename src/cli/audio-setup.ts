import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AudioService } from '../audio/audio-service.ts';
import { DEFAULT_SAMPLE_RATE } from '../audio/mixer.ts';
import { openAudioOutput } from '../audio/open-output.ts';
import { type PcmSink, SilentSink, TeeSink, WavSink } from '../audio/pcm-sink.ts';
import { UsageError } from './io.ts';
import type { Options } from './options.ts';

type AudioOptions = Pick<
  Options,
  'audio' | 'volume' | 'music' | 'effects' | 'menuSounds' | 'audioBuffer' | 'fps'
>;

/** True for `--out FILE.wav`: the run's sound instead of a picture. */
export function isWavOut(file: string): boolean {
  return extname(file).toLowerCase() === '.wav';
}

/** One log line at the end of a real-time run: what the sound output went through. */
export function logSoundStats(log: { info(message: string): void }, audio: AudioService): void {
  const { underruns, failures, restarts } = audio.sink.stats;
  log.info(
    `sound: ${audio.mixer.ticks} ticks, ${underruns} underruns, ${failures} player failures, ${restarts} restarts, ${audio.mixer.clipped} clipped samples`,
  );
}

/** The line a headless run prints about its sound: "wrote sound to wav run.wav: 2.50 s at 22050 Hz". */
export function describeAudio(audio: AudioService): string {
  const { samples, rate } = audio.mixer;
  return `sound: ${audio.sink.description}: ${(samples / rate).toFixed(2)} s at ${rate} Hz, 16-bit mono`;
}

/**
 * The table's audio from the options. Interactive runs use the output --audio names; headless
 * runs have no real time, so only files: `--audio wav:FILE` and `--out FILE.wav`. Undefined when
 * the run is silent anyway (the engine then skips the mixer; game sound names are still checked).
 * WAV samples are read from the game's folder.
 */
export function createAudio(
  options: AudioOptions & { readonly out?: string },
  gamesDir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  headless: boolean,
): AudioService | undefined {
  const rate = DEFAULT_SAMPLE_RATE;
  const sinks: PcmSink[] = [];
  const open = (spec: string) =>
    openAudioOutput({ spec, rate, fps: options.fps, bufferMs: options.audioBuffer, env, log, headless });
  try {
    if (headless) {
      if (options.out && isWavOut(options.out)) sinks.push(new WavSink(options.out, rate));
      if (options.audio.startsWith('wav:')) sinks.push(open(options.audio));
    } else {
      const sink = open(options.audio);
      if (!(sink instanceof SilentSink)) sinks.push(sink);
    }
  } catch (error) {
    for (const sink of sinks) void sink.close();
    throw new UsageError(`--audio ${options.audio}: cannot write the file: ${(error as Error).message}`);
  }
  if (sinks.length === 0) return undefined;
  return new AudioService({
    sink: sinks.length === 1 ? sinks[0]! : new TeeSink(sinks),
    fps: options.fps,
    rate,
    levels: { volume: options.volume, music: options.music, effects: options.effects },
    menuSounds: options.menuSounds,
    loadFile: (gameId, file) => readFileSync(join(gamesDir, gameId, file)),
  });
}
