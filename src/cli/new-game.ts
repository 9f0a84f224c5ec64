import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_GAMES } from './discover.ts';
import { isModulePackage } from './hot-reload.ts';
import { UsageError } from './io.ts';

/** Folder names the engine loads: lowercase letters, digits and dashes (see discover.ts). */
const VALID_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Longest id `new` accepts: it names a folder and shows in menus (file systems stop at 255 bytes). */
export const MAX_ID_LENGTH = 40;
const TEMPLATES = fileURLToPath(new URL('./templates/game/', import.meta.url));
const SOURCE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPOSITORY = resolve(SOURCE_ROOT, '..');

export interface NewGame {
  /** The folder created: <gamesDir>/<id>. */
  readonly dir: string;
  /** Paths written, relative to `dir` (`../package.json` when the games folder needed one). */
  readonly files: readonly string[];
  /** What to type next: how to play and test the new game from where it was written. */
  readonly next: string;
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
  if (id.length > MAX_ID_LENGTH) {
    throw new UsageError(
      `a game id may have at most ${MAX_ID_LENGTH} characters; "${id.slice(0, 20)}..." has ${id.length}: pick a shorter one`,
    );
  }
  if (!VALID_ID.test(id)) {
    throw new UsageError(
      `"${id}" is not a valid game id: use lowercase letters, digits and dashes, starting with a letter or digit (e.g. "space-race")`,
    );
  }
  const root = resolve(gamesDir);
  const dir = join(root, id);
  if (existsSync(dir)) {
    throw new UsageError(`${dir} already exists: pick another id, or delete that folder first`);
  }
  // Games are ES modules: outside a "type": "module" package, index.ts would load as CommonJS
  // and fail ("Cannot require() ES Module … in a cycle"). Give the games folder its own
  // package.json then; never rewrite one that is there.
  const manifest = join(root, 'package.json');
  const needsManifest = !isModulePackage(root);
  if (needsManifest && existsSync(manifest)) {
    throw new UsageError(
      `${manifest} does not say "type": "module", so games in ${root} cannot load: add "type": "module" to it`,
    );
  }
  // Imports from the new folder reach src/ by a relative path, so --games DIR works anywhere.
  const src = relative(dir, SOURCE_ROOT).split(sep).join('/').replace(/\/$/, '');
  const fill = (text: string) =>
    text.replaceAll('__SRC__', src).replaceAll('__ID__', id).replaceAll('__TITLE__', titleOf(id));
  const files: [string, string][] = [
    ['index.ts', 'index.ts.tmpl'],
    ['sounds.ts', 'sounds.ts.tmpl'],
    [`${id}.test.ts`, 'game.test.ts.tmpl'],
    ['README.md', 'README.md.tmpl'],
  ];
  mkdirSync(dir, { recursive: true });
  for (const [name, template] of files) {
    writeFileSync(join(dir, name), fill(readFileSync(join(TEMPLATES, template), 'utf8')));
  }
  const written = files.map(([name]) => name);
  if (needsManifest) {
    writeFileSync(manifest, '{ "type": "module" }\n');
    written.push('../package.json');
  }
  return { dir, files: written, next: nextSteps(id, root, dir) };
}

/** "play it: … test it: …" for a game written to `dir` inside the games folder `root`. */
export function nextSteps(id: string, root: string, dir: string): string {
  const games = root === BUILT_IN_GAMES ? '' : ` --games ${root}`;
  const testFile = join(dir, `${id}.test.ts`);
  const path = relative(REPOSITORY, testFile).split(sep);
  // test/run.ts only looks in these folders of the repository (never in node_modules); elsewhere
  // the file runs on its own, and its `import 'uvu'` resolves from the file's folder.
  const found =
    ['games', 'test', 'hardware', 'src'].includes(path[0] ?? '') && !path.includes('node_modules');
  const test = found
    ? `npx tsx test/run.ts ${path.join('/')}`
    : `npx tsx ${testFile} (install uvu in ${root} or a folder above it first: npm install --save-dev uvu)`;
  return `play it: npx ledtable play ${id}${games} --watch\ntest it: ${test}`;
}
