import { spawn } from 'node:child_process';

/** What a finished command left behind. */
export interface ShellResult {
  /** Exit code; -1 when it could not start (the error is in stderr). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one command in a directory and collects its output; never throws. */
export type Shell = (command: string, args: readonly string[], cwd: string) => Promise<ShellResult>;

/** The real shell: spawn without a shell, output kept to its last 8 KB. */
export const spawnShell: Shell = (command, args, cwd) =>
  new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-8192);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8192);
    });
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: `${command}: ${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
