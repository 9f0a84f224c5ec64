import type { SearchLimits } from './search.ts';

/**
 * Computer levels. `blunder` is the chance of a random column instead of the searched one.
 * easy: 2 plies and a blunder in 3 moves; medium: 4 plies (takes wins, blocks threats, sees
 * simple traps); hard: iterative deepening as deep as 100 000 nodes allow (9 plies from the
 * empty board, deeper later), never giving up a forced win it has seen.
 */
export const LEVELS = {
  easy: { maxDepth: 2, maxNodes: 5_000, blunder: 0.3 },
  medium: { maxDepth: 4, maxNodes: 20_000, blunder: 0 },
  hard: { maxDepth: 42, maxNodes: 100_000, blunder: 0 },
} as const satisfies Record<string, SearchLimits & { blunder: number }>;
export type Level = keyof typeof LEVELS;

/**
 * Search nodes per tick: about 0.4 µs each on a laptop core, so a thinking tick costs about
 * 250 µs here (1.3–2.5 ms on a Raspberry Pi 4), far below the 16.7 ms of a 60 Hz tick.
 * The hard level's longest think is then 100 000 / 600 ≈ 170 ticks (under 3 s; about 1 s on average).
 */
export const NODES_PER_TICK = 600;
