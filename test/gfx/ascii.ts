import type { Canvas } from '../../src/gfx/canvas.ts';
import type { Color } from '../../src/gfx/color.ts';

/**
 * Test helper: the canvas as lines of text. Black is '.', a colour listed in `legend` prints as
 * its key, any other lit pixel as '#' (or '?' when a legend is given, so surprises show up).
 */
export function ascii(c: Canvas, legend?: Readonly<Record<string, Color>>): string[] {
  const lines: string[] = [];
  for (let y = 0; y < c.height; y++) {
    let line = '';
    for (let x = 0; x < c.width; x++) {
      const color = c.get(x, y);
      const key = legend ? Object.keys(legend).find((k) => legend[k] === color) : undefined;
      line += key ?? (color === 0 ? '.' : legend ? '?' : '#');
    }
    lines.push(line);
  }
  return lines;
}
