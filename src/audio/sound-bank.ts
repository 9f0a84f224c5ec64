import { type CompiledSound, compileSample, compileSynth } from './compile.ts';
import { parseSounds, type SoundSource } from './notation.ts';
import { decodeWav } from './wav.ts';

/** A game's sounds by name: effects (sfx, samples) and music (music, samples with music=yes). */
export interface SoundBank {
  readonly origin: string;
  readonly effects: ReadonlyMap<string, CompiledSound | undefined>;
  readonly music: ReadonlyMap<string, CompiledSound | undefined>;
}

/** Reads a file of the game's folder by name (WAV samples); absent where no folder exists. */
export type LoadFile = (file: string) => Uint8Array;

const parsed = new Map<string, SoundSource[]>();

/** Parses (once per distinct text) a sounds text; errors name `origin` and the line. */
export function soundSources(text: string, origin: string): SoundSource[] {
  const key = `${origin}\n${text}`;
  let sources = parsed.get(key);
  if (!sources) {
    sources = parseSounds(text, origin);
    parsed.set(key, sources);
  }
  return sources;
}

/**
 * The names of a sounds text without compiling anything (silent runs still check names).
 * With `rate`, every sound is also compiled for that sample rate; samples are read with
 * `loadFile` (a missing loader or file is an error naming the file).
 */
export function soundBank(text: string, origin: string, rate?: number, loadFile?: LoadFile): SoundBank {
  const effects = new Map<string, CompiledSound | undefined>();
  const music = new Map<string, CompiledSound | undefined>();
  for (const source of soundSources(text, origin)) {
    const isMusic = source.kind === 'music' || (source.kind === 'sample' && source.music);
    let compiled: CompiledSound | undefined;
    if (rate !== undefined) {
      if (source.kind === 'sample') {
        if (!loadFile)
          throw new Error(`${origin}: sample ${source.name} needs its game folder to read ${source.file}`);
        let bytes: Uint8Array;
        try {
          bytes = loadFile(source.file);
        } catch (error) {
          throw new Error(
            `${origin}: sample ${source.name}: cannot read ${source.file}: ${(error as Error).message}`,
          );
        }
        const data = decodeWav(bytes, rate, `${origin}: ${source.file}`);
        compiled = compileSample(source.name, data, source.vol, source.music);
      } else {
        compiled = compileSynth(source, rate);
      }
    }
    (isMusic ? music : effects).set(source.name, compiled);
  }
  return { origin, effects, music };
}
