import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

const errorText = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOTDIR') return `${e.message} (a part of the path is a file, not a directory)`;
  if (e.code === 'EEXIST' && e.syscall === 'mkdir') return `${e.message} (it is a file, not a directory)`;
  return e.message ?? String(error);
};

/**
 * One JSON document on disk, written atomically: a reader (or a power cut) sees either the old
 * file or the new one, never half of each. Never throws: problems go to `report` and reads fall
 * back to `fallback()`.
 *
 * `validate` (optional) returns why a parsed value is unusable, or undefined when it is fine; by
 * default any JSON object or array is accepted.
 */
export class JsonFile<T> {
  constructor(
    readonly path: string,
    private readonly fallback: () => T,
    private readonly report: (message: string) => void,
    private readonly validate: (value: unknown) => string | undefined = (v) =>
      typeof v === 'object' && v !== null ? undefined : `expected a JSON object, found ${JSON.stringify(v)}`,
  ) {}

  /** The stored value; a missing file gives `fallback()` silently, a corrupt one is moved aside. */
  read(): T {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.report(`could not read ${this.path} (${errorText(error)}); started with defaults`);
      }
      return this.fallback();
    }
    let reason: string | undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
      reason = this.validate(value);
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
      this.report(
        `${this.path} was corrupt (${reason}) and could not be moved aside (${errorText(error)}); ` +
          'started with defaults and will overwrite it on the next save',
      );
    }
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
