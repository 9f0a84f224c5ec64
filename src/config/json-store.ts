import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { unsafeKeyIn } from './safe-keys.ts';

const errorText = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOTDIR') return `${e.message} (a part of the path is a file, not a directory)`;
  if (e.code === 'EEXIST' && e.syscall === 'mkdir') return `${e.message} (it is a file, not a directory)`;
  return e.message ?? String(error);
};

/** The default shape check: a JSON object (not an array, not null). */
export const plainObject = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? undefined
    : `expected a JSON object, found ${describeJson(v)}`;

/** A short description of a JSON value for a message: its kind, never more than 40 characters of it. */
export function describeJson(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `an array of ${v.length}`;
  if (v === null || typeof v !== 'object') {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  }
  return 'an object';
}

/**
 * One JSON document on disk, written atomically: a reader (or a power cut) sees either the old
 * file or the new one, never half of each. Never throws: problems go to `report` and reads fall
 * back to `fallback()`.
 *
 * Never loses data: a file that does not parse or has the wrong shape is moved aside (renamed to
 * `<path>.corrupt-<time>`); a file that exists but could not be read (permissions, a directory,
 * an I/O error), or could not be moved aside, is never written over: `write` refuses until a
 * later `read` succeeds. Keys `__proto__`, `constructor` and `prototype` anywhere make a file
 * corrupt. `read` also removes `<path>.tmp-<pid>` files left by killed writers.
 *
 * `validate` (optional) returns why a parsed value is unusable, or undefined when it is fine; by
 * default any JSON object (not an array) is accepted.
 */
export class JsonFile<T> {
  /** Set when the file exists but could not be read or moved aside: writing would lose it. */
  private unreadable: string | undefined;
  private staleChecked = false;

  constructor(
    readonly path: string,
    private readonly fallback: () => T,
    private readonly report: (message: string) => void,
    private readonly validate: (value: unknown) => string | undefined = plainObject,
  ) {}

  /** The stored value; a missing file gives `fallback()` silently, a corrupt one is moved aside. */
  read(): T {
    if (!this.staleChecked) {
      this.staleChecked = true;
      removeStaleTemps(this.path);
    }
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.unreadable = undefined;
      } else {
        this.unreadable = errorText(error);
        this.report(
          `could not read ${this.path} (${this.unreadable}); started with defaults and will not save over it until it can be read`,
        );
      }
      return this.fallback();
    }
    this.unreadable = undefined;
    let reason: string | undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
      const key = unsafeKeyIn(value);
      reason = key === undefined ? this.validate(value) : `it has the key "${key}", which is never allowed`;
    } catch (error) {
      reason = (error as Error).message;
    }
    if (reason === undefined) return value as T;
    this.moveAside(reason);
    return this.fallback();
  }

  /**
   * Replaces the file: writes `<path>.tmp-<pid>`, fsyncs it, renames it over the file and fsyncs
   * the directory (best effort). Creates missing parent directories with mode 0700. Returns
   * false (after reporting why) when the file could not be written.
   */
  write(value: T): boolean {
    if (this.unreadable !== undefined) {
      this.report(
        `did not save ${this.path}: it exists but could not be read (${this.unreadable}); fix or remove it to save again`,
      );
      return false;
    }
    const tmp = `${this.path}.tmp-${process.pid}`;
    const dir = dirname(this.path);
    let fd: number | undefined;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      fd = openSync(tmp, 'w', 0o644);
      writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(tmp, this.path);
    } catch (error) {
      cleanUp(fd, tmp);
      this.report(
        `could not save ${this.path}: ${errorText(error)}; check that ${dir} is a writable directory`,
      );
      return false;
    }
    syncDirectory(dir);
    return true;
  }

  private moveAside(reason: string): void {
    const aside = `${this.path}.corrupt-${new Date().toISOString()}`;
    try {
      renameSync(this.path, aside);
      this.report(`${this.path} was corrupt (${reason}); moved it to ${aside} and started with defaults`);
    } catch (error) {
      this.unreadable = `corrupt and could not be moved aside: ${errorText(error)}`;
      this.report(
        `${this.path} was corrupt (${reason}) and could not be moved aside (${errorText(error)}); ` +
          'started with defaults and will not save over it',
      );
    }
  }
}

/**
 * Removes `<path>.tmp-<pid>` files whose writer is gone (a write killed between open and rename).
 * A temp file of a running process (this one or another) is left alone. Best effort, silent.
 */
export function removeStaleTemps(path: string): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isSafeInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { force: true });
    } catch {
      // another cleaner won the race, or the directory is read-only: harmless
    }
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** After a failed write: close and remove the temp file, ignoring further errors. */
function cleanUp(fd: number | undefined, tmp: string): void {
  try {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
  } catch {
    // the report about the first error is what matters
  }
}

/** fsync a directory so a rename in it survives a power cut. Some filesystems refuse: ignored. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort: not supported everywhere
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
