import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeError, type Logger } from '../engine/log.ts';

/**
 * Appends timestamped lines to a log file (and, for warnings and errors, to `echo`, e.g. stderr
 * when the terminal is not showing the table). Logging never throws: if the file cannot be
 * written, lines go to `echo` only.
 */
export class FileLogger implements Logger {
  private broken = false;

  constructor(
    readonly path: string,
    private readonly echo?: (line: string) => void,
  ) {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch {
      this.broken = true;
    }
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
    this.echo?.(`ledtable: ${message}`);
  }

  error(message: string, error?: unknown): void {
    const stack = error === undefined ? '' : `\n${describeError(error).stack}`;
    this.write('error', message + stack);
    this.echo?.(`ledtable: ${message}`);
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
