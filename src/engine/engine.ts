import { type AudioService, silentGameAudio } from '../audio/audio-service.ts';
import { Canvas } from '../gfx/canvas.ts';
import { Graphics } from '../gfx/graphics.ts';
import { InputState } from '../input/input-state.ts';
import { compileLayout, DEFAULT_LAYOUT, type Layout } from '../output/layout.ts';
import type { Clock } from './clock.ts';
import type { GameDefinition, GameResult, SettingSpecs, Wiring } from './game.ts';
import { GameRunner, type RunnerServices } from './game-runner.ts';
import { describeError, type Logger, MemoryLogger } from './log.ts';
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
import { Random } from './random.ts';
import { ResultScreen } from './result-screen.ts';
import type { FrameSink, Scene } from './scene.ts';
import { Screensaver } from './screensaver.ts';
import type { TableControls } from './settings-screen.ts';
import { SetupScreen } from './setup-screen.ts';

// biome-ignore lint/suspicious/noExplicitAny: a catalog holds games with different settings types
export type AnyGame = GameDefinition<any>;

export interface EngineOptions {
  /** Games and apps offered by the menu, in menu order. */
  readonly catalog: readonly AnyGame[];
  readonly clock: Clock;
  readonly width?: number;
  readonly height?: number;
  /** Ticks per second, 1..120. Default 60. */
  readonly rate?: number;
  readonly sink?: FrameSink;
  readonly log?: Logger;
  /** Seed for the engine's own generator, which seeds every game launched from the menu. */
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
  readonly screensaver?: (engine: Engine) => Scene;
  /**
   * Live settings (brightness, idle time, default players, power; shut down and reboot when
   * running as the service). With controls the menu ends with a SETTINGS entry, and idle time
   * and default players are read from them.
   */
  readonly controls?: TableControls;
  /** The sound: rendered once per tick after the frame; absent = silent (names still checked). */
  readonly audio?: AudioService;
}

export interface LaunchOptions {
  readonly players?: number;
  readonly settings?: Readonly<Record<string, string | number>>;
  /** Seed for this run; default: the next number from the engine's generator. */
  readonly seed?: number;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * The heart of the table: a stack of scenes (menu at the bottom, a game or screen on top),
 * advanced once per clock tick. Each tick samples input, updates and draws the top scene into
 * the back buffer, swaps buffers and hands the finished frame to the sink. Exceptions in a game
 * end that game and show an error; the loop never stops because of a game.
 */
export class Engine {
  readonly width: number;
  readonly height: number;
  readonly rate: number;
  readonly input = new InputState();
  readonly log: Logger;
  /** The games the menu offers; replace() swaps in a new version of one (hot reload). */
  catalog: readonly AnyGame[];
  readonly scores: ScoreBook;
  /** Ticks run since start. */
  tick = 0;
  /** The most recent play(): the game and the choices it resolved to (restart, replays). */
  lastLaunch: { readonly game: AnyGame; readonly options: Required<LaunchOptions> } | undefined;
  /** The most recent game result, with its high-score record (tests and logs read it). */
  lastResult: { gameId: string; result: GameResult; record: ScoreRecord | undefined } | undefined;

  private readonly clock: Clock;
  private readonly sink: FrameSink | undefined;
  private readonly stores: GameStores;
  private readonly random: Random;
  private readonly idleTicks: number;
  private readonly options: EngineOptions;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly stack: Scene[] = [];
  private front: Canvas;
  private back: Canvas;
  private readonly graphics: Graphics;
  private idle = 0;
  /** A short notice drawn over the menu ('P2 JOINED') and the ticks it has left. */
  private notice = '';
  private noticeTicks = 0;
  private running = false;
  private readonly wiring: Wiring;

  constructor(options: EngineOptions) {
    this.options = options;
    this.width = options.width ?? 20;
    this.height = options.height ?? 15;
    this.rate = options.rate ?? 60;
    if (!Number.isInteger(this.rate) || this.rate < 1 || this.rate > 120) {
      throw new RangeError(`rate must be an integer from 1 to 120 ticks per second, got ${this.rate}`);
    }
    this.clock = options.clock;
    this.sink = options.sink;
    this.log = options.log ?? new MemoryLogger();
    this.catalog = options.catalog;
    this.random = new Random(options.seed ?? Random.freshSeed());
    this.idleTicks = Math.round((options.idleSeconds ?? 120) * this.rate);
    this.scores = new ScoreBook(options.scores ?? new InMemory<ScoreTable>({}));
    this.stores = new GameStores(options.stores ?? new InMemory<StoreTable>({}));
    this.front = new Canvas(this.width, this.height);
    this.back = new Canvas(this.width, this.height);
    this.graphics = new Graphics(this.back);
    this.wiring = wiringOf(options.layout ?? compileLayout(this.width, this.height, DEFAULT_LAYOUT));
    this.stack.push(new Menu(this));
  }

  /** The last finished frame (what the output shows). Valid until the next tick. */
  get frame(): Canvas {
    return this.front;
  }

  /**
   * Draw calls dropped because of NaN/infinite coordinates or invalid colours since start: a bug
   * in whatever drew them (the conformance test requires 0).
   */
  get invalidWrites(): number {
    return this.front.invalidWrites + this.back.invalidWrites;
  }

  /** The scene on top of the stack. */
  get top(): Scene {
    return this.stack[this.stack.length - 1]!;
  }

  /** The running game, when a game (not the menu or a screen) is on top. */
  get game(): GameRunner | undefined {
    const top = this.top;
    return top instanceof GameRunner ? top : undefined;
  }

  /** Starts the clock. */
  start(): void {
    this.running = true;
    this.clock.start(this.rate, () => this.step());
  }

