import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeError, type Logger } from '../engine/log.ts';

/** A log file grows to about this many bytes before it becomes FILE.1 (1 MiB). */
export const LOG_CAP_BYTES = 1024 * 1024;

/**
 * Appends timestamped lines to a log file and echoes warnings and errors (every line when
 * `verbose`) to `echo`, e.g. stderr when the terminal is not showing the table. Logging never
 * throws: if the file cannot be written, lines go to `echo` only. The file never grows past
 * `capBytes` (plus one line): it is renamed to FILE.1, replacing the one before, and a new one
 * starts, so at most two files and 2 × capBytes stay on disk.
 */
export class FileLogger implements Logger {
  private broken = false;
  /** Bytes in the current file (what was there at start plus what this logger appended). */
  private size = 0;
  /** The first warnings and errors of the run (at most 20), to repeat on stderr at exit. */
  readonly problems: string[] = [];

  constructor(
    readonly path: string,
    private readonly echo?: (line: string) => void,
    private readonly verbose = false,
    private readonly capBytes = LOG_CAP_BYTES,
  ) {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch {
      this.broken = true;
    }
    try {
      this.size = statSync(path).size;
    } catch {
      this.size = 0; // no file yet
    }
  }

  info(message: string): void {
    this.write('info', message);
    if (this.verbose) this.echo?.(`ledtable: ${message}`);
  }

  warn(message: string): void {
    this.remember(message);
    this.write('warn', message);
    this.echo?.(`ledtable: ${message}`);
  }

  error(message: string, error?: unknown): void {
    this.remember(message);
    const stack = error === undefined ? '' : `\n${describeError(error).stack}`;
    this.write('error', message + stack);
    this.echo?.(`ledtable: ${message}${this.verbose ? stack : ''}`);
  }

  private remember(message: string): void {
    if (this.problems.length < 20) this.problems.push(message);
  }

  private write(level: string, text: string): void {
    if (this.broken) return;
    const line = `${new Date().toISOString()} ${level} ${text}\n`;
    try {
      if (this.size > 0 && this.size + Buffer.byteLength(line) > this.capBytes) {
        renameSync(this.path, `${this.path}.1`);
        this.size = 0;
      }
      appendFileSync(this.path, line);
      this.size += Buffer.byteLength(line);
    } catch {
      this.broken = true;
    }
  }
}
