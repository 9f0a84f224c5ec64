import type { GameAudio } from '../audio/game-audio.ts';
import type { Graphics } from '../gfx/graphics.ts';
import { drawSpinner } from '../gfx/spinner.ts';
import type { Input } from '../input/buttons.ts';
import type { AudioInput } from '../sound-in/audio-input.ts';
import type {
  GameContext,
  GameDefinition,
  GameInstance,
  GameResult,
  GameStore,
  SettingSpecs,
  Wiring,
} from './game.ts';
import type { LiveFeed } from './live-feed.ts';
import { describeError } from './log.ts';
import type { Random } from './random.ts';
import type { Scene } from './scene.ts';

/** What a running game needs from the engine. */
export interface RunnerServices {
  readonly width: number;
  readonly height: number;
  readonly rate: number;
  readonly wiring: Wiring;
  /** Network frames for ctx.live, when the table listens. */
  readonly live?: LiveFeed | undefined;
  log(message: string): void;
  highScore(gameId: string, scoreKey: string): number | undefined;
  store(gameId: string): GameStore;
  /** Wall-clock ms since 1970 (see GameContext.now). */
  now(): number;
  /** Opens sound capture for one run, if the table has any. */
  audioIn(): AudioInput | undefined;
  /** Tracks async work so deterministic runs can wait for it. */
  track(work: Promise<unknown>): void;
  finished(runner: GameRunner, result: GameResult): void;
  /** The game's sounds (silent ones when the table has no audio); throws for a bad sounds text. */
  audio(definition: GameDefinition<SettingSpecs>): GameAudio;
  crashed(runner: GameRunner, error: unknown): void;
}

export interface RunnerSetup {
  readonly players: number;
  readonly settings: Readonly<Record<string, string | number>>;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly random: Random;
}

/**
 * Runs one game instance as a scene: builds its context, and turns any exception in create,
 * update, draw or a task into `crashed` so the engine can return to the menu.
 */
export class GameRunner implements Scene {
  readonly title: string;
  private instance: GameInstance | undefined;
  private result: GameResult | undefined;
  private stopped = false;
  private audio: GameAudio | undefined;
  private audioInput: AudioInput | undefined;
  ticks = 0;

  constructor(
    readonly definition: GameDefinition<SettingSpecs>,
    readonly setup: RunnerSetup,
    private readonly services: RunnerServices,
  ) {
    this.title = definition.title;
    try {
      this.audio = services.audio(definition);
      const context = this.context(this.audio);
      const created = definition.create(context);
      if (created instanceof Promise) {
        services.track(
          created.then(
            (instance) => {
              if (this.stopped) instance.dispose?.();
              else this.instance = instance;
            },
            (error: unknown) => this.crash(error),
          ),
        );
      } else {
        this.instance = created;
      }
    } catch (error) {
      this.crash(error);
    }
  }

  /** False once the game has ended, crashed or been disposed. */
  get alive(): boolean {
    return !this.stopped;
  }

  /** True once the game's instance exists (async create has finished). */
  get ready(): boolean {
    return this.instance !== undefined;
  }

  update(input: Input): void {
    if (this.stopped || !this.instance) return;
    this.ticks++;
    try {
      this.instance.update(input);
    } catch (error) {
      this.crash(error);
      return;
    }
    if (this.result && !this.stopped) this.services.finished(this, this.result);
  }

  draw(g: Graphics): void {
    if (this.stopped) return;
    if (!this.instance) {
      drawSpinner(g, this.ticks++); // an async create() is still loading
      return;
    }
    try {
      this.instance.draw(g);
    } catch (error) {
      this.crash(error);
    }
  }

  dispose(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.audio?.dispose();
    try {
      this.instance?.dispose?.();
    } catch (error) {
      this.services.log(`${this.definition.id}: dispose threw ${describeError(error).message}`);
    }
    this.audioInput?.close();
  }

  /** Ends the game as a crash (an error from its timers or stray promises, a watchdog). */
  fail(error: unknown): void {
    this.crash(error);
  }

  private crash(error: unknown): void {
    if (this.stopped) return;
    this.services.crashed(this, error);
  }

  private context(audio: GameAudio): GameContext<SettingSpecs> {
    const runner = this;
    const { definition, setup, services } = this;
    return {
      width: services.width,
      height: services.height,
      players: setup.players,
      random: setup.random,
      settings: setup.settings,
      params: setup.params,
      store: services.store(definition.id),
      wiring: services.wiring,
      live: services.live,
      get tick() {
        return runner.ticks;
      },
      rate: services.rate,
      ticks: (seconds: number) => (seconds > 0 ? Math.max(1, Math.round(seconds * services.rate)) : 0),
      highScore: (scoreKey = 'default') => services.highScore(definition.id, scoreKey),
      end: (result: GameResult = {}) => {
        runner.result ??= result;
      },
      task: (work: Promise<unknown>) => {
        services.track(work.then(undefined, (error: unknown) => runner.crash(error)));
      },
      log: (message: string) => services.log(`${definition.id}: ${message}`),
      sound: audio.sound,
      music: audio.music,
      now: () => services.now(),
      audioIn: () => {
        runner.audioInput ??= services.audioIn();
        return runner.audioInput;
      },
    };
  }
}
