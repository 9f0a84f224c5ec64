import type { Scene } from '../engine/scene.ts';
import type { Color } from '../gfx/color.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { TableHost } from './host.ts';

/**
 * A short message framed in `color` (errors are red). Returns to the menu on a press after one
 * second, or by itself after eight.
 */
export class MessageScreen implements Scene {
  readonly title = 'Message';
  private shownFor = 0;

  constructor(
    private readonly host: TableHost,
    private readonly text: string,
    private readonly color: Color,
  ) {}

  update(input: Input): void {
    this.shownFor++;
    const rate = this.host.rate;
    const pressed = input.any.confirm() || input.any.pressed('back');
    if ((this.shownFor > rate && pressed) || this.shownFor > rate * 8) this.host.menu();
  }

  draw(g: Graphics): void {
    g.clear();
    g.rect(0, 0, g.width, g.height, this.color);
    g.banner(this.text.toUpperCase(), Math.floor((g.height - 5) / 2), 0xffffff, this.shownFor, {
      x: 1,
      width: g.width - 2,
    });
  }
}
