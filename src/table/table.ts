import { type AudioService, silentGameAudio } from '../audio/audio-service.ts';
import { Engine, type EngineOptions, type EngineShell } from '../engine/engine.ts';
import type { AnyGame, GameDefinition, GameResult, SettingSpecs, Wiring } from '../engine/game.ts';
import { GameRunner, type RunnerServices } from '../engine/game-runner.ts';
import type { LiveFeed } from '../engine/live-feed.ts';
import { describeError, type Logger } from '../engine/log.ts';
import { Random } from '../engine/random.ts';
import type { Scene } from '../engine/scene.ts';
import type { Canvas } from '../gfx/canvas.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { InputState } from '../input/input-state.ts';
import { compileLayout, DEFAULT_LAYOUT, type Layout } from '../output/layout.ts';
import type { AudioInputFactory } from '../sound-in/audio-input.ts';
import { HintScreen, tableHint } from './hints.ts';
import type { LaunchOptions, TableHost } from './host.ts';
import { Menu } from './menu.ts';
import { MessageScreen } from './message-screen.ts';
import { PauseScreen } from './pause-screen.ts';
import {
  GameStores,
  InMemory,
  type Persisted,
  ScoreBook,
  type ScoreRecord,
  type ScoreTable,
  type StoreTable,
} from './persistence.ts';
import { ResultScreen } from './result-screen.ts';
import { Screensaver } from './screensaver.ts';
import type { TableControls } from './settings-screen.ts';
import { SetupScreen } from './setup-screen.ts';

export type { LaunchOptions } from './host.ts';

export interface TableOptions extends EngineOptions {
  /** Games and apps offered by the menu, in menu order. */
  readonly catalog: readonly AnyGame[];
  /** Seed for the table's own generator, which seeds every game launched from the menu. */
  readonly seed?: number;
  /** Seconds in the menu without input before the screensaver starts; 0 = never. Default 120. */
  readonly idleSeconds?: number;
  readonly scores?: Persisted<ScoreTable>;
  readonly stores?: Persisted<StoreTable>;
  /** Per-game parameters (config file `games.<id>`, `--set`). */
  readonly params?: (gameId: string) => Readonly<Record<string, string | number | boolean>>;
  /** The strip wiring, shown to games as ctx.wiring; default: the 20×15 column zigzag. */
  readonly layout?: Layout;
  /** Builds the idle scene; default: the built-in colour screensaver. */
  readonly screensaver?: (table: Table) => Scene;
  /**
   * Live settings (brightness, idle time, default players, power; shut down and reboot when
   * running as the service). With controls the menu ends with a SETTINGS entry, and idle time
   * and default players are read from them.
   */
  readonly controls?: TableControls;
  /**
   * What games read as ctx.now(): a function giving wall-clock ms (the real table passes
   * Date.now), or a start time in ms from which the wall clock advances with the ticks
   * (deterministic). Default: WALL_CLOCK_START advancing with the ticks.
   */
  readonly wallClock?: number | (() => number);
  /** Opens sound capture for a game that asks (ctx.audioIn()); default: none. */
  readonly audioIn?: AudioInputFactory;
  /**
   * Show each game's hint (its `hint` controls) the first time it is played here, remembered in
   * the '.hints' store. For interactive tables only: headless runs, tests and recordings leave it
   * off, so a game's first tick is never held up.
   */
  readonly hints?: boolean;
  /**
   * Frames from the network (`--live`): games see `feed` as ctx.live. With `takeover`, a stream
   * that starts (the first frame, or one after feed.timeoutSeconds of silence) launches that
   * app over whatever runs.
   */
  readonly live?: { readonly feed: LiveFeed; readonly takeover?: AnyGame | undefined };
  /** The sound: one tick rendered after every update; absent = silent (game sound names still checked). */
  readonly audio?: AudioService;
  /** Without audio: hears the names games play ('lock', 'music:theme'); the test Harness lists them. */
  readonly onSound?: (name: string) => void;
}

/** The deterministic wall clock's default start: Thursday 2026-01-01 10:08:00 UTC. */
export const WALL_CLOCK_START = 1_767_262_080_000;

