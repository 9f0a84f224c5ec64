import type { Graphics } from '../../src/index.ts';
import { drawPreview, drawWell } from './draw.ts';
import { DIM_COLORS, PENDING_BRIGHT, PENDING_DIM, VERSUS_TINTS } from './palette.ts';
import { OVER, WELL_WIDTH } from './tetris.ts';
import type { Versus } from './versus.ts';

/**
 * Versus layout on a 20×15 table: P1's well in columns 0..9, P2's in 10..19, edge to edge. Each
 * well's empty cells carry a faint tint of its player's colour; the next piece shows dimmed in
 * the well's inner top corner (the two previews meet at the centre line); pending garbage is a
 * pulsing red bar hanging from the top of the well's outer column, one cell per row. Locked
 * cells, the ghost and the falling piece draw over all three. `pulseOn` picks the bar's phase.
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
      drawPreview(g, next, p === 0 ? wellX + WELL_WIDTH - 4 : wellX, 0, p === 1, DIM_COLORS[next]!);
    }
    const pending = Math.min(rows, versus.incoming[p]!.rows);
    const outer = p === 0 ? wellX : wellX + WELL_WIDTH - 1;
    const bar = pulseOn ? PENDING_BRIGHT : PENDING_DIM;
    for (let y = 0; y < pending; y++) g.set(outer, y, bar);
    drawWell(g, game, wellX, clearTicks, overTicks);
  }
}
