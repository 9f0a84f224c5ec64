import type { Scene } from '../engine/scene.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { TableHost } from './host.ts';

/** What a long job reports to its progress screen. */
export interface Progress {
  /** The current step, short (e.g. "BUILD"). */
  step: string;
  /** Share of the work done, 0..1. */
  done: number;
  /** Set once the job has finished: success or not, and a line to show (scrolls). */
  result?: { readonly ok: boolean; readonly message: string };
}

/** Ticks between two calls of a progress screen's `refresh` (a job in another process is polled). */
export const REFRESH_TICKS = 30;

/**
 * A long job on the table (the update): a title, the current step and a bar while it runs;
 * then the result in green or red, scrolling when long. Back leaves once the job has finished
 * (while it runs the table stays on this screen, so nobody starts a game mid-update).
 * `refresh`, when given, runs on the first tick and every REFRESH_TICKS after until there is a
 * result: it updates `progress` from a job that runs elsewhere.
 */
export class ProgressScreen implements Scene {
  private ticks = 0;

  constructor(
    private readonly host: TableHost,
    readonly title: string,
    private readonly progress: Progress,
    private readonly refresh?: () => void,
  ) {}

  update(input: Input): void {
    if (this.refresh && !this.progress.result && this.ticks % REFRESH_TICKS === 0) this.refresh();
    this.ticks++;
    if (this.progress.result && (input.any.pressed('back') || input.any.pressed('a'))) this.host.pop();
  }

  draw(g: Graphics): void {
    g.clear();
    g.banner(this.title.toUpperCase(), 0, 0x808080, this.ticks);
    const result = this.progress.result;
    if (result) {
      const color = result.ok ? 0x40ff60 : 0xff4030;
      g.banner(result.ok ? 'DONE' : 'FAIL', 5, color, this.ticks);
      g.banner(result.message.toUpperCase(), 10, color, this.ticks);
      return;
    }
    g.banner(this.progress.step.toUpperCase(), 6, 0xffffff, this.ticks);
    const filled = Math.max(0, Math.min(1, this.progress.done)) * g.width;
    for (let x = 0; x < g.width; x++) {
      const share = Math.min(1, Math.max(0, filled - x));
      g.set(x, 12, share > 0 ? (share >= 1 ? 0x2080ff : 0x103060) : 0x101010);
    }
    // a moving dot shows the job is alive even when a step takes minutes
    g.set(Math.floor(this.ticks / 4) % g.width, 13, 0x2080ff);
  }
}