/**
 * The table's shell on top of the engine's loop: the menu at the bottom of the stack, launching
 * games (setup screen, seeds, settings), pause on back or a lost pad, results and high scores,
 * crash messages, the idle screensaver and short notices. The engine calls it through
 * EngineShell; screens call it through TableHost.
 */
export class Table implements TableHost, EngineShell {
  readonly engine: Engine;
  /** The games the menu offers; replace() swaps in a new version of one (hot reload). */
  catalog: readonly AnyGame[];
  readonly scores: ScoreBook;
  /** The most recent play(): the game and the choices it resolved to (restart, replays). */
  lastLaunch: { readonly game: AnyGame; readonly options: Required<LaunchOptions> } | undefined;
  /** The most recent game result, with its high-score record (tests and logs read it). */
  lastResult: { gameId: string; result: GameResult; record: ScoreRecord | undefined } | undefined;

  private readonly options: TableOptions;
  /** Every game's key/value store (a recording copies its game's at the start). */
  readonly stores: GameStores;
  private readonly random: Random;
  private readonly idleTicks: number;
  private readonly wiring: Wiring;
  private idle = 0;
  /** feed.frames as last seen, and ticks since it last changed (for takeover). */
  private liveSeen = 0;
  private liveQuiet = 0;
  /** A short notice drawn over the menu ('P2 JOINED') and the ticks it has left. */
  private notice = '';
  private noticeTicks = 0;

  paramsOf(gameId: string): Readonly<Record<string, string | number | boolean>> {
    return this.options.params?.(gameId) ?? {};
  }

  constructor(options: TableOptions) {
    this.options = options;
    this.engine = new Engine(options);
    this.engine.shell = this;
    this.catalog = options.catalog;
    this.random = new Random(options.seed ?? Random.freshSeed());
    this.idleTicks = Math.round((options.idleSeconds ?? 120) * this.engine.rate);
    this.scores = new ScoreBook(options.scores ?? new InMemory<ScoreTable>({}));
    this.stores = new GameStores(options.stores ?? new InMemory<StoreTable>({}));
    this.wiring = wiringOf(
      options.layout ?? compileLayout(this.engine.width, this.engine.height, DEFAULT_LAYOUT),
    );
    this.engine.reset(new Menu(this));
  }

  get width(): number {
    return this.engine.width;
  }
  get height(): number {
    return this.engine.height;
  }
  get rate(): number {
    return this.engine.rate;
  }
  get input(): InputState {
    return this.engine.input;
  }
  get frame(): Canvas {
    return this.engine.frame;
  }
  get log(): Logger {
    return this.engine.log;
  }

  /** The table's live settings, when the CLI supplied them. */
  get controls(): TableControls | undefined {
    return this.options.controls;
  }

  /** The table's sound, when it has one. */
  get sound(): AudioService | undefined {
    return this.options.audio;
  }

  /**
   * Shows `text` for two seconds over the menu (not over games): pads joining, leaving and
   * coming back. The latest notice replaces the previous one.
   */
  notify(text: string): void {
    this.notice = text;
    this.noticeTicks = this.rate * 2;
  }

  push(scene: Scene): void {
    this.engine.push(scene);
  }

  pop(): void {
    this.engine.pop();
  }

  menu(): void {
    this.engine.popToRoot();
  }

  /** Replaces everything above the menu with `scene`. */
  show(scene: Scene): void {
    this.engine.popToRoot();
    this.engine.push(scene);
  }

  choose(definition: AnyGame): void {
    const players = definition.players ?? { min: 1, max: 1 };
    const hasChoices = players.max > players.min || Object.keys(definition.settings ?? {}).length > 0;
    if (hasChoices)
      this.push(new SetupScreen(this, definition, this.stores.for('.setup'), this.firstTime('setup')));
    else this.play(definition);
  }

