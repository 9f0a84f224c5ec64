import { join } from 'node:path';
import { JsonFile } from '../config/json-store.ts';
import type { GameParams } from '../config/options.ts';
import { checkGameParams } from '../config/params.ts';
import { dataDirectory } from '../config/paths.ts';
import { closest } from '../config/suggest.ts';
import type { AnyGame } from '../engine/game.ts';
import type { Logger } from '../engine/log.ts';
import { type Layout, layoutFromSpec } from '../output/layout.ts';
import {
  type ScoreTable,
  type StoreTable,
  scoreTableProblem,
  storeTableProblem,
} from '../table/persistence.ts';
import type { TableOptions } from '../table/table.ts';
import { audioInputFactory } from './audio-input.ts';
import { BUILT_IN_GAMES, discoverGames } from './discover.ts';
import { UsageError } from './io.ts';
import type { Options } from './options.ts';

/** What every command that runs games needs, assembled once from the options. */
export interface TableSetup {
  readonly options: Options;
  readonly layout: Layout;
  readonly catalog: AnyGame[];
  readonly gamesDir: string;
  readonly dataDir: string;
  /** Table options shared by interactive and headless runs (clock, sink and log are added by the caller). */
  readonly tableBase: Pick<
    TableOptions,
    'catalog' | 'width' | 'height' | 'rate' | 'idleSeconds' | 'layout' | 'params' | 'audioIn'
  >;
}

/** Loads games and wiring; a bad layout is a UsageError, a broken game folder only a warning. */
export async function prepareTable(
  options: Options,
  gameParams: GameParams,
  log: Logger,
): Promise<TableSetup> {
  let layout: Layout;
  try {
    layout = layoutFromSpec(options.layout, options.width, options.height);
  } catch (error) {
    throw new UsageError(`--layout ${options.layout}: ${(error as Error).message}`);
  }
  const gamesDir = options.games || BUILT_IN_GAMES;
  const { games, problems } = await discoverGames(gamesDir);
  for (const problem of problems) log.warn(problem);
  return {
    options,
    layout,
    catalog: games,
    gamesDir,
    dataDir: dataDirectory(options, process.env),
    tableBase: {
      catalog: games,
      width: options.width,
      height: options.height,
      rate: options.fps,
      idleSeconds: options.idle,
      layout,
      params: (id) => ({ ...gameParams[id] }),
      ...optional('audioIn', audioInputFactory(options.audioIn, false)),
    },
  };
}

/** Persistent high scores and game stores in the data directory. */
export function persistentStores(dataDir: string, log: Logger): Pick<TableOptions, 'scores' | 'stores'> {
  const report = (message: string) => log.warn(message);
  return {
    scores: new JsonFile<ScoreTable>(join(dataDir, 'scores.json'), () => ({}), report, scoreTableProblem),
    stores: new JsonFile<StoreTable>(join(dataDir, 'games.json'), () => ({}), report, storeTableProblem),
  };
}

/** The game with this id, or a UsageError that suggests the nearest id. */
export function findGame(catalog: readonly AnyGame[], id: string | undefined): AnyGame {
  if (!id) throw new UsageError('play needs a game id: ledtable play <id> (see ledtable list)');
  const game = catalog.find((g) => g.id === id);
  if (game) return game;
  const ids = catalog.map((g) => g.id);
  const near = closest(id, ids);
  throw new UsageError(
    `no game "${id}"${near ? `; did you mean "${near}"?` : ''} (available: ${ids.join(', ')})`,
  );
}

/**
 * `--players N` for this game, checked against what it declares: {} for 0 (the table chooses),
 * { players: N } in range, else a UsageError naming the game's range.
 */
export function playersFor(game: AnyGame, requested: number): { players?: number } {
  if (!requested) return {};
  const { min, max } = game.players ?? { min: 1, max: 1 };
  if (requested >= min && requested <= max) return { players: requested };
  const range = min === max ? `${min}` : max === min + 1 ? `${min} or ${max}` : `${min} to ${max}`;
  throw new UsageError(
    `--players ${requested}: ${game.title} takes ${range} player${max === 1 ? '' : 's'} (ledtable list shows each game's players)`,
  );
}

/**
 * Splits `--set` values for the game being played into its declared settings and free-form
 * params. Values for '*' apply to this game.
 */
export function choicesFor(
  game: AnyGame,
  gameParams: GameParams,
): { settings: Record<string, string | number>; params: Record<string, string | number | boolean> } {
  const star = checkGameParams([], { '*': gameParams['*'] ?? {} }, game);
  if (star.problems.length > 0) throw new UsageError(star.problems.join('\n'));
  const merged = { ...gameParams[game.id], ...star.params['*'] };
  const settings: Record<string, string | number> = {};
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (game.settings && key in game.settings)
      settings[key] = typeof value === 'boolean' ? String(value) : value;
    else params[key] = value;
  }
  return { settings, params };
}

/** `{ [key]: value }`, or nothing when the value is undefined (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
