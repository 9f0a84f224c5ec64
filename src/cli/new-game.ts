import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './io.ts';

/** Folder names the engine loads: lowercase letters, digits and dashes (see discover.ts). */
const VALID_ID = /^[a-z0-9][a-z0-9-]*$/;
const TEMPLATES = fileURLToPath(new URL('./templates/game/', import.meta.url));
const SOURCE_ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface NewGame {
  /** The folder created: <gamesDir>/<id>. */
  readonly dir: string;
  /** Paths written, relative to `dir`. */
  readonly files: readonly string[];
}

/** "my-game" → "My game". */
export function titleOf(id: string): string {
  const words = id.replace(/-+/g, ' ').trim();
  return words.slice(0, 1).toUpperCase() + words.slice(1);
}

/**
 * Scaffolds `<gamesDir>/<id>/` with a small working game (catch the falling dots), its Harness
 * test and a README. Throws a UsageError (exit code 2) for an id that is not a valid folder
 * name or that an existing folder already uses; never overwrites anything.
 */
export function createGame(id: string | undefined, gamesDir: string): NewGame {
  if (!id) throw new UsageError('new needs a game id: ledtable new <id>, e.g. ledtable new catch');
  if (!VALID_ID.test(id)) {
    throw new UsageError(
      `"${id}" is not a valid game id: use lowercase letters, digits and dashes, starting with a letter or digit (e.g. "space-race")`,
    );
  }
  const dir = join(resolve(gamesDir), id);
  if (existsSync(dir)) {
    throw new UsageError(`${dir} already exists: pick another id, or delete that folder first`);
  }
  // Imports from the new folder reach src/ by a relative path, so --games DIR works anywhere.
  const src = relative(dir, SOURCE_ROOT).split(sep).join('/').replace(/\/$/, '');
  const fill = (text: string) =>
    text.replaceAll('__SRC__', src).replaceAll('__ID__', id).replaceAll('__TITLE__', titleOf(id));
  const files: [string, string][] = [
    ['index.ts', 'index.ts.tmpl'],
    [`${id}.test.ts`, 'game.test.ts.tmpl'],
    ['README.md', 'README.md.tmpl'],
  ];
  mkdirSync(dir, { recursive: true });
  for (const [name, template] of files) {
    writeFileSync(join(dir, name), fill(readFileSync(join(TEMPLATES, template), 'utf8')));
  }
  return { dir, files: files.map(([name]) => name) };
}