  play(definition: AnyGame, options: LaunchOptions = {}): GameRunner {
    const players = clampPlayers(
      definition,
      options.players ?? (this.options.controls?.defaultPlayers() || undefined),
    );
    const settings = resolveSettings(definition, options.settings ?? {});
    const seed = options.seed ?? this.random.uint32();
    const params = { ...(this.options.params?.(definition.id) ?? {}), ...(options.params ?? {}) };
    this.log.info(`start ${definition.id} (players ${players}, seed ${seed})`);
    this.lastLaunch = {
      game: definition,
      options: { players, settings, seed, params: options.params ?? {} },
    };
    const runner = new GameRunner(
      definition as GameDefinition<SettingSpecs>,
      { players, settings, params, random: new Random(seed) },
      this.services(),
    );
    if (runner.alive) {
      this.show(runner); // a create() that threw has already shown its error
      this.firstTimeHint(definition, runner);
    }
    return runner;
  }

  /**
   * True the first time a screen (or game) `key` is shown at this table, when the table shows
   * hints; remembered in the '.hints' store.
   */
  firstTime(key: string): boolean {
    if (!this.options.hints) return false;
    const seen = this.stores.for('.hints');
    if (seen.get<boolean>(key)) return false;
    seen.set(key, true);
    return true;
  }

  private firstTimeHint(definition: AnyGame, runner: GameRunner): void {
    const text = tableHint(definition);
    if (text === '' || !this.firstTime(definition.id)) return;
    this.push(new HintScreen(this, runner, text, definition.legend));
  }

  /**
   * Swaps in a new version of a game (hot reload): the menu offers it from now on (a new id is
   * added), and when it is the game played last it restarts at once with the same players,
   * settings, params and seed, whatever is on screen. Returns the new runner when it restarted.
   */
  replace(definition: AnyGame): GameRunner | undefined {
    const index = this.catalog.findIndex((game) => game.id === definition.id);
    this.catalog =
      index < 0 ? [...this.catalog, definition] : this.catalog.map((g, i) => (i === index ? definition : g));
    this.engine.replaceRoot(new Menu(this));
    const last = this.lastLaunch;
    if (last?.game.id !== definition.id) return undefined;
    return this.play(definition, last.options);
  }

  // EngineShell ---------------------------------------------------------------------------------

  /** Table rules checked before the top scene updates: back, lost pads, idleness. */
  beforeUpdate(): void {
    if (this.takeOver()) return;
    const input = this.engine.input;
    this.idle = input.activity ? 0 : this.idle + 1;
    const game = this.engine.game;
    if (game) {
      const lost = firstLostPlayer(input, game.setup.players);
      if (lost >= 0) {
        this.push(
          new PauseScreen(
            this,
            game,
            `P${lost + 1} LOST`,
            () => firstLostPlayer(input, game.setup.players) < 0,
          ),
        );
      } else if (input.any.pressed('back')) {
        if (game.definition.kind === 'app') this.menu();
        else this.push(new PauseScreen(this, game, 'PAUSE', undefined, this.firstTime('pause')));
      }
      return;
    }
    const idleTicks = this.options.controls
      ? Math.round(this.options.controls.idleSeconds() * this.rate)
      : this.idleTicks;
    if (this.engine.depth === 1 && idleTicks > 0 && this.idle >= idleTicks) {
      this.idle = 0;
      this.push(this.options.screensaver?.(this) ?? new Screensaver(this));
    }
  }

  /** Starts the takeover app when a network stream starts; true when it did. */
  private takeOver(): boolean {
    const live = this.options.live;
    if (!live) return false;
    const frames = live.feed.frames;
    if (frames === this.liveSeen) {
      this.liveQuiet++;
      return false;
    }
    const started = this.liveSeen === 0 || this.liveQuiet >= Math.round(live.feed.timeoutSeconds * this.rate);
    this.liveSeen = frames;
    this.liveQuiet = 0;
    const app = live.takeover;
    if (!started || !app || this.engine.game?.definition.id === app.id) return false;
    this.log.info(`live: a stream from ${live.feed.sender} takes over`);
    this.play(app);
    return true;
  }

  /** Renders one tick of sound after every update (catch-up ticks included), so sound keeps time. */
  afterUpdate(): void {
    this.options.audio?.renderTick();
  }

  overlay(g: Graphics): void {
    if (this.noticeTicks <= 0) return;
    this.noticeTicks--;
    if (this.engine.game) return;
    const y = this.height - 6;
    g.fillRect(0, y - 1, this.width, 7, 0x000000);
    g.banner(this.notice, y, 0x40ff80, this.rate * 2 - this.noticeTicks);
  }