  /** Stops the clock and disposes every scene. */
  stop(): void {
    this.running = false;
    this.clock.stop();
    while (this.stack.length > 0) this.stack.pop()?.dispose?.();
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** True while async work (game loading, tasks) is still pending. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves when every pending task has settled (deterministic runs call this between ticks). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Runs one tick: input, update, draw, swap, output. Called by the clock. */
  step(): void {
    this.input.sample();
    this.idle = this.input.activity ? 0 : this.idle + 1;
    const before = this.top;
    try {
      this.watchTable();
      if (this.top === before) this.top.update(this.input);
    } catch (error) {
      this.recover(before, error);
    }
    const scene = this.top;
    this.graphics.target(this.back);
    try {
      scene.draw(this.graphics);
    } catch (error) {
      this.recover(scene, error);
    }
    if (this.noticeTicks > 0) this.drawNotice();
    const shown = this.back;
    this.back = this.front;
    this.front = shown;
    this.back.copyFrom(shown);
    this.tick++;
    this.sink?.show(shown);
    this.options.audio?.renderTick();
  }

  /** The table's sound, when it has one (screens play their effects through it). */
  get audio(): AudioService | undefined {
    return this.options.audio;
  }

  /** The table's live settings, when the CLI supplied them. */
  get controls(): TableControls | undefined {
    return this.options.controls;
  }

  /**
   * Shows `text` for two seconds over the menu (not over games): pads joining, leaving and
   * coming back. The latest notice replaces the previous one.
   */
  notify(text: string): void {
    this.notice = text;
    this.noticeTicks = this.rate * 2;
  }

  private drawNotice(): void {
    this.noticeTicks--;
    if (this.game) return;
    const g = this.graphics;
    const y = this.height - 6;
    g.fillRect(0, y - 1, this.width, 7, 0x000000);
    g.banner(this.notice, y, 0x40ff80, this.rate * 2 - this.noticeTicks);
  }

  /** Replaces everything above the menu with `scene`. */
  show(scene: Scene): void {
    while (this.stack.length > 1) this.stack.pop()?.dispose?.();
    this.push(scene);
  }

  /** Pushes a scene on top (pause, screensaver). */
  push(scene: Scene): void {
    this.stack.push(scene);
    this.input.suppressHeld();
  }

  /** Removes the top scene (never the menu). */
  pop(): void {
    if (this.stack.length > 1) this.stack.pop()?.dispose?.();
    this.input.suppressHeld();
  }

  /** Back to the menu, ending whatever runs. */
  menu(): void {
    while (this.stack.length > 1) this.stack.pop()?.dispose?.();
    this.input.suppressHeld();
  }

  /** Opens the players/settings screen when the game has choices, else starts it. */
  choose(definition: AnyGame): void {
    const players = definition.players ?? { min: 1, max: 1 };
    const hasChoices = players.max > players.min || Object.keys(definition.settings ?? {}).length > 0;
    if (hasChoices) this.push(new SetupScreen(this, definition, this.stores.for('.setup')));
    else this.play(definition);
  }

  /** Starts a game or app on top of the menu. */
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
    if (runner.alive) this.show(runner); // a create() that threw has already shown its error
    return runner;
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
    this.stack[0]?.dispose?.();
    this.stack[0] = new Menu(this);
    const last = this.lastLaunch;
    if (last?.game.id !== definition.id) return undefined;
    return this.play(definition, last.options);
  }

  private services(): RunnerServices {
    return {
      width: this.width,
      height: this.height,
      rate: this.rate,
      wiring: this.wiring,
      log: (message) => this.log.info(message),
      highScore: (id, key) => this.scores.best(id, key),
      store: (id) => this.stores.for(id),
      track: (work) => {
        const tracked = work.finally(() => this.pending.delete(tracked));
        this.pending.add(tracked);
      },
      finished: (runner, result) => this.finished(runner, result),
      audio: (definition) => this.options.audio?.forGame(definition) ?? silentGameAudio(definition),
      crashed: (runner, error) => this.crashed(runner, error),
    };
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

  /** Engine-level rules checked before the top scene updates: back, lost pads, idleness. */
  private watchTable(): void {
    const game = this.game;
    if (game) {
      const lost = firstLostPlayer(this.input, game.setup.players);
      if (lost >= 0) {
        this.push(
          new PauseScreen(
            this,
            game,
            `P${lost + 1} LOST`,
            () => firstLostPlayer(this.input, game.setup.players) < 0,
          ),
        );
      } else if (this.input.any.pressed('back')) {
        if (game.definition.kind === 'app') this.menu();
        else this.push(new PauseScreen(this, game, 'PAUSE'));
      }
      return;
    }
    const idleTicks = this.options.controls
      ? Math.round(this.options.controls.idleSeconds() * this.rate)
      : this.idleTicks;
    if (this.stack.length === 1 && idleTicks > 0 && this.idle >= idleTicks) {
      this.idle = 0;
      this.push(this.options.screensaver?.(this) ?? new Screensaver(this));
    }
  }

  /** A scene other than a game threw: log it and fall back to a fresh menu. */
  private recover(scene: Scene, error: unknown): void {
    if (scene instanceof GameRunner) return; // runners report their own crashes
    this.log.error(`${scene.title} failed: ${describeError(error).message}`, error);
    while (this.stack.length > 0) this.stack.pop()?.dispose?.();
    this.stack.push(new Menu(this));
    this.push(new MessageScreen(this, `Error: ${describeError(error).message}`, 0xff3030));
  }
}

function wiringOf(layout: Layout): Wiring {
  const pixelOfLed = new Int32Array(layout.ledCount).fill(-1);
  layout.ledOf.forEach((led, pixel) => {
    if (led >= 0) pixelOfLed[led] = pixel;
  });
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
    const match = spec.values.find((v) => String(v) === String(wanted));
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
