import type { Canvas } from '../gfx/canvas.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';

/** Anything on the engine's stack: the menu, a running game, a result or error screen. */
export interface Scene {
  /** Shown in the status line and logs. */
  readonly title: string;
  /** What to press here, one short line for the terminal's status line ("A resumes · back quits"). */
  readonly hint?: string;
  update(input: Input): void;
  draw(g: Graphics): void;
  dispose?(): void;
}

/** Where finished frames go: the output stage (colour pipeline, layout, drivers) or a test. */
export interface FrameSink {
  /** Called once per tick with the frame just drawn. The canvas is reused: copy to keep it. */
  show(frame: Canvas): void;
}
