import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyGame } from '../engine/game.ts';
import { parseReplay, type Replay } from '../replay/replay.ts';

/** Demo replays shipped with ledtable (made by `npm run gallery`). */
export const BUILT_IN_REPLAYS = fileURLToPath(new URL('../../assets/replays/', import.meta.url));

/** A demo: a game and a recording of it. */
export interface Demo {
  readonly game: AnyGame;
  readonly replay: Replay;
}

/**
 * Reads every `*.json` replay in `dir` whose game is in the catalog and whose size and rate
 * match the table; files that do not parse are reported through `warn` and skipped.
 */
export function loadDemos(
  dir: string,
  catalog: readonly AnyGame[],
  table: { width: number; height: number; rate: number },
  warn: (message: string) => void = () => {},
): Demo[] {
  if (!existsSync(dir)) return [];
  const demos: Demo[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = join(dir, name);
    try {
      const replay = parseReplay(JSON.parse(readFileSync(file, 'utf8')), file);
      const game = catalog.find((g) => g.id === replay.game);
      const fits =
        replay.width === table.width && replay.height === table.height && replay.rate === table.rate;
      if (game && fits) demos.push({ game, replay });
    } catch (error) {
      warn(`game demos: skipped ${file}: ${(error as Error).message}`);
    }
  }
  return demos;
}
