import type { GameRunner } from '../engine/game-runner.ts';
import type { Scene } from '../engine/scene.ts';
import { Canvas } from '../gfx/canvas.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { TableHost } from './host.ts';

/**
 * Freezes a game under a dimmed copy of its last frame. A or start resumes, back quits to the
 * menu. With `resumeWhen` (a lost pad) it also resumes by itself once the condition holds, and
 * cannot be resumed by hand before.
 */
export class PauseScreen implements Scene {
  readonly title: string;
  private readonly frozen: Canvas;
  private shownFor = 0;

  constructor(
    private readonly host: TableHost,
    /** The paused game. */
    readonly game: GameRunner,
    private readonly label: string,
    private readonly resumeWhen?: () => boolean,
  ) {
    this.title = `${game.title} (${label.toLowerCase()})`;
    this.frozen = new Canvas(host.width, host.height);
    this.frozen.copyFrom(host.frame);
    host.sound?.play('pause');
    host.sound?.duck(true);
  }

  /** Leaving the pause (resume or quit) brings the music back; a quit game's music fades out. */
  dispose(): void {
    this.host.sound?.duck(false);
  }

  /** False while waiting for a lost pad: only its return resumes the game. */
  get resumable(): boolean {
    return this.resumeWhen === undefined;
  }

  update(input: Input): void {
    this.shownFor++;
    if (input.any.pressed('back')) {
      this.host.menu();
      return;
    }
    const canResume = this.resumeWhen ? this.resumeWhen() : true;
    const asked = input.any.confirm();
    if (canResume && (asked || this.resumeWhen)) {
      this.host.sound?.play('resume');
      this.host.pop();
    }
  }

  draw(g: Graphics): void {
    const source = this.frozen.pixels;
    const target = g.canvas.pixels;
    for (let i = 0; i < source.length; i++) target[i] = (source[i]! * 0.4) | 0;
    g.banner(this.label, Math.floor((g.height - 5) / 2), 0xffffff, this.shownFor);
  }
}
