import type { Scene } from '../engine/scene.ts';
import { FONT_3X5 } from '../gfx/font.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { TableHost } from '../table/host.ts';

/** How long the code stays on the table unless a phone pairs first or a button closes it. */
const SHOWN_SECONDS = 30;

/**
 * The pairing code on the table, over whatever runs (a game underneath waits, as under the pause
 * screen): "CODE" and the digits. It closes when a phone paired with it, after 30 s, or on A,
 * B or back at the table.
 */
export class CodeScreen implements Scene {
  readonly title = 'Pairing code';
  private shownFor = 0;

  constructor(
    private readonly host: Pick<TableHost, 'rate' | 'pop'>,
    /** The digits shown (tests read them here, as a person reads the table). */
    public code: string,
  ) {}

  update(input: Input): void {
    this.shownFor++;
    const closed = input.any.pressed('a') || input.any.pressed('b') || input.any.pressed('back');
    if (closed || this.shownFor > this.host.rate * SHOWN_SECONDS) this.host.pop();
  }

  draw(g: Graphics): void {
    g.clear();
    const label = 'CODE';
    const top = Math.max(0, Math.floor(g.height / 2) - 6);
    g.text(label, Math.floor((g.width - g.textWidth(label, FONT_3X5)) / 2), top, 0x3080ff, FONT_3X5);
    g.text(
      this.code,
      Math.floor((g.width - g.textWidth(this.code, FONT_3X5)) / 2),
      top + 7,
      0xffd000,
      FONT_3X5,
    );
    // A shrinking line: the time left.
    const left = Math.ceil(
      (g.width * (this.host.rate * SHOWN_SECONDS - this.shownFor)) / (this.host.rate * SHOWN_SECONDS),
    );
    g.fillRect(0, g.height - 1, Math.max(0, left), 1, 0x303030);
  }
}
