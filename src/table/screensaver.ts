import type { Scene } from '../engine/scene.ts';
import { hsv } from '../gfx/color.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { TableHost } from './host.ts';

/** A slow, dim colour wash shown when the menu sits idle; any button returns to the menu. */
export class Screensaver implements Scene {
  readonly title = 'Screensaver';
  private t = 0;

  constructor(private readonly host: TableHost) {}

  update(input: Input): void {
    this.t++;
    if (this.host.input.activity && input.any.anyPressed()) this.host.pop();
  }

  draw(g: Graphics): void {
    const phase = this.t / this.host.rate;
    for (let y = 0; y < g.height; y++) {
      for (let x = 0; x < g.width; x++) {
        const wave =
          Math.sin(x * 0.35 + phase) +
          Math.sin(y * 0.45 - phase * 0.7) +
          Math.sin((x + y) * 0.2 + phase * 0.4);
        g.set(x, y, hsv(phase * 12 + wave * 40, 0.9, 0.25 + 0.1 * wave));
      }
    }
  }
}
