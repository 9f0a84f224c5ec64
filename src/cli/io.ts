/** The process streams a command uses; tests pass fakes. */
export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
};

/** What usage errors end with unless they know better. */
export const HELP_HINT = 'Run `ledtable --help` for every option.';

/**
 * A mistake the user can fix: printed as one clear line, exit code 2, no stack trace, then
 * `hint` (the --help pointer by default; '' for none, when the message already says the fix).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint = HELP_HINT,
  ) {
    super(message);
  }
}
