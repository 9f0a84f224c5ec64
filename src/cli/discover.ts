import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyGame } from '../engine/game.ts';
import { importFresh } from './fresh-import.ts';

/** The games/ folder next to src/ (also right for the compiled dist/ tree). */
export const BUILT_IN_GAMES = resolve(fileURLToPath(new URL('../../games/', import.meta.url)));

export interface Discovered {
  readonly games: AnyGame[];
  /** One line per folder that could not be loaded, naming the folder and the fix. */
  readonly problems: string[];
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Loads every `<dir>/<id>/index.ts` (or index.js in a build) whose default export is a game
 * definition with `id` equal to the folder name. A broken folder is reported and skipped, so one
 * bad game never hides the others. `version` busts the module cache, sub-modules included (hot reload).
 */
export async function discoverGames(dir = BUILT_IN_GAMES, version?: number): Promise<Discovered> {
  const games: AnyGame[] = [];
  const problems: string[] = [];
  let folders: string[];
  try {
    folders = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    return { games, problems: [`cannot read the games folder ${dir}: ${(error as Error).message}`] };
  }
  for (const folder of folders) {
    const loaded = await loadGameFolder(dir, folder, version);
    if ('game' in loaded) games.push(loaded.game);
    else problems.push(loaded.problem);
  }
  return { games, problems };
}

/**
 * Loads one game folder: its definition, or one line naming the file and the fix. With
 * `version`, the folder's modules (index.ts and every file it imports outside src/) are
 * imported fresh, bypassing the module cache (hot reload; see fresh-import.ts).
 */
export async function loadGameFolder(
  dir: string,
  folder: string,
  version?: number,
): Promise<{ game: AnyGame } | { problem: string }> {
  const file = ['index.ts', 'index.js']
    .map((name) => join(dir, folder, name))
    .find((path) => existsSync(path));
  if (!file) {
    return {
      problem: `${dir}/${folder}: no index.ts; a game folder needs index.ts that default-exports defineGame({...})`,
    };
  }
  try {
    const module = (
      version === undefined ? await import(pathToFileURL(file).href) : await importFresh(file, version)
    ) as { default?: unknown };
    const problem = checkDefinition(module.default, folder);
    return problem ? { problem: `${file}: ${problem}` } : { game: module.default as AnyGame };
  } catch (error) {
    return { problem: `${file}: failed to load: ${(error as Error).message}` };
  }
}

function checkDefinition(value: unknown, folder: string): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return 'the default export must be defineGame({ id, title, create })';
  }
  const game = value as Partial<AnyGame>;
  if (!ID.test(folder)) return `folder name "${folder}" must be lowercase letters, digits and dashes`;
  if (game.id !== folder)
    return `id is ${JSON.stringify(game.id)} but the folder is "${folder}": make them equal`;
  if (typeof game.title !== 'string' || game.title.length === 0) return 'title must be a non-empty string';
  if (typeof game.create !== 'function') return 'create(ctx) must be a function returning { update, draw }';
  const players = game.players;
  if (players && !(players.min >= 1 && players.max <= 4 && players.min <= players.max)) {
    return `players must satisfy 1 ≤ min ≤ max ≤ 4, got ${JSON.stringify(players)}`;
  }
  return iconProblem(game.icon);
}

/** Largest icon side the menu accepts (it shows up to 20×8; bigger ones are clipped). */
const MAX_ICON_SIDE = 64;

/**
 * Why an icon would break the menu (which draws it every frame), or undefined: it must be what
 * sprite() builds, a width × height of whole pixels and an Int32Array of that many colours.
 */
function iconProblem(icon: unknown): string | undefined {
  if (icon === undefined) return undefined;
  const s = icon as { width?: unknown; height?: unknown; pixels?: unknown };
  const side = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_ICON_SIDE;
  if (typeof icon !== 'object' || icon === null || !side(s.width) || !side(s.height))
    return `icon must be made with sprite([...rows], palette), 1 to ${MAX_ICON_SIDE} pixels each way`;
  if (!(s.pixels instanceof Int32Array) || s.pixels.length !== (s.width as number) * (s.height as number))
    return 'icon pixels do not match its size: build the icon with sprite([...rows], palette)';
  return undefined;
}
