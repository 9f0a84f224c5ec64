import { existsSync, type FSWatcher, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Logger } from '../engine/log.ts';
import type { Scene } from '../engine/scene.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import { guardGame } from '../isolation/game-guard.ts';
import type { TableHost } from '../table/host.ts';
import type { Table } from '../table/table.ts';
import { loadGameFolder } from './discover.ts';

export interface HotReloadOptions {
  readonly table: Table;
  /** The folder holding one sub-folder per game (options.games or the built-in games/). */
  readonly gamesDir: string;
  readonly log: Logger;
  /** Quiet time after the last change before reloading (ms). Default 80: editors write in bursts. */
  readonly debounceMs?: number;
}

export interface HotReload {
  /** Successful reloads so far. */
  readonly reloads: number;
  /** Reloads that failed (syntax error, bad export) so far. */
  readonly failures: number;
  /** Stops watching. */
  close(): void;
}

const ERROR_COLOR = 0xff3030;

/**
 * Watches `gamesDir` (recursively; Linux and macOS) and reloads a game whenever a file in its
 * folder changes: its modules are imported fresh (sub-modules too, see fresh-import.ts) and
 * handed to `table.replace`, which restarts it with the same players, settings and seed when it
 * is the game played last. A load error (syntax error, missing export) is logged and shown on the
 * table until the next save fixes it; a runtime error takes the engine's usual crash path, and
 * the next save restarts the game. The process keeps running throughout.
 */
export function watchGames(options: HotReloadOptions): HotReload {
  const { table, gamesDir, log } = options;
  const debounceMs = options.debounceMs ?? 80;
  const timers = new Map<string, NodeJS.Timeout>();
  let version = 0;
  let reloads = 0;
  let failures = 0;
  let queue = Promise.resolve();

  const reload = async (folder: string) => {
    // Only game folders: others (a data directory, notes) are not games and never reload.
    if (!['index.ts', 'index.js'].some((name) => existsSync(join(gamesDir, folder, name)))) return;
    const loaded = await loadGameFolder(gamesDir, folder, ++version);
    if ('problem' in loaded) {
      failures++;
      log.error(`reload ${folder} failed: ${loaded.problem}`);
      if (table.lastLaunch?.game.id === folder) table.show(new ReloadError(table, folder, loaded.problem));
      return;
    }
    reloads++;
    log.info(`reloaded ${folder} (version ${version})`);
    table.replace(guardGame(loaded.game)); // the real-time table guards every game (src/isolation/)
  };

  const watcher = watchTree(
    gamesDir,
    (path, isDirectory) => {
      const folder = path.split(sep)[0];
      // Files directly in gamesDir are no game; a folder appearing there is (a new game).
      if (!folder || folder.startsWith('.') || folder.startsWith('_') || (folder === path && !isDirectory))
        return;
      clearTimeout(timers.get(folder));
      timers.set(
        folder,
        setTimeout(() => {
          timers.delete(folder);
          queue = queue.then(() => reload(folder)).catch((error: unknown) => log.error('hot reload', error));
        }, debounceMs),
      );
    },
    (error) => log.error(`hot reload stopped watching ${gamesDir}`, error),
  );
  log.info(`watching ${gamesDir} for changes (hot reload)`);
  if (!isModulePackage(gamesDir)) {
    log.warn(
      `hot reload: ${gamesDir} is not inside a package.json with "type": "module", so reloads reuse the old code; add one there`,
    );
  }

  return {
    get reloads() {
      return reloads;
    },
    get failures() {
      return failures;
    },
    close() {
      watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/**
 * The line a failed reload shows on the table: the folder and the file, line and column with the
 * compiler's message when there is one ("catch: index.ts:8:17: Unexpected \";\""), else the first
 * line of the problem, always without the long absolute path.
 */
export function reloadErrorText(folder: string, problem: string): string {
  const lines = problem.split('\n');
  const line = lines.find((text) => text.includes(': ERROR: '))?.replace(': ERROR: ', ': ') ?? lines[0] ?? '';
  const at = line.lastIndexOf(`${folder}/`);
  return `${folder}: ${at < 0 ? line : line.slice(at + folder.length + 1)}`;
}

/** A load error, in red, until the next save reloads the game (or back returns to the menu). */
class ReloadError implements Scene {
  readonly title = 'Reload error';
  /** The whole problem for the terminal's status line (the table scrolls a short form). */
  readonly hint: string;
  private shownFor = 0;
  private readonly text: string;

  constructor(
    private readonly host: TableHost,
    folder: string,
    problem: string,
  ) {
    this.text = reloadErrorText(folder, problem);
    this.hint = `${folder}: ${problem.replace(/\s+/g, ' ')} · save to retry · back menu`;
  }

  update(input: Input): void {
    this.shownFor++;
    if (input.any.pressed('back')) this.host.menu();
  }

  draw(g: Graphics): void {
    g.clear();
    g.rect(0, 0, g.width, g.height, ERROR_COLOR);
    g.banner(this.text.toUpperCase(), Math.floor((g.height - 5) / 2), 0xffffff, this.shownFor, {
      x: 1,
      width: g.width - 2,
    });
  }
}

/**
 * Watches `root` and every directory below it (but node_modules and dot-folders) with one
 * non-recursive fs.watch each; directories created later join when they appear. Calls `changed`
 * with the path (relative to root) of each entry that changed. Not `watch(root, { recursive })`:
 * on Linux, Node 20 emulates that per file and loses a file for good once a rename replaces it,
 * which is how many editors and `sed -i` save, so every later save went unnoticed.
 */
export function watchTree(
  root: string,
  changed: (path: string, isDirectory: boolean) => void,
  failed: (error: unknown) => void,
): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const isDirectory = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  };
  const forget = (dir: string) => {
    for (const [path, watcher] of watchers) {
      if (path === dir || path.startsWith(dir + sep)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };
  /** Starts watching `dir` and its sub-directories; `announce` reports the files already in them. */
  const add = (dir: string, announce: boolean) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        const path = name ? join(dir, name.toString()) : dir;
        const directory = isDirectory(path);
        if (directory && path !== dir) add(path, true);
        else if (!directory) forget(path); // a watched folder that was deleted or renamed away
        changed(relative(root, path), directory);
      });
    } catch (error) {
      if (dir === root) failed(error);
      return; // gone already, or unreadable: nothing to watch
    }
    watchers.set(dir, watcher);
    watcher.on('error', (error) => {
      forget(dir);
      if (dir === root) failed(error);
    });
    let entries: import('node:fs').Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // Deleted while we looked: its parent's watcher reports that.
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) add(path, announce);
      } else if (announce) {
        changed(relative(root, path), false); // written before this watcher existed
      }
    }
  };
  add(resolve(root), false);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** True when the nearest package.json at or above `dir` says "type": "module" (reload needs ESM). */
export function isModulePackage(dir: string): boolean {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const file = join(at, 'package.json');
    if (existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { type?: string }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(at) === at) return false;
  }
}
