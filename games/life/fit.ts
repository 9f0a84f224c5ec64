import { LifeGrid } from './grid.ts';
import { transform } from './patterns.ts';
import type { Rule } from './rule.ts';

/** Width and height of the largest bounding box a pattern reaches in one generation. */
export interface Envelope {
  readonly width: number;
  readonly height: number;
}

/**
 * The widest and tallest any single generation of `rows` gets over `generations` steps on an
 * open plane (simulated on a torus with room to spare). Two live regions separated by two dead
 * columns never interact, so on a torus a pattern evolves exactly as on the plane when every
 * generation leaves a gap of two cells: width + 2 ≤ table width, height + 2 ≤ table height.
 */
export function envelope(rows: readonly string[], rule: Rule, generations: number): Envelope {
  const side = Math.max(rows.length, rows[0]?.length ?? 0) + 2 * generations + 8;
  const grid = new LifeGrid(side, side);
  grid.place(rows, generations + 4, generations + 4);
  let width = 0;
  let height = 0;
  for (let g = 0; g <= generations; g++) {
    const box = boundingBox(grid);
    width = Math.max(width, box.width);
    height = Math.max(height, box.height);
    grid.step(rule);
  }
  return { width, height };
}

function boundingBox(grid: LifeGrid): Envelope {
  let minX = grid.width;
  let maxX = -1;
  let minY = grid.height;
  let maxY = -1;
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      if (grid.cells[y * grid.width + x] !== 1) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return maxX < 0 ? { width: 0, height: 0 } : { width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * The orientations (variants of `transform`, 0..7) in which a pattern with this envelope keeps
 * its open-plane behaviour on a `width`×`height` torus; variants 4..7 swap rows and columns.
 * Empty when none fits (the table is too small for it).
 */
export function fittingVariants(shape: Envelope, width: number, height: number): number[] {
  const variants: number[] = [];
  for (let v = 0; v < 8; v++) {
    const w = v & 4 ? shape.height : shape.width;
    const h = v & 4 ? shape.width : shape.height;
    if (w + 2 <= width && h + 2 <= height) variants.push(v);
  }
  return variants;
}

/** Every orientation of `rows` (for tests and tools that want to see them). */
export function orientations(rows: readonly string[]): string[][] {
  return Array.from({ length: 8 }, (_, v) => transform(rows, v));
}