  /** A scene other than a game threw: log it and fall back to a fresh menu. */
  failed(scene: Scene, error: unknown): void {
    this.log.error(`${scene.title} failed: ${describeError(error).message}`, error);
    this.engine.reset(new Menu(this));
    this.push(new MessageScreen(this, `Error: ${describeError(error).message}`, 0xff3030));
  }

  // Games ---------------------------------------------------------------------------------------

  private services(): RunnerServices {
    return {
      width: this.width,
      height: this.height,
      rate: this.rate,
      wiring: this.wiring,
      live: this.options.live?.feed,
      log: (message) => this.log.info(message),
      now: () => this.wallClockNow(),
      audioIn: () => this.options.audioIn?.(this.rate),
      highScore: (id, key) => this.scores.best(id, key),
      store: (id) => this.stores.for(id),
      track: (work) => this.engine.track(work),
      finished: (runner, result) => this.finished(runner, result),
      crashed: (runner, error) => this.crashed(runner, error),
      audio: (definition) =>
        this.options.audio?.forGame(definition) ?? silentGameAudio(definition, this.options.onSound),
    };
  }

  /** ctx.now(): the supplied wall clock, or its start plus the ticks run so far. */
  wallClockNow(): number {
    const clock = this.options.wallClock ?? WALL_CLOCK_START;
    return typeof clock === 'function' ? clock() : clock + Math.floor((this.engine.tick * 1000) / this.rate);
  }

  private finished(runner: GameRunner, result: GameResult): void {
    const definition = runner.definition;
    this.log.info(`end ${definition.id}${result.score === undefined ? '' : ` score ${result.score}`}`);
    if (definition.kind === 'app') {
      this.lastResult = { gameId: definition.id, result, record: undefined };
      this.menu();
      return;
    }
    const record =
      result.score === undefined
        ? undefined
        : this.scores.record(
            definition.id,
            result.scoreKey ?? 'default',
            result.score,
            definition.scoreOrder ?? 'higher',
          );
    this.lastResult = { gameId: definition.id, result, record };
    this.show(new ResultScreen(this, definition, result, record));
  }

  private crashed(runner: GameRunner, error: unknown): void {
    const { message } = describeError(error);
    this.log.error(`${runner.definition.id} crashed: ${message}`, error);
    runner.dispose();
    this.show(new MessageScreen(this, `${runner.definition.title} crashed: ${message}`, 0xff3030));
  }
}

function wiringOf(layout: Layout): Wiring {
  const { pixelOfLed } = layout;
  return { ledCount: layout.ledCount, pixelOf: (led) => pixelOfLed[led] ?? -1 };
}

function clampPlayers(definition: AnyGame, requested: number | undefined): number {
  const { min, max } = definition.players ?? { min: 1, max: 1 };
  return Math.min(max, Math.max(min, requested ?? min));
}

/** Fills in defaults; unknown keys and values outside a setting's list are errors. */
export function resolveSettings(
  definition: AnyGame,
  chosen: Readonly<Record<string, string | number>>,
): Record<string, string | number> {
  const specs: SettingSpecs = definition.settings ?? {};
  const result: Record<string, string | number> = {};
  for (const key of Object.keys(chosen)) {
    if (!(key in specs)) {
      const known = Object.keys(specs);
      throw new Error(
        `${definition.id} has no setting "${key}"; ${known.length ? `it has: ${known.join(', ')}` : 'it has none'}`,
      );
    }
  }
  for (const [key, spec] of Object.entries(specs)) {
    const wanted = chosen[key];
    if (wanted === undefined) {
      result[key] = spec.default ?? spec.values[0]!;
      continue;
    }
    const renamed = spec.renamed?.[String(wanted)];
    const match = spec.values.find((v) => String(v) === String(renamed ?? wanted));
    if (match === undefined) {
      throw new Error(`${definition.id} setting "${key}" is ${wanted}; allowed: ${spec.values.join(', ')}`);
    }
    result[key] = match;
  }
  return result;
}

function firstLostPlayer(input: InputState, players: number): number {
  for (let p = 0; p < players; p++) if (!input.isConnected(p)) return p;
  return -1;
}
