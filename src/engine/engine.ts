import { Canvas } from '../gfx/canvas.ts';
import { Graphics } from '../gfx/graphics.ts';
import { InputState } from '../input/input-state.ts';
import type { Clock } from './clock.ts';
import { GameRunner } from './game-runner.ts';
import { type Logger, MemoryLogger } from './log.ts';
import type { FrameSink, Scene } from './scene.ts';

export interface EngineOptions {
  readonly clock: Clock;
  readonly width?: number;
  readonly height?: number;
  /** Ticks per second, 1..120. Default 60. */
  readonly rate?: number;
  readonly sink?: FrameSink;
  readonly log?: Logger;
}

/**
 * What runs on top of the loop (the table's shell). The engine calls it at three points of a
 * tick and knows nothing else about menus, screens or scores.
 */
export interface EngineShell {
  /** Once per tick, after input is sampled and before the top scene updates; may change the stack. */
  beforeUpdate(): void;
  /** After the top scene drew, before the frame is presented: overlays such as notices. */
  overlay(g: Graphics): void;
  /** A scene other than a game threw (games report their own crashes): restore a sane stack. */
  failed(scene: Scene, error: unknown): void;
  /** Once per tick, after the update: per-tick services that follow the loop (sound). */
  afterUpdate?(): void;
}

/**
 * The loop: clock → sample input → update the top scene → draw → present. It owns the scene
 * stack and the two canvases (allocated once). When the clock reports several due ticks after a
 * stall, each one samples input and updates, and the frame is drawn and presented once: a late
 * wake never pushes a burst of frames down a slow wire.
 */
export class Engine {
  readonly width: number;
  readonly height: number;
  readonly rate: number;
  readonly input: InputState;
  readonly log: Logger;
  /** Ticks run since start (updates, not frames). */
  tick = 0;
  /** Frames drawn and presented since start. */
  frames = 0;
  shell: EngineShell | undefined;

  private readonly clock: Clock;
  private readonly sink: FrameSink | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly stack: Scene[] = [];
  private front: Canvas;
  private back: Canvas;
  private readonly graphics: Graphics;
  private running = false;

  constructor(options: EngineOptions) {
    this.width = options.width ?? 20;
    this.height = options.height ?? 15;
    this.rate = options.rate ?? 60;
    if (!Number.isInteger(this.rate) || this.rate < 1 || this.rate > 120) {
      throw new RangeError(`rate must be an integer from 1 to 120 ticks per second, got ${this.rate}`);
    }
    this.input = new InputState(this.rate);
    this.clock = options.clock;
    this.sink = options.sink;
    this.log = options.log ?? new MemoryLogger();
    this.front = new Canvas(this.width, this.height);
    this.back = new Canvas(this.width, this.height);
    this.graphics = new Graphics(this.back);
  }

  /** The last finished frame (what the output shows). Valid until the next frame. */
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
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('the engine has no scene: call reset(root) before the first tick');
    return top;
  }

  /** Scenes on the stack, the root (menu) included. */
  get depth(): number {
    return this.stack.length;
  }

  /** The running game, when a game (not the menu or a screen) is on top. */
  get game(): GameRunner | undefined {
    const top = this.stack[this.stack.length - 1];
    return top instanceof GameRunner ? top : undefined;
  }

  /** Starts the clock. */
  start(): void {
    this.running = true;
    this.clock.start(this.rate, (due) => this.advance(due));
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

  /** Tracks async work so deterministic runs can wait for it (settle()). */
  track(work: Promise<unknown>): void {
    const tracked = work.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Resolves when every pending task has settled (deterministic runs call this between ticks). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Runs one tick and presents its frame. */
  step(): void {
    this.advance(1);
  }

  /** Runs `due` ticks (input and update each), then draws and presents one frame. */
  advance(due: number): void {
    for (let i = 0; i < due; i++) this.update();
    this.render();
  }

  private update(): void {
    this.input.sample();
    const before = this.top;
    try {
      this.shell?.beforeUpdate();
      if (this.top === before) this.top.update(this.input);
    } catch (error) {
      this.fail(before, error);
    }
    this.tick++;
    this.shell?.afterUpdate?.();
  }

  private render(): void {
    const scene = this.top;
    this.graphics.target(this.back);
    try {
      scene.draw(this.graphics);
    } catch (error) {
      this.fail(scene, error);
    }
    this.shell?.overlay(this.graphics);
    const shown = this.back;
    this.back = this.front;
    this.front = shown;
    this.back.copyFrom(shown);
    this.frames++;
    this.sink?.show(shown);
  }

  private fail(scene: Scene, error: unknown): void {
    if (scene instanceof GameRunner) return; // runners report their own crashes
    if (!this.shell) throw error;
    this.shell.failed(scene, error);
  }

  /** Empties the stack and puts `root` at its bottom (the menu). */
  reset(root: Scene): void {
    while (this.stack.length > 0) this.stack.pop()?.dispose?.();
    this.stack.push(root);
    this.input.suppressHeld();
  }

  /** Replaces the bottom scene, keeping what is above it (hot reload's new menu). */
  replaceRoot(root: Scene): void {
    this.stack[0]?.dispose?.();
    this.stack[0] = root;
  }

  /** Pushes a scene on top (a game, pause, screensaver). */
  push(scene: Scene): void {
    this.stack.push(scene);
    this.input.suppressHeld();
  }

  /** Removes the top scene (never the root). */
  pop(): void {
    if (this.stack.length > 1) this.stack.pop()?.dispose?.();
    this.input.suppressHeld();
  }

  /** Removes every scene above the root. */
  popToRoot(): void {
    while (this.stack.length > 1) this.stack.pop()?.dispose?.();
    this.input.suppressHeld();
  }
}
