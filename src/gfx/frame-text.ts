import type { Canvas } from './canvas.ts';
import { type Color, toHex } from './color.ts';

/**
 * A frame as ASCII art, one line per row: '.' for black; with a legend (char → colour) each
 * listed colour prints as its char and any other as '?'; without one, every lit pixel is '#'.
 */
export function frameToText(canvas: Canvas, legend?: Readonly<Record<string, Color>>): string {
  const byColor = new Map<Color, string>();
  if (legend) for (const [char, color] of Object.entries(legend)) byColor.set(color, char);
  const lines: string[] = [];
  for (let y = 0; y < canvas.height; y++) {
    let line = '';
    for (let x = 0; x < canvas.width; x++) {
      const color = canvas.get(x, y);
      line += byColor.get(color) ?? (color === 0 ? '.' : legend ? '?' : '#');
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The `--dump` format: `height` lines of `width` rrggbb values separated by single spaces. */
export function frameToHex(canvas: Canvas): string {
  const lines: string[] = [];
  for (let y = 0; y < canvas.height; y++) {
    const row: string[] = [];
    for (let x = 0; x < canvas.width; x++) row.push(toHex(canvas.get(x, y)));
    lines.push(row.join(' '));
  }
  return lines.join('\n');
}
