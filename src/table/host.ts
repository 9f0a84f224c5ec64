import type { UiSound } from '../audio/ui-sounds.ts';
import type { AnyGame } from '../engine/game.ts';
import type { Logger } from '../engine/log.ts';
import type { Scene } from '../engine/scene.ts';
import type { Canvas } from '../gfx/canvas.ts';
import type { InputState } from '../input/input-state.ts';
import type { TableControls } from './controls.ts';
import type { ScoreBook } from './persistence.ts';

/** The choices a game starts with: players, settings, seed and free-form params. */
export interface LaunchOptions {
  readonly players?: number;
  readonly settings?: Readonly<Record<string, string | number>>;
  /** Seed for this run; default: the next number from the table's generator. */
  readonly seed?: number;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/** What screens may do with the sound (src/audio/audio-service.ts implements it). */
export interface TableSound {
  /** A shared screen's effect; menu move/select only when menu sounds are on. */
  play(name: UiSound): void;
  /** true fades the music out and holds its place (pause); false brings it back. */
  duck(on: boolean): void;
}

/**
 * What the table's screens (menu, setup, pause, result, settings, message, screensaver) may ask
 * of the table. They import this interface, never the Table, so src/table/ has no import cycle.
 */
export interface TableHost {
  readonly width: number;
  readonly height: number;
  readonly rate: number;
  readonly input: InputState;
  /** The last finished frame (the pause screen freezes a copy of it). */
  readonly frame: Canvas;
  readonly log: Logger;
  readonly catalog: readonly AnyGame[];
  /** The params a game gets on this table (config, flags, the web page's kept message…). */
  paramsOf(gameId: string): Readonly<Record<string, string | number | boolean>>;
  readonly scores: ScoreBook;
  /** The table's live settings, when the CLI supplied them. */
  readonly controls: TableControls | undefined;
  /** The table's sound, when it has one: screens play their effects, pause ducks the music. */
  readonly sound: TableSound | undefined;
  /** The most recent launch: the game and the choices it resolved to. */
  readonly lastLaunch: { readonly game: AnyGame; readonly options: Required<LaunchOptions> } | undefined;
  /** Pushes a scene on top (pause, screensaver, settings). */
  push(scene: Scene): void;
  /** Removes the top scene (never the menu). */
  pop(): void;
  /** Back to the menu, ending whatever runs. */
  menu(): void;
  /** Opens the players/settings screen when the game has choices, else starts it. */
  choose(definition: AnyGame): void;
  /** Starts a game or app on top of the menu. */
  play(definition: AnyGame, options?: LaunchOptions): void;
}
