/** Where the engine and games write diagnostics. Never stdout: that may be the simulator. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** `error` carries the stack when there is one. */
  error(message: string, error?: unknown): void;
}

/**
 * Formats an unknown thrown value as "message" plus its stack when available. Never throws,
 * whatever was thrown (`Object.create(null)`, an object whose toString throws, a revoked proxy).
 */
export function describeError(error: unknown): { message: string; stack: string } {
  try {
    if (error instanceof Error) {
      const message = String(error.message);
      return { message, stack: typeof error.stack === 'string' ? error.stack : message };
    }
    const text = String(error);
    return { message: text, stack: text };
  } catch {
    let text = 'a value that cannot be shown';
    try {
      text = `a thrown ${Object.prototype.toString.call(error)}`;
    } catch {
      // a revoked proxy refuses even that
    }
    return { message: text, stack: text };
  }
}

/** Keeps lines in memory (tests, headless runs that print them at the end). */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info: ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  error(message: string, error?: unknown): void {
    this.lines.push(`error: ${message}${error === undefined ? '' : `\n${describeError(error).stack}`}`);
  }
}
