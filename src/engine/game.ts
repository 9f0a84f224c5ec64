import type { MusicPlayer, SoundPlayer } from '../audio/game-audio.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Sprite } from '../gfx/sprite.ts';
import type { Input } from '../input/buttons.ts';
import type { AudioInput } from '../sound-in/audio-input.ts';
import type { LiveFeed } from './live-feed.ts';
import type { Random } from './random.ts';

/** A choice offered before the game starts (menu) or with `--set key=value` on the command line. */
export interface SettingSpec {
  /** Shown on the table while choosing, e.g. "LEVEL". Keep it short: 3×5 font, 20 pixels wide. */
  readonly label: string;
  readonly values: readonly (string | number)[];
  /** Must be one of `values`; the first value when omitted. */
  readonly default?: string | number;
}
export type SettingSpecs = Readonly<Record<string, SettingSpec>>;
export type SettingValues<S extends SettingSpecs> = { readonly [K in keyof S]: S[K]['values'][number] };

/**
 * One parameter a game takes from the config file (`games.<id>.key`) or `--set <id>.key=value`,
 * declared with the fields of a command-line option; the CLI checks values against it before
 * the game starts (src/config/params.ts).
 * - `default` documents the value; a game gets only the keys given, so keep your own fallback.
 * - `flag`: also a top-level flag and config key (the viewer's `--path`); its value, default
 *   included, reaches the game unless `games.<id>.key` names another.
 * - `list` values reach the game as one string, items joined by the path delimiter (':' on Linux).
 */
export interface ParamDecl {
  readonly type: 'int' | 'number' | 'string' | 'enum' | 'bool' | 'list';
  readonly help: string;
  readonly default?: number | string | boolean | readonly string[];
  /** Inclusive bounds for int/number. */
  readonly min?: number;
  readonly max?: number;
  /** Allowed values for enum. */
  readonly values?: readonly string[];
  /** Placeholder in --help, e.g. 'FILE'. */
  readonly arg?: string;
  /** Lists only: whether a comma separates items inside one value (default true). */
  readonly split?: boolean;
  /** Extra validation: what is allowed when the value is wrong, undefined when it is fine. */
  readonly check?: (value: string) => string | undefined;
  readonly flag?: `--${string}`;
}
export type ParamDecls = Readonly<Record<string, ParamDecl>>;

/** How a game ends. The engine shows it, with the high score, then returns to the menu. */
export interface GameResult {
  /** Points, a length, or ticks for timed games; compared by the game's `scoreOrder`. */
  readonly score?: number;
  /** Separate high-score tables, e.g. one per difficulty level ("easy"). Default: "default". */
  readonly scoreKey?: string;
  /** 0-based index of the winning player in a multiplayer game; -1 for a draw. */
  readonly winner?: number;
  /** A short line such as "YOU WIN" or "TOP OUT". */
  readonly message?: string;
}

/** Per-game persistent key/value store (JSON values), kept in the data directory. */
export interface GameStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

/** Where the LEDs are: for diagnostics such as the test pattern's wiring check. */
export interface Wiring {
  /** LEDs on the strip. */
  readonly ledCount: number;
  /** Pixel index (y·width + x) of LED number `led` in strip order, or -1 when it has none. */
  pixelOf(led: number): number;
}

/** Everything a game may use. Games never read the clock, the filesystem or devices directly. */
export interface GameContext<S extends SettingSpecs = SettingSpecs> {
  readonly width: number;
  readonly height: number;
  /** Number of players chosen for this run (within the game's `players` range). */
  readonly players: number;
  /** Seeded generator: the same seed and input always give the same frames. */
  readonly random: Random;
  readonly settings: SettingValues<S>;
  /** Free-form parameters from the config file (`games.<id>`) or `--set key=value`. */
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly store: GameStore;
  readonly wiring: Wiring;
  /** Ticks since this game was created (0 during create, 1 in the first update). */
  readonly tick: number;
  /** Loop rate in ticks per second (1..120, 60 by default). */
  readonly rate: number;
  /** Converts seconds to a whole number of ticks at the current rate (at least 1 for s > 0). */
  ticks(seconds: number): number;
  /** The best result recorded for this game (and scoreKey), if any. */
  highScore(scoreKey?: string): number | undefined;
  /** Ends the game; the engine shows the result and returns to the menu. */
  end(result?: GameResult): void;
  /**
   * Registers async work (loading a file, decoding an image): put the code that uses the result
   * inside `work` (e.g. `ctx.task(load(f).then((img) => { picture = img; }))`). Headless runs
   * and tests wait for pending tasks before the next tick, so results land on a deterministic
   * tick; the real-time loop never waits. A rejected task ends the game like an exception would,
   * so catch the failures you can handle (a bad file) inside `work`.
   */
  task(work: Promise<unknown>): void;
  /** Writes a line to the engine's log (never to stdout, which may be the simulator). */
  log(message: string): void;
  /** Frames from the network when the table listens (`--live`); undefined otherwise. */
  readonly live?: LiveFeed | undefined;
  /** The game's effects by name (declared in `sounds`): `ctx.sound.play('lock')`. */
  readonly sound: SoundPlayer;
  /** The game's music by name: `ctx.music.play('theme')`; stops when the game ends. */
  readonly music: MusicPlayer;
  /**
   * Wall-clock time in ms since 1970-01-01 UTC, for clocks and schedules only (game timing counts
   * ticks). A table supplies the system clock; headless runs and tests a fixed start plus the
   * ticks run, so their frames stay deterministic.
   */
  now(): number;
  /**
   * Opens sound capture (microphone or line-in) for this run; undefined when the table has none.
   * The engine closes it when the game stops.
   */
  audioIn(): AudioInput | undefined;
}

export interface GameInstance {
  /** Called once per tick, before draw. No dt: count ticks. */
  update(input: Input): void;
  /** Draws the whole frame. The canvas keeps the previous frame's pixels until cleared. */
  draw(g: Graphics): void;
  /** Called once when the game stops for any reason (end, back to menu, crash, reload). */
  dispose?(): void;
}

export interface GameDefinition<S extends SettingSpecs = SettingSpecs> {
  /** Folder name in games/: lowercase letters, digits and dashes. */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** "game" shows a result screen and keeps high scores; "app" returns straight to the menu. */
  readonly kind?: 'game' | 'app';
  /** Supported player counts; default { min: 1, max: 1 }. */
  readonly players?: { readonly min: number; readonly max: number };
  /** Shown in the menu; up to 20×8 pixels. Build it with `sprite()`. */
  readonly icon?: Sprite;
  readonly settings?: S;
  /**
   * Effects and music in the sound notation (docs/api.md "Sound"), usually imported from the
   * folder's sounds.ts. Checked when the game starts: a mistake ends it with the line named.
   */
  readonly sounds?: string;
  /**
   * Parameters from the config file (`games.<id>`) or `--set key=value`, declared like options
   * (type, range, help; see ParamDecl) and checked before the game starts; they reach the game
   * as ctx.params. A key that is neither a setting nor a param is an error naming these.
   */
  readonly params?: ParamDecls;
  /** How results compare: "higher" (points, default) or "lower" (times). */
  readonly scoreOrder?: 'higher' | 'lower';
  /** Builds a fresh game. Async only when it must load something before the first tick. */
  create(ctx: GameContext<S>): GameInstance | Promise<GameInstance>;
}

/** Identity function that gives a game definition its types. Default-export its result. */
export function defineGame<const S extends SettingSpecs = SettingSpecs>(
  definition: GameDefinition<S>,
): GameDefinition<S> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: a catalog holds games with different settings types
export type AnyGame = GameDefinition<any>;
