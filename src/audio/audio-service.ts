import { type GameAudio, gameAudio } from './game-audio.ts';
import { DEFAULT_SAMPLE_RATE, Mixer, type MixerLevels } from './mixer.ts';
import type { PcmSink } from './pcm-sink.ts';
import { type LoadFile, type SoundBank, soundBank } from './sound-bank.ts';
import { MENU_SOUNDS, UI_SOUNDS, type UiSound } from './ui-sounds.ts';

/** What a game definition brings to the audio: its id and its sounds text. */
export interface SoundfulGame {
  readonly id: string;
  readonly sounds?: string;
}

export interface AudioServiceOptions {
  readonly sink: PcmSink;
  /** The loop's rate in ticks per second. */
  readonly fps: number;
  readonly rate?: number;
  readonly levels?: Partial<MixerLevels>;
  /** Menu move/select sounds; default off (the menu is quiet). */
  readonly menuSounds?: boolean;
  /** Reads a file of a game's folder (WAV samples); absent in tests without folders. */
  readonly loadFile?: (gameId: string, file: string) => Uint8Array;
}

/**
 * The table's sound: one mixer, one output, every game's compiled sounds (once per definition,
 * so a hot-reloaded game gets its new sounds). The engine calls renderTick once per tick after
 * update; screens call ui(); each game gets forGame(definition).
 */
export class AudioService {
  readonly mixer: Mixer;
  readonly sink: PcmSink;
  menuSounds: boolean;
  private readonly banks = new WeakMap<SoundfulGame, SoundBank>();
  private readonly ui: SoundBank;
  private readonly loadFile: AudioServiceOptions['loadFile'];

  constructor(options: AudioServiceOptions) {
    this.mixer = new Mixer(options.rate ?? DEFAULT_SAMPLE_RATE, options.fps);
    Object.assign(this.mixer.levels, options.levels ?? {});
    this.sink = options.sink;
    this.menuSounds = options.menuSounds ?? false;
    this.loadFile = options.loadFile;
    this.ui = soundBank(UI_SOUNDS, 'the table sounds', this.mixer.rate);
  }

  /** The game's sounds bound to the mixer. Throws for a bad sounds text (the game crashes with it). */
  forGame(game: SoundfulGame): GameAudio {
    let bank = this.banks.get(game);
    if (!bank) {
      const load = this.loadFile;
      const loadFile: LoadFile | undefined = load ? (file) => load(game.id, file) : undefined;
      bank = soundBank(game.sounds ?? '', `${game.id}'s sounds`, this.mixer.rate, loadFile);
      this.banks.set(game, bank);
    }
    return gameAudio(bank, this.mixer);
  }

  /** A shared screen's effect; menu sounds only when turned on. */
  play(name: UiSound): void {
    if (MENU_SOUNDS.has(name) && !this.menuSounds) return;
    const sound = this.ui.effects.get(name);
    if (sound) this.mixer.play(sound);
  }

  /** Pause fades the music out and holds it; false brings it back. */
  duck(on: boolean): void {
    this.mixer.duck(on);
  }

  /** Renders one tick and hands it to the output. */
  renderTick(): void {
    this.sink.write(this.mixer.renderTick());
  }

  async close(): Promise<void> {
    await this.sink.close();
  }
}

/** A game's sounds when the table has no audio: names are still checked, `onPlay` hears them. */
export function silentGameAudio(game: SoundfulGame, onPlay?: (name: string) => void): GameAudio {
  return gameAudio(soundBank(game.sounds ?? '', `${game.id}'s sounds`), undefined, onPlay);
}
