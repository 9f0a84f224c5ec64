import type { Mixer } from './mixer.ts';
import type { SoundBank } from './sound-bank.ts';

/** `ctx.sound`: the game's effects by name. */
export interface SoundPlayer {
  /**
   * Starts the effect `name` (declared in the game's `sounds`) on a free voice; `volume` 0..1
   * (default 1). An unknown name throws, naming the sounds the game has. Silent when sound is off.
   */
  play(name: string, volume?: number): void;
  /** Stops every voice playing `name`, or all of this game's effects, with a short fade. */
  stop(name?: string): void;
}

/** `ctx.music`: one piece at a time, looping; it stops when the game ends and fades on pause. */
export interface MusicPlayer {
  /** Plays the music `name` from its start (the same piece again keeps playing). */
  play(name: string): void;
  /** Fades the music out. */
  stop(): void;
  /** The name of the piece playing, if any. */
  readonly playing: string | undefined;
}

/** A game's view of the audio: its sounds by name; dispose fades out its music. */
export interface GameAudio {
  readonly sound: SoundPlayer;
  readonly music: MusicPlayer;
  dispose(): void;
}

/**
 * Binds a bank to the mixer (or to nothing: a silent run still checks every name, so a typo
 * fails the same way with and without a sound device). `onPlay` hears every name played
 * ('lock', music as 'music:theme'): the test Harness lists them.
 */
export function gameAudio(
  bank: SoundBank,
  mixer: Mixer | undefined,
  onPlay?: (name: string) => void,
): GameAudio {
  let playing: string | undefined;
  const find = (kind: 'effects' | 'music', name: string) => {
    const table = bank[kind];
    if (!table.has(name)) {
      const names = [...table.keys()];
      const what = kind === 'effects' ? 'sound' : 'music';
      throw new Error(
        `no ${what} "${name}" in ${bank.origin}; ${names.length ? `it has: ${names.join(', ')}` : `it declares no ${what}`}`,
      );
    }
    return table.get(name);
  };
  const owner = {}; // this game instance, for the mixer's musicOwner
  return {
    sound: {
      play(name, volume = 1) {
        const sound = find('effects', name);
        onPlay?.(name);
        if (sound && mixer) mixer.play(sound, Math.min(1, Math.max(0, volume)));
      },
      stop(name) {
        if (!mixer) return;
        if (name === undefined) for (const sound of bank.effects.values()) mixer.stopEffects(sound);
        else {
          const sound = find('effects', name);
          if (sound) mixer.stopEffects(sound);
        }
      },
    },
    music: {
      play(name) {
        const sound = find('music', name);
        onPlay?.(`music:${name}`);
        playing = name;
        if (sound && mixer) mixer.playMusic(sound, owner);
      },
      stop() {
        playing = undefined;
        if (mixer?.musicOwner === owner) mixer.playMusic(undefined);
      },
      get playing() {
        return playing;
      },
    },
    dispose() {
      if (!mixer) return;
      // effects are short and may end the game (a crash, a fanfare): they play out
      if (mixer.musicOwner === owner) mixer.playMusic(undefined);
    },
  };
}
