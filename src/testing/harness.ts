import type { ManualClock } from '../engine/clock.ts';
import type { Engine } from '../engine/engine.ts';
import type { AnyGame, GameResult } from '../engine/game.ts';
import type { GameRunner } from '../engine/game-runner.ts';
import { MemoryLogger } from '../engine/log.ts';
import type { Canvas } from '../gfx/canvas.ts';
import type { Color } from '../gfx/color.ts';
import { frameToText } from '../gfx/frame-text.ts';
import type { Button } from '../input/buttons.ts';
import type { AudioInputFactory } from '../sound-in/audio-input.ts';
import type { LaunchOptions } from '../table/host.ts';
import { Stepper } from '../table/stepper.ts';
import type { Table } from '../table/table.ts';

export interface HarnessOptions extends LaunchOptions {
  readonly width?: number;
  readonly height?: number;
  /** Ticks per second; default 60. */
  readonly rate?: number;
  /** ctx.now(): a start in ms that advances with the ticks, or a function (see TableOptions). */
  readonly wallClock?: number | (() => number);
  /** ctx.audioIn(): sound for apps that listen (e.g. a WAV file through PcmCapture). */
  readonly audioIn?: AudioInputFactory;
}

/**
 * Runs one game through the real engine with a manual clock, scripted buttons and no output:
 * press, step, read the frame. Every step waits for the game's pending tasks first, so async
 * loading lands on a deterministic tick.
 *
 *   const t = await Harness.start(snake, { seed: 1 });
 *   t.press('left'); await t.step(10);
 *   assert.is(t.frame(), `....`);
 */
export class Harness {
  /** The table shell (menu, scores, screens) around the game. */
  readonly table: Table;
  /** The loop: frame, input, scene stack. */
  readonly engine: Engine;
  readonly clock: ManualClock;
  readonly log = new MemoryLogger();
  /** Names of the sounds the game played, in order ('lock', music as 'music:theme'); clear it freely. */
  readonly sounds: string[] = [];
  readonly runner: GameRunner;
  private readonly stepper: Stepper;

  private constructor(game: AnyGame, options: HarnessOptions) {
    this.stepper = new Stepper({
      catalog: [game],
      log: this.log,
      seed: options.seed ?? 1,
      idleSeconds: 0,
      onSound: (name) => this.sounds.push(name),
      ...(options.width === undefined ? {} : { width: options.width }),
      ...(options.height === undefined ? {} : { height: options.height }),
      ...(options.rate === undefined ? {} : { rate: options.rate }),
      ...(options.wallClock === undefined ? {} : { wallClock: options.wallClock }),
      ...(options.audioIn === undefined ? {} : { audioIn: options.audioIn }),
    });
    this.table = this.stepper.table;
    this.engine = this.stepper.engine;
    this.clock = this.stepper.clock;
    this.runner = this.table.play(game, { seed: 1, ...options });
  }

  /** Creates the engine, starts the game and waits for an async create() to finish. */
  static async start(game: AnyGame, options: HarnessOptions = {}): Promise<Harness> {
    const harness = new Harness(game, options);
    await harness.engine.settle();
    return harness;
  }

  /** Holds a button down from the next tick on. */
  press(button: Button, player = 0): this {
    this.engine.input.push({ player, button, down: true });
    return this;
  }

  /** Lets go of a button at the next tick. */
  release(button: Button, player = 0): this {
    this.engine.input.push({ player, button, down: false });
    return this;
  }

  /** Press and release: `pressed` on the next tick, released the tick after. */
  tap(button: Button, player = 0): this {
    return this.press(button, player).release(button, player);
  }

  /** Runs `ticks` ticks, waiting for pending tasks before each. */
  async step(ticks = 1): Promise<this> {
    await this.stepper.step(ticks);
    return this;
  }

  /**
   * Runs one tick at once, without waiting for the game's pending tasks (step() waits): for
   * loops of many ticks where `engine.busy` is false, as in randomPlay.
   */
  stepNow(): this {
    this.stepper.stepNow();
    return this;
  }

  /** Holds `button` for exactly `ticks` ticks, then releases it (the release shows next tick). */
  async hold(button: Button, ticks: number, player = 0): Promise<this> {
    this.press(button, player);
    await this.step(ticks);
    return this.release(button, player);
  }

  /** Unplugs or replugs a player's device. */
  connect(player: number, connected: boolean): this {
    this.engine.input.setConnected(player, connected);
    return this;
  }

  /** The last frame as ASCII art (see frameToText for the legend). */
  frame(legend?: Readonly<Record<string, Color>>): string {
    return frameToText(this.engine.frame, legend);
  }

  get canvas(): Canvas {
    return this.engine.frame;
  }

  pixel(x: number, y: number): Color {
    return this.engine.frame.get(x, y);
  }

  /** What the game passed to ctx.end(), once it ended. */
  get result(): GameResult | undefined {
    return this.table.lastResult?.result;
  }

  /** True while the game is still the scene on top (not ended, crashed or paused). */
  get playing(): boolean {
    return this.engine.game === this.runner;
  }

  /** The error message if the game crashed. */
  get crash(): string | undefined {
    return this.log.lines.find((line) => line.startsWith('error:'));
  }
}
