import type { Graphics } from '../../src/index.ts';
import { drawPreview, drawWell } from './draw.ts';
import { DIM_COLORS, PENDING_BRIGHT, PENDING_DIM, VERSUS_TINTS } from './palette.ts';
import { OVER, WELL_WIDTH } from './tetris.ts';
import type { Versus } from './versus.ts';

/** First row of the pending-garbage bar: just below the next-piece preview. */
const BAR_TOP = 2;

/**
 * Versus layout on a 20×15 table: P1's well in columns 0..9, P2's in 10..19, edge to edge. Each
 * well's empty cells carry a faint tint of its player's colour; the next piece shows dimmed in
 * the well's top-right corner (columns 6..9 of the well, clear of the spawn at 3..6); pending
 * garbage is a pulsing red bar in the well's rightmost column hanging from just below that
 * preview, one cell per row (13 at most). Both wells look the same, so the previews and bars
 * never touch across the centre line. Locked cells, the ghost and the falling piece draw over
 * all three. `pulseOn` picks the bar's phase.
 */
export function drawVersus(
  g: Graphics,
  versus: Versus,
  clearTicks: number,
  overTicks: number,
  pulseOn: boolean,
): void {
  g.clear();
  const rows = g.height;
  for (let p = 0; p < 2; p++) {
    const game = versus.games[p]!;
    const wellX = p * WELL_WIDTH;
    g.fillRect(wellX, 0, WELL_WIDTH, rows, VERSUS_TINTS[p]!);
    if (game.phase !== OVER) {
      const next = game.bag.peek(0);
      drawPreview(g, next, wellX + WELL_WIDTH - 4, 0, false, DIM_COLORS[next]!);
    }
    const pending = Math.min(rows - BAR_TOP, versus.incoming[p]!.rows);
    const bar = pulseOn ? PENDING_BRIGHT : PENDING_DIM;
    for (let y = 0; y < pending; y++) g.set(wellX + WELL_WIDTH - 1, BAR_TOP + y, bar);
    drawWell(g, game, wellX, clearTicks, overTicks);
  }
}
