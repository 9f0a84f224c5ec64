import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeError, type Logger } from '../engine/log.ts';

/**
 * Appends timestamped lines to a log file and echoes warnings and errors (every line when
 * `verbose`) to `echo`, e.g. stderr when the terminal is not showing the table. Logging never
 * throws: if the file cannot be written, lines go to `echo` only.
 */
export class FileLogger implements Logger {
  private broken = false;
  /** The first warnings and errors of the run (at most 20), to repeat on stderr at exit. */
  readonly problems: string[] = [];

  constructor(
    readonly path: string,
    private readonly echo?: (line: string) => void,
    private readonly verbose = false,
  ) {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch {
      this.broken = true;
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
    try {
      appendFileSync(this.path, `${new Date().toISOString()} ${level} ${text}\n`);
    } catch {
      this.broken = true;
    }
  }
}
